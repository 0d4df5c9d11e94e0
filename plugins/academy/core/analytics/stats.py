"""The few statistics item analysis needs, written out so each is checkable.

Hand-rolled on purpose: the standard library has ``statistics.correlation``
but none of the psychometric indices, and NumPy or SciPy would be a large
dependency for six short formulas. Each function cites its formula and is
tested against values worked by hand (``tests/test_insights_stats.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def share(hits: int, total: int) -> float:
    """``hits / total``, 0 for an empty group."""
    return hits / total if total else 0.0


def point_biserial(item: Sequence[bool], totals: Sequence[float]) -> float | None:
    """Point-biserial correlation between a right/wrong item and a score.

    r_pb = (M1 - M0) / s * sqrt(p * q), where M1 and M0 are the mean scores of
    those who got the item right and wrong, s the population standard
    deviation of all scores, p the share right and q = 1 - p (Lord & Novick
    1968, eq. 15.2.4). It equals Pearson's r with the item coded 1/0.
    ``None`` when it is undefined: everyone right, everyone wrong, or every
    score the same.
    """
    n = len(item)
    right = [t for hit, t in zip(item, totals, strict=True) if hit]
    if n < 2 or not right or len(right) == n:
        return None
    wrong = [t for hit, t in zip(item, totals, strict=True) if not hit]
    mean = sum(totals) / n
    sd = math.sqrt(sum((t - mean) ** 2 for t in totals) / n)
    if sd == 0:
        return None
    p = len(right) / n
    return (sum(right) / len(right) - sum(wrong) / len(wrong)) / sd * math.sqrt(p * (1 - p))


def upper_lower(item: Sequence[bool], totals: Sequence[float], fraction: float = 0.27) -> float | None:
    """Upper-lower discrimination index D = p_upper - p_lower.

    Learners are ranked by score; the top and bottom ``fraction`` (27%, after
    Kelley 1939) form the groups, and D is the difference of their shares
    right. Ties at a group's edge are broken by input order, as the
    classical hand method does. ``None`` for fewer than 4 learners.
    """
    n = len(item)
    size = max(1, round(n * fraction))
    if n < 4:
        return None
    order = sorted(range(n), key=lambda i: totals[i])
    lower = order[:size]
    upper = order[-size:]
    return sum(item[i] for i in upper) / size - sum(item[i] for i in lower) / size


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha for learners (rows) by items (columns).

    alpha = k / (k - 1) * (1 - sum(var_i) / var_total) (Cronbach 1951), with
    population variances throughout (the n/(n-1) factors cancel). With items
    scored 0/1, var_i = p_i * q_i and this is KR-20 (Kuder & Richardson
    1937). ``None`` for fewer than 2 items or 2 learners, or when every
    learner has the same total.
    """
    n = len(rows)
    k = len(rows[0]) if rows else 0
    if n < 2 or k < 2:
        return None

    def variance(values: Sequence[float]) -> float:
        mean = sum(values) / len(values)
        return sum((v - mean) ** 2 for v in values) / len(values)

    total = variance([sum(r) for r in rows])
    if total == 0:
        return None
    items = sum(variance([r[j] for r in rows]) for j in range(k))
    return k / (k - 1) * (1 - items / total)


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing the mean of their ranks."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for m in range(i, j + 1):
            out[order[m]] = (i + j) / 2 + 1
        i = j + 1
    return out


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's r; ``None`` when either side does not vary."""
    n = len(x)
    if n < 2:
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx and sy else None


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rho: Pearson's r of the ranks (ties get mean ranks)."""
    return pearson(ranks(x), ranks(y))
