"""``classics plan`` commands (not yet implemented)."""

COMMANDS: list = []
