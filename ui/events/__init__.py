"""Sections of the 活动日历 page (``pages/events.py``), one module per tab or panel, each with ``render(...)``.

They read and write through ``curriculum.community`` only, show refusals with
``ui.widgets.domain_errors`` and report a save with ``flash_and_rerun(FLASH, …)``.
"""

# The page's flash key: every section's success message is shown once on the next run.
FLASH = "evt"
