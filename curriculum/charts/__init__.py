"""Plotly figure builders: pure ``build_*_figure(df) -> Figure`` functions, one module per area."""
