"""English prose that ships with Python: pydoc topics plus standard-library docstrings.

The corpus is rebuilt on every run from the running interpreter, so nothing of it
is stored in the repository.  Docstrings are read with ``ast`` (no module is
imported, so nothing in the standard library runs).
"""
from __future__ import annotations

import ast
import re
import sysconfig
import zlib
from dataclasses import dataclass
from pathlib import Path

# Folders of the standard library that hold tests, demos or vendored code.
_SKIP_PARTS = {"test", "tests", "idle_test", "site-packages", "dist-packages",
               "__phello__", "turtledemo", "ensurepip", "lib2to3"}
_DOCTEST = re.compile(r"^\s*(>>>|\.\.\.)")


@dataclass(frozen=True)
class Corpus:
    train: tuple[str, ...]
    dev: tuple[str, ...]
    test: tuple[str, ...]

    def describe(self) -> str:
        chars = sum(len(d) for d in self.train + self.dev + self.test)
        return (f"{len(self.train)}/{len(self.dev)}/{len(self.test)} documents "
                f"(train/dev/test), {chars / 1e6:.1f} M characters")


def _clean(text: str) -> str:
    """Drop doctest lines and their output; keep prose paragraphs."""
    out, in_example = [], False
    for line in text.splitlines():
        if _DOCTEST.match(line):
            in_example = True
            continue
        if in_example and line.strip():
            continue  # expected output of an example
        in_example = False
        out.append(line.strip())
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text


def _docstrings(path: Path):
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node)
            if doc:
                yield doc


def _documents() -> list[str]:
    from pydoc_data import topics

    docs = [topics.topics[k] for k in sorted(topics.topics)]
    root = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(root.rglob("*.py")):
        if _SKIP_PARTS.intersection(path.relative_to(root).parts):
            continue
        docs.extend(_docstrings(path))
    return docs


def build_corpus(min_chars: int = 40) -> Corpus:
    """Deterministic split by a hash of each document: 95% train, 2.5% dev, 2.5% test."""
    seen: set[str] = set()
    train, dev, test = [], [], []
    for raw in _documents():
        doc = _clean(raw)
        if len(doc) < min_chars or doc in seen:
            continue
        seen.add(doc)
        bucket = zlib.crc32(doc.encode("utf-8")) % 40
        (dev if bucket == 0 else test if bucket == 1 else train).append(doc)
    return Corpus(tuple(train), tuple(dev), tuple(test))
