"""Refresh the translation catalogues: extract every tr() string under viz/ into the .ts files, then compile .qm.

    python packaging/update_translations.py

New strings arrive unfinished; translate them (Qt Linguist: `pyside6-linguist`, or any editor) and run
this again to compile. `--compile-only` skips the extraction (the bundle build runs that).
`tests/test_translations.py` fails while any string lacks a finished translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("hu",)


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (it ships pyside6-{name})")
    return found


def lupdate_command(ts: Path) -> list[str]:
    """The extraction command; the translation test runs the same one into a temporary file."""
    return [tool("lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete", "-silent",
            str(ROOT / "viz"), "-ts", str(ts)]


def main(argv: list[str]) -> int:
    compile_only = "--compile-only" in argv  # builds: compile what is committed, extract nothing
    for language in LANGUAGES:
        ts = I18N / f"transformer_viz_{language}.ts"
        if not compile_only:
            subprocess.run(lupdate_command(ts), check=True)
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(ts.relative_to(ROOT), "and", ts.with_suffix(".qm").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
