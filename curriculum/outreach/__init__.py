"""Training (师资培训) and online programmes (云上读经典): the outreach lines of the programme.

Training (integration ``teachers``): ``training`` — batches and their
sessions; ``trainees`` — trainees and enrolment; ``attendance`` — attendance
marks and the completion (结业) report; ``training_views`` — Chinese display
tables. Online (integration ``online``): ``online`` — items, metric snapshots,
listing and the channel summary; ``online_csv`` — reading and parsing a
metrics file; ``online_import`` — checking its rows and saving them;
``online_views`` — Chinese display tables. ``rules`` holds the checks both
lines share. Demo data lives in ``curriculum.demo.training`` and
``curriculum.demo.online``.

Invalid input raises ``OutreachError`` (a ``DomainError``) with a Chinese
message naming the field, and nothing is saved in that case; a missing record
raises ``NotFound`` (see ``curriculum.errors.get_or_raise``).
"""

from __future__ import annotations

from curriculum.errors import DomainError


class OutreachError(DomainError):
    """Invalid training or online input; ``field`` names the offending field."""
