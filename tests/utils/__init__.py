"""Test factories and helpers shared across the suite (imported as ``tests.utils``)."""
