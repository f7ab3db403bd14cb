"""``classics calendar`` commands (not yet implemented)."""

COMMANDS: list = []
