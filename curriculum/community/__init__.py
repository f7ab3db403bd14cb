"""Community reading (社区诵读): reading points, people, pairings, events and volunteers.

Modules, each with functions taking ``*, session``:

* ``points`` — reading points, venue types, weekly opening hours;
* ``people`` — 领读员 and 志愿者, skills, availability, masked phones;
* ``pairings`` — 结对子 between schools / cultural societies and communities;
* ``recurrence`` — RRULE strings (dateutil) and their expansion;
* ``conflicts`` — the ``Conflict`` / ``ConflictError`` rules checked before saving;
* ``events`` — events, occurrences, sign-ups with waitlist, shifts;
* ``festival_events`` — suggested events from the festival calendar;
* ``attendance`` — counts by role and volunteer hours;
* ``reminders`` — shifts short of people within 48 hours;
* ``calendar_view`` — month / week grids for the 活动日历 page;
* ``demo`` — idempotent demo data.
"""
