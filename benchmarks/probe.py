"""The probe module: one realistic module, written by hand, cloned N times.

`generate.py` builds each of its modules from random sentences; this one
reads like a real module and carries what real modules carry that the
generated ones do not: authoring warnings (a wrong choice without feedback,
a check without an explanation, an overdue review, vague link text, a
skipped heading level) and, with no learning paths, every module reported
as in no path. Warnings are located at their YAML line, which is the cost
the generated modules never show.
"""

from __future__ import annotations

FRONT = """---
id: {mid}
title: "Billing disputes {n}: from first message to settled account"
summary: >-
  Take a billing dispute from the first angry message to a settled account:
  find the charge, explain it in plain words, and fix or escalate it.
level: intermediate
duration: 25
tags: [billing, disputes, communication]
owner: billing-enablement
reviewed: 2025-03-01
review_every: 180
objectives:
  - id: find-charge
    text: Find the charge a customer disputes, and what caused it, in the billing history.
    bloom: apply
  - id: explain-charge
    text: Explain a charge in plain words, without billing jargon, in one short paragraph.
    bloom: understand
  - id: settle-dispute
    text: Decide whether to refund, correct or escalate a disputed charge, and say why.
    bloom: evaluate
checks:
  - id: first-move
    objective: find-charge
    type: single
    prompt: >-
      A customer writes that they were charged twice this month. What do you
      do before replying with anything of substance?
    choices:
      - text: Refund the second charge straight away, to calm things down.
        feedback: >-
          A refund before you know what happened may undo a correct charge,
          and a second refund later is much harder to explain.
      - text: Open the billing history and find both charges and what made each one.
        correct: true
        feedback: >-
          Yes. Two charges can be a duplicate, a plan change or an annual
          renewal; the history tells you which.
      - text: Ask the customer to send a bank statement.
    hint: What would you need to know to explain either charge?
    explanation: >-
      Every dispute starts in the billing history. Knowing what caused each
      charge is what lets you explain it, correct it or refund it with
      confidence.
  - id: jargon-free
    objective: explain-charge
    type: multiple
    prompt: >-
      Which of these sentences explain a proration without billing jargon?
      Select all that apply.
    choices:
      - text: You moved to the larger plan on the 12th, so this bill covers the larger plan from that day.
        correct: true
        feedback: It names the event and the date, and says what the money paid for.
      - text: Your account was prorated per the upgrade event on your subscription.
        feedback: Prorated, event and subscription are our words, not the customer's.
      - text: You paid for the smaller plan until the 12th, and for the larger one after that.
        correct: true
        feedback: Two plain facts that add up to the charge.
    explanation: >-
      A plain explanation names what the customer did, when, and what the
      money paid for. It never leans on the words our billing system uses.
  - id: refund-window
    objective: settle-dispute
    type: true-false
    prompt: >-
      An agent may refund a duplicate charge found in the history without
      asking a team lead, whatever its amount.
    answer: false
    feedback:
      correct: Right. Duplicates above the agent's refund limit go to a team lead.
      incorrect: Not quite. The refund limit applies to duplicates too.
    explanation: >-
      Agents refund duplicates up to their limit on their own. Above it, a
      team lead approves, so that large refunds get a second pair of eyes.
  - id: dispute-steps
    objective: settle-dispute
    type: order
    prompt: Put the steps of settling a dispute in order.
    items:
      - Acknowledge the dispute and say you will look into it.
      - Find the charges and their causes in the billing history.
      - Explain what you found in plain words.
      - Refund, correct or escalate, and say what happens next.
    hint: You cannot explain what you have not found.
  - id: charge-causes
    objective: find-charge
    type: match
    prompt: Match each line of the billing history with what caused it.
    pairs:
      - [Renewal, The plan renewed for another year on its anniversary.]
      - [Proration, The plan changed part of the way through the month.]
      - [Add-on, An extra seat was added to the account.]
    explanation: >-
      Most disputed charges are one of these three. Reading the line's type
      first saves searching the whole history.
  - id: name-the-step
    objective: explain-charge
    type: text
    prompt: >-
      An agent writes: "You moved to the larger plan on the 12th, so this
      bill covers it from that day." Which kind of charge is the agent
      explaining? Answer with one word.
    answers: [proration, prorated]
    hint: The plan changed in the middle of the month.
    explanation: A charge for part of a month after a plan change is a proration.
scenarios:
  - id: double-charge
    objective: settle-dispute
    title: Charged twice
    channel: email
    intro: >-
      A small-business customer writes in, upset: the card on the account was
      charged twice this month, and their accountant has noticed.
    start: opening
    steps:
      opening:
        speaker: Customer
        text: "You charged us twice this month. Fix it today or we are leaving."
        options:
          - text: "I am sorry for the worry. I am opening your billing history now to find both charges."
            next: history
            score: 2
            feedback: You acknowledge, and say what you are doing.
          - text: "Charges can take a few days to settle. Please check again next week."
            next: angrier
            score: 0
            feedback: A brush-off, and possibly wrong.
      history:
        speaker: Agent
        text: "The history shows a renewal on the 1st and a new seat added on the 9th."
        options:
          - text: "Explain both charges in plain words and offer to remove the seat if it was a mistake."
            next: settled
            score: 2
            feedback: Plain words, and a way forward.
          - text: "Tell the customer both charges are correct and close the ticket."
            next: unhappy
            score: 1
            feedback: Correct, but it leaves the customer with nothing to do.
      angrier:
        speaker: Customer
        text: "Next week? Our accountant needs an answer now."
        options:
          - text: "You are right, let me look now. I am opening your billing history."
            next: history
            score: 1
            feedback: A late recovery.
          - text: "I can pass this to the billing team."
            next: lost
            score: 0
            feedback: A handoff without looking first.
      settled:
        ending: success
        text: The customer removes the extra seat, and the next bill is what they expected.
      unhappy:
        ending: partial
        text: The charges stand, but the customer writes in again the next month.
      lost:
        ending: fail
        text: The customer cancels before the billing team replies.
---
"""

