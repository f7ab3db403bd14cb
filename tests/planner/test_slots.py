"""Slot arithmetic: the one rule for which places a re-plan fills and what a lost day pushes off the term."""

from __future__ import annotations

from datetime import date

from curriculum.planner.slots import free_days, open_slots, overflow

D = date.fromisoformat
DAYS = [D("2026-09-07"), D("2026-09-08"), D("2026-09-09"), D("2026-09-10"), D("2026-09-11")]


def test_free_days_start_at_since_and_skip_taken_days():
    assert free_days(DAYS, since=DAYS[1], taken={DAYS[2]}) == [DAYS[1], DAYS[3], DAYS[4]]
    assert free_days(DAYS, since=D("2026-09-12"), taken=set()) == []


def test_open_slots_leave_kept_and_cancelled_days_alone():
    kept = {(DAYS[2], 0), (DAYS[3], 1)}  # a done regular session and a locked extra one
    extras = {(DAYS[3], 1), (DAYS[4], 1), (DAYS[0], 1)}  # the Monday extra is before ``since``
    slots = open_slots(DAYS, since=DAYS[1], kept=kept, cancelled={DAYS[1]}, extras=extras)
    assert slots == [(DAYS[3], 0), (DAYS[4], 0), (DAYS[4], 1)]


def test_an_extra_slot_on_a_non_school_day_is_filled():
    saturday = D("2026-09-12")
    assert open_slots(DAYS, since=saturday, kept=set(), cancelled=set(), extras={(saturday, 0)}) == [(saturday, 0)]


def test_overflow_is_what_does_not_find_a_day():
    assert overflow(["a", "b", "c"], DAYS[:2]) == ["c"]
    assert overflow(["a"], DAYS) == []
