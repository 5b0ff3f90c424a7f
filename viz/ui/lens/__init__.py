"""Widgets of the Lens view: logit-lens grid, direct logit attribution, neurons, residual norms."""