BODY = """
Billing disputes are some of the most charged conversations a support team
has, in both senses of the word. The customer believes money has been taken
that should not have been, and the first reply decides whether they read
everything after it as help or as an excuse. This module takes a dispute
from the first message to a settled account, in four moves: find the charge,
explain it, settle it, and close the loop.

## Find the charge before you reply

Resist the urge to answer the feeling with money. A refund sent before you
know what happened can undo a correct charge, and taking it back later is a
second, harder conversation. Open the account's billing history first. Each
line has a date, an amount and a type, and the type is usually the answer:
a renewal, a proration after a plan change, or an add-on such as an extra
seat.

Look at both charges when a customer says they were charged twice. Two
charges in one month are a duplicate far less often than they are two
different things: a renewal on the first of the month, say, and a seat
added a week later. If the amounts and the types match and the dates are
within minutes of each other, it is likely a duplicate, and you can refund
it within your limit.

[[check first-move]]

#### When the history is not enough

Sometimes the history shows a charge whose cause you cannot see: a manual
adjustment by another team, or a charge from a payment provider that never
reached our system. Say so, and say what you will do next. A customer who
knows you are looking waits patiently; one who hears nothing writes again.

- Note the charge's date, amount and reference.
- Check the account's notes for a manual adjustment.
- Ask the billing team, with everything you found, in one message.
- Tell the customer when you will write again, and keep that promise.

## Explain it in plain words

Our billing system has words of its own: prorated, subscription event,
billing cycle, entitlement. Customers use none of them. A plain explanation
names what the customer did, when they did it, and what the money paid for.
"You moved to the larger plan on the 12th, so this bill covers the larger
plan from that day" needs no glossary.

[[check jargon-free]]

Keep it to one short paragraph, and put the number the customer cares about
in it. If a table helps, keep it to the lines in dispute:

| Date | Line | Amount |
|---|---|---|
| 1st | Renewal, one year | 480.00 |
| 9th | Extra seat, rest of the year | 40.00 |

Our [billing glossary](https://billing.invalid/glossary) has the full list
of line types if you need it; there is more on refunds
[here](https://billing.invalid/refunds).

## Settle it

Once you know what happened, there are three ways to settle a dispute:

1. **Refund** a duplicate or a charge made in error, within your limit.
2. **Correct** the account when the charge was right but the plan was not,
   for example an extra seat added by mistake.
3. **Escalate** to a team lead when the refund is above your limit, or to
   the billing team when the cause is outside our system.

Whichever you choose, say why, and say what happens next: when the money
will be back, what the next bill will show, or when you will write again.

## Close the loop

A settled dispute is only settled when the customer's next bill says so.
Add a note to the account with what you found and what you did, so that
whoever reads the next message does not start again from nothing. If you
promised to check the next bill, set yourself a reminder and check it.
Customers remember the agent who wrote back without being asked.
"""


def probe_module(n: int) -> tuple[str, str, str]:
    """The ``n``-th clone: (id, title, file text)."""
    mid = f"probe-{n:05d}"
    front = FRONT.format(mid=mid, n=n)
    title = f"Billing disputes {n}: from first message to settled account"
    return mid, title, front + BODY
