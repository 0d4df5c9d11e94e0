"""The insights formulas against values worked by hand or by the standard library."""

from __future__ import annotations

import math
import statistics

import pytest

from academy.core.analytics.stats import cronbach_alpha, point_biserial, ranks, spearman, upper_lower


def test_point_biserial_is_pearson_with_the_item_coded_one_zero() -> None:
    item = [True, True, False, False]
    totals = [4.0, 3.0, 2.0, 1.0]
    # (M1 - M0) / s * sqrt(pq) = (3.5 - 1.5) / sqrt(1.25) * 0.5
    assert point_biserial(item, totals) == pytest.approx(2 / math.sqrt(1.25) * 0.5)
    assert point_biserial(item, totals) == pytest.approx(statistics.correlation([1, 1, 0, 0], totals))
    # Learners who do well overall get it wrong: negative.
    assert point_biserial([False, False, True, True], totals) == pytest.approx(-0.894427, abs=1e-6)


@pytest.mark.parametrize(
    ("item", "totals"),
    [
        ([True, True, True], [1.0, 2.0, 3.0]),
        ([False, False], [1.0, 2.0]),
        ([True, False], [2.0, 2.0]),
        ([True], [1.0]),
    ],
)
def test_point_biserial_is_undefined_without_variation(item: list[bool], totals: list[float]) -> None:
    assert point_biserial(item, totals) is None


def test_upper_lower_compares_the_top_and_bottom_27_percent() -> None:
    # Ten learners: groups of round(2.7) = 3. Top three by score: 2 right; bottom three: 0 right.
    totals = [float(t) for t in range(10)]
    item = [False, False, False, True, False, True, False, True, False, True]
    assert upper_lower(item, totals) == pytest.approx(2 / 3 - 0)
    assert upper_lower([True, False, True], [1.0, 2.0, 3.0]) is None


def test_cronbach_alpha_on_right_wrong_items_is_kr20() -> None:
    rows = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0], [1, 1, 1]]
    k = 3
    p = [sum(r[j] for r in rows) / len(rows) for j in range(k)]
    totals = [sum(r) for r in rows]
    kr20 = k / (k - 1) * (1 - sum(x * (1 - x) for x in p) / statistics.pvariance(totals))
    assert cronbach_alpha(rows) == pytest.approx(kr20)
    # By hand: p = .8, .6, .4; sum pq = .64; totals 3, 2, 1, 0, 3 have variance 1.36.
    assert cronbach_alpha(rows) == pytest.approx(1.5 * (1 - 0.64 / 1.36)) == pytest.approx(27 / 34)


def test_cronbach_alpha_needs_two_items_two_learners_and_spread() -> None:
    assert cronbach_alpha([[1], [0]]) is None
    assert cronbach_alpha([[1, 0]]) is None
    assert cronbach_alpha([[1, 0], [0, 1]]) is None  # every total the same
    assert cronbach_alpha([]) is None


def test_spearman_ranks_ties_by_their_mean() -> None:
    assert ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1)
    assert spearman([1, 2, 3, 4], [40, 30, 20, 10]) == pytest.approx(-1)
    # 1 - 6 * sum(d^2) / (n (n^2 - 1)) with d = (0, 1, -1, 0): 1 - 12 / 60
    assert spearman([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)
    assert spearman([1, 1], [1, 2]) is None
