"""经典诵读规划 (classics planner) — the domain core.

Everything a page or the ``classics`` command needs lives here: the catalog,
stages, calendars and festivals, the planner, community events, metrics,
models, persistence and exports. This package never imports ``streamlit``.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent

__version__ = "0.1.0"
