"""``classics bench`` commands (not yet implemented)."""

COMMANDS: list = []
