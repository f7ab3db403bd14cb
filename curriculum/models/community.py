"""SQLModel tables for the community entity family."""
