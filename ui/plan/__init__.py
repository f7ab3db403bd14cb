"""Sections of the 教学计划 page (``pages/plan.py``): functions that keep the page's widget keys."""
