"""Widgets of the sampling lab."""
