"""Community events: a rule plus materialised occurrences, sign-ups with a waitlist, shifts.

An event (``CommunityEvent``) is one-off (``rrule`` empty) or recurring
(``rrule`` is an RRULE string, see ``recurrence``). Its dated occurrences are
rows of ``EventOccurrence`` keyed by ``slot`` (the rule's start for that
occurrence). Editing one occurrence turns it into an exception (moved,
renamed or cancelled); editing the whole series regenerates future
occurrences and keeps edited exceptions.

Every save checks conflicts first (``checks``) and refuses with
``ConflictError`` carrying all of them, saving nothing, unless only soft
conflicts remain and the caller passes ``override=True``.

One job per module:

* ``drafts`` — ``EventDraft`` / ``ShiftSpec`` and their validation, ``make_draft`` for forms;
* ``records`` — reading an event's rows (``get_event``, ``get_occurrence``, ``occurrences_of`` …);
* ``checks`` — venue, opening hours, person, capacity and deletion conflicts;
* ``series`` — create an event, update (``update_series``) or stop a series, set its status;
* ``occurrences`` — add, update (``update_occurrence``, as an exception) and delete one occurrence;
* ``signups`` — sign-ups, waitlist and promotion;
* ``shifts`` — shifts, assignments with backups, served shifts, ``shift_views``;
* ``listing`` — ``OccurrenceRow`` and ``list_occurrences``.

This package re-exports the public names so callers outside ``community``
may write ``from curriculum.community import events as ev; ev.sign_up(...)``;
modules inside import from the specific module.
"""

from curriculum.community.events.checks import (
    capacity_over_venue,
    check_event,
    deletion_conflicts,
    hours_conflicts,
    person_conflicts,
    venue_conflicts,
)
from curriculum.community.events.drafts import ACTIVE, EventDraft, ShiftSpec, at, make_draft
from curriculum.community.events.listing import OccurrenceRow, list_occurrences
from curriculum.community.events.occurrences import update_occurrence
from curriculum.community.events.records import get_event, get_occurrence, occurrences_of
from curriculum.community.events.series import (
    create_event,
    edit_series_from_form,
    set_status,
    stop_series,
    update_series,
)
from curriculum.community.events.shifts import (
    AssignmentView,
    ShiftView,
    assign_person,
    check_assignment,
    create_shift,
    mark_served,
    shift_input,
    shift_views,
    unassign,
)
from curriculum.community.events.signups import (
    cancel_signup,
    capacity_conflict,
    promote_waitlist,
    sign_up,
    sign_up_input,
    signup_lists,
)

__all__ = [
    "ACTIVE", "AssignmentView", "EventDraft", "OccurrenceRow", "ShiftSpec", "ShiftView", "assign_person", "at",
    "cancel_signup", "capacity_conflict", "capacity_over_venue", "check_assignment", "check_event", "create_event",
    "create_shift", "deletion_conflicts", "edit_series_from_form", "get_event", "get_occurrence", "hours_conflicts",
    "list_occurrences", "make_draft", "mark_served", "occurrences_of", "person_conflicts", "promote_waitlist",
    "set_status", "shift_input", "shift_views", "sign_up", "sign_up_input", "signup_lists", "stop_series", "unassign",
    "update_occurrence", "update_series", "venue_conflicts",
]
