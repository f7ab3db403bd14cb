"""SQLModel tables for the calendar entity family."""
