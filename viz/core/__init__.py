"""Qt-free core: loads models, runs them and returns plain, immutable results.

Nothing in this package imports Qt; `tests/test_layering.py` checks that mechanically.
"""
