"""Widgets of the attention view: overview grid, detail heatmap, head-view lines and decoding steps."""
