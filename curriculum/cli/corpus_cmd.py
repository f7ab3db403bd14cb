"""``classics corpus`` commands (not yet implemented)."""

COMMANDS: list = []
