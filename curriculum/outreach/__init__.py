"""Training (师资培训) and online programmes (云上读经典): the outreach lines of the programme.

``training`` — cohorts, batches, sessions, trainees, attendance and completion
(integration ``teachers``); ``online`` — items on new-media channels and their
metrics (integration ``online``). Both raise ``OutreachError`` with a Chinese
message naming the field when input is invalid, and save nothing in that case.
"""

from __future__ import annotations


class OutreachError(ValueError):
    """Invalid input; ``field`` names the offending field, ``str(err)`` is the Chinese message."""

    def __init__(self, message: str, field: str = ""):
        self.field = field
        self.message = message
        super().__init__(message)
