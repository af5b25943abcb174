"""The compact records of the model (issue 15, memory flat in size): slotted, spans
packed, a task's clause and a node's heading read from the plan's text through their
span. What a user sees must be what it was: tuples, strings, equality, pickling, copies."""
from __future__ import annotations

import copy
import pickle
import sys

import pytest

import policyparse
from policyparse.model import Node, Quantity, Task, TextSource, share_text


def test_records_have_no_instance_dict(bundled_plan: policyparse.Plan) -> None:
    for rec in (bundled_plan.nodes[0], bundled_plan.tasks[0], bundled_plan.quantities[0], bundled_plan.edges[0],
                bundled_plan.actors[0], bundled_plan.tasks[0].actors[0]):
        assert not hasattr(rec, "__dict__"), type(rec).__name__


def test_spans_and_texts_read_as_before(bundled_plan: policyparse.Plan) -> None:
    text = bundled_plan.text
    for t in bundled_plan.tasks:
        assert type(t.span) is tuple and all(type(x) is int for x in t.span)
        assert t.text == text[t.span[0]:t.span[1]] and type(t.text) is str
        if t.object_span is not None:
            assert t.object == text[t.object_span[0]:t.object_span[1]]
    for n in bundled_plan.nodes:
        if n.heading_span is not None:
            assert n.heading == text[n.heading_span[0]:n.heading_span[1]]
        else:
            assert n.heading is None
    for q in bundled_plan.quantities:
        assert q.surface == text[q.span[0]:q.span[1]]
        assert q.text == text[q.clause_span[0]:q.clause_span[1]]


def test_the_clause_is_shared_not_copied(bundled_plan: policyparse.Plan) -> None:
    t = bundled_plan.tasks[0]
    assert type(Task._raw_slots["text"].__get__(t)) is TextSource
    assert Task._raw_slots["text"].__get__(t).text is bundled_plan.text


def test_pickle_and_copies_keep_equality_and_json(bundled_plan: policyparse.Plan) -> None:
    data = pickle.dumps(bundled_plan)
    back = pickle.loads(data)
    assert back == bundled_plan
    assert back.to_json() == bundled_plan.to_json()
    # the text travels once, not once per task: the longest clause is in the pickle only
    # where it is in the text (and the raw text), not once more as the task's own copy
    clause = max((t.text for t in bundled_plan.tasks), key=len).encode()
    held = bundled_plan.text.encode().count(clause)
    if bundled_plan.raw_text is not bundled_plan.text:
        held += (bundled_plan.raw_text or "").encode().count(clause)
    assert data.count(clause) == held
    for dup in (copy.deepcopy(bundled_plan), copy.copy(bundled_plan.tasks[3])):
        assert dup == (bundled_plan if isinstance(dup, policyparse.Plan) else bundled_plan.tasks[3])


def test_a_record_built_by_hand_keeps_what_it_was_given() -> None:
    t = Task(id="t0", node="n0", verb="推进", verb_class=None, modifiers=["大力"], object="改革",
             span=(2, 6), text="大力推进", object_span=(8, 10))
    assert t.text == "大力推进" and t.object == "改革" and t.span == (2, 6)
    share_text(t, TextSource("xx大力推进yyzz"))  # the clause matches the text, the object does not
    assert t.text == "大力推进" and t.object == "改革"
    assert type(Task._raw_slots["text"].__get__(t)) is TextSource
    assert type(Task._raw_slots["object"].__get__(t)) is str
    t.span = (0, 2)  # a span past what packing holds, or a list, is stored as given
    assert t.span == (0, 2)
    big = Node(id="n0", parent=None, kind="section", label="一、", ordinal=1, heading=None,
               span=(0, 2**40), raw_span=(0, 1))
    assert big.span == (0, 2**40)
    q = Quantity(id="q0", node="n0", task=None, kind="target", indicator=None, comparator="=", value=1.0,
                 value_max=None, unit="%", base_value=None, base_unit=None, measure="level", commitment=None,
                 deadline=None, text="增长1%", span=(2, 4))
    assert pickle.loads(pickle.dumps(q)) == q


@pytest.mark.parametrize("cls,limit", [(Task, 200), (Node, 200), (Quantity, 216)])
def test_a_record_is_smaller_than_a_dict_of_its_fields(cls: type, limit: int) -> None:
    # what the slots buy: no per-instance dict (the regression this guards is a lost slots=True);
    # a Quantity has two more slots since schema 1.5 (base_period and its span: 208 bytes)
    assert "__slots__" in cls.__dict__ and sys.getsizeof(object.__new__(cls)) < limit
