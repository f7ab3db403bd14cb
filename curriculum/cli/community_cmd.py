"""``classics community`` commands (not yet implemented)."""

COMMANDS: list = []
