"""``classics seed`` commands (not yet implemented)."""

COMMANDS: list = []
