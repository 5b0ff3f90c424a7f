"""Where bundled resources (models, icons, styles) live, installed or frozen."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("TRANSFORMER_VIZ_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder bundle
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def models_dir() -> Path:
    return resources_dir() / "models"


@dataclass(frozen=True)
class BundledModel:
    name: str
    family: str
    description: str
    path: Path


# The model the app opens at launch: the decoder shows every view.
DEFAULT_MODEL = "demo-gpt2"


def bundled_models() -> list[BundledModel]:
    """Bundled models in `resources/models`, each described by its `viz.json`."""
    found = []
    root = models_dir()
    if not root.is_dir():
        return found
    for folder in sorted(root.iterdir()):
        if not (folder / "config.json").is_file():
            continue
        meta = {}
        if (folder / "viz.json").is_file():
            meta = json.loads((folder / "viz.json").read_text(encoding="utf-8"))
        found.append(
            BundledModel(
                name=folder.name,
                family=meta.get("family", ""),
                description=meta.get("description", ""),
                path=folder,
            )
        )
    return found


def bundled_model_path(name: str) -> Path | None:
    for model in bundled_models():
        if model.name == name:
            return model.path
    return None
