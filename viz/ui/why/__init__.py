"""Widgets of the Why tab: attribution text and bars, the heads grid, the patching map, and the job runner."""
