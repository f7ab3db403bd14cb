"""Community reading (社区诵读): reading points, people, pairings, events and volunteers.

Modules, each with functions taking ``*, session``:

* ``points`` — reading points, weekly opening hours;
* ``people`` — 领读员 and 志愿者, skills, availability, masked phones;
* ``pairings`` — 结对子 between schools / cultural societies and communities;
* ``recurrence`` — RRULE strings (dateutil) and their expansion;
* ``conflicts`` — the ``Conflict`` / ``ConflictError`` rules checked before saving;
* ``events`` — a package: drafts, checks, series, occurrences, sign-ups with waitlist, shifts, listing;
* ``festival_events`` — suggested events from the festival calendar;
* ``attendance`` — counts by role and volunteer hours;
* ``reminders`` — shifts short of people within 48 hours;
* ``month_grid`` — month / week grids for the 活动日历 page;
* ``views`` — the Chinese tables, labels and detail panels the pages show.

The demo programme is ``curriculum.demo.community``.
"""
