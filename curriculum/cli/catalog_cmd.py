"""``classics catalog`` commands (not yet implemented)."""

COMMANDS: list = []
