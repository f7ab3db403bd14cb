"""The browser fixture for every browser test (the rest of the kit is imported from ``browser_kit``)."""

from browser_kit import browser  # noqa: F401  (a pytest fixture, shared by this folder's tests)
