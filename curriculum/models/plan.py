"""SQLModel tables for the plan entity family."""
