"""Streamlit-side helpers shared by the router and every page.

``ui.state`` owns what a run needs from outside (the one engine, the catalog,
the sidebar's cached numbers); ``ui.widgets`` holds the page patterns that
would otherwise be written by hand in each page (text pickers, flash-then-
rerun, keeping a selection valid, showing a ``DomainError`` in Chinese). The
domain core (``curriculum``) never imports this package.
"""
