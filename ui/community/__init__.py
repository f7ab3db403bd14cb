"""Sections of the 诵读点 page (``pages/reading_points.py``): one module per tab, each with ``render(...)``."""

# The page's flash key: every tab's success message is shown once on the next run.
FLASH = "pts"
