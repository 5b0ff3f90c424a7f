"""Branches of a generation: pick another candidate at a generated token and continue from there."""
