"""Python's own import statement back, after PySide6 has replaced it.

Importing PySide6 swaps `builtins.__import__` for its `__feature_import__`, which serves the opt-in
`from __feature__ import snake_case, true_property` and, after every import in the process, inspects the new
module's source to see whether it uses PySide. The app uses no `__feature__`, and the model loader imports
torch and transformers (thousands of modules) after the window is up: measured on a 2-core CPU, those imports
took 3.3–3.5 s with PySide's hook and 2.8 s without it.
"""

from __future__ import annotations

import builtins
import importlib

_PYSIDE_IMPORT = "__feature_import__"


def restore_plain_import() -> bool:
    """Put Python's import back if PySide's hook holds it; True when it did. Call after importing PySide6."""
    current = builtins.__import__
    if getattr(current, "__name__", "") != _PYSIDE_IMPORT:
        return False
    builtins.__import__ = importlib.__import__
    return True
