"""``classics outreach`` commands (not yet implemented)."""

COMMANDS: list = []
