"""``classics festivals`` commands (not yet implemented)."""

COMMANDS: list = []
