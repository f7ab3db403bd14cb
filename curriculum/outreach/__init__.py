"""Training (师资培训) and online programmes (云上读经典): the outreach lines of the programme.

``training`` — cohorts, batches, sessions, trainees, attendance and completion
(integration ``teachers``); ``online`` — items on new-media channels and their
metrics (integration ``online``). Both raise ``OutreachError`` with a Chinese
message naming the field when input is invalid, and save nothing in that case.
"""

from __future__ import annotations

from curriculum.errors import DomainError


class OutreachError(DomainError):
    """Invalid training or online input; ``field`` names the offending field."""
