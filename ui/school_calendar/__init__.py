"""Sections of the 校历 page (``pages/school_calendar.py``), each a ``render`` function with the page's widget keys."""
