"""SQLModel tables for training (师资培训) and online programmes (云上读经典)."""
