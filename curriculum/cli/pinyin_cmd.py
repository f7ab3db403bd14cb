"""``classics pinyin`` commands (not yet implemented)."""

COMMANDS: list = []
