"""The one settings object that survives between launches, stored through QSettings with a schema version."""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field, fields

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings

from viz.core.text_input import clean_text

ORGANIZATION = "Transformer Viz"
APPLICATION = "Transformer Viz"
SCHEMA_VERSION = 1
_KEY = "settings"  # one JSON value: the whole object is read and written at once, never half-updated
RECENT_LIMIT = 8

THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "hu")
ZOOM_RANGE = (0.5, 4.0)
_BASE64 = re.compile(r"[A-Za-z0-9+/=]*")


@dataclass
class Settings:
    version: int = SCHEMA_VERSION
    theme: str = "system"  # one of THEMES
    language: str = "system"  # one of LANGUAGES
    zoom: float = 1.0  # Ctrl +/−, outside presentation mode
    help_visible: bool = False  # the "About this view" panel
    view: str = ""  # the tab shown at the last exit
    recent_models: list[str] = field(default_factory=list)  # newest first
    recent_sessions: list[str] = field(default_factory=list)  # newest first
    last_directory: str = ""  # where file dialogs open
    window_geometry: str = ""  # QMainWindow.saveGeometry(), base64

    def remember_model(self, source: str) -> None:
        self.recent_models = _push(self.recent_models, source)

    def remember_session(self, path: str) -> None:
        self.recent_sessions = _push(self.recent_sessions, path)


def _push(items: list[str], item: str) -> list[str]:
    return ([item] + [i for i in items if i != item])[:RECENT_LIMIT]


def settings_store() -> QSettings:
    """The store for this application; tests point QSettings at a temporary folder first."""
    return QSettings(QSettings.defaultFormat(), QSettings.UserScope, ORGANIZATION, APPLICATION)


def from_dict(data: dict) -> Settings:
    """Settings from stored values: unknown keys are dropped, wrong types and bad choices fall back."""
    return checked_from_dict(data)[0]


def checked_from_dict(data: dict) -> tuple[Settings, list[str]]:
    """As from_dict, and the names of the stored fields that were out of range or unusable and were reset."""
    settings = Settings()
    if not isinstance(data, dict):
        return settings, []
    reset = [f.name for f in fields(Settings) if f.name != "version" and f.name in data]
    for f in fields(Settings):
        if f.name == "version" or f.name not in data:
            continue
        value, default = data[f.name], getattr(settings, f.name)
        if isinstance(default, list):
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                setattr(settings, f.name, [clean_text(v)[0] for v in value[:RECENT_LIMIT]])
                reset.remove(f.name)
        elif isinstance(default, bool):
            if isinstance(value, bool):
                setattr(settings, f.name, value)
                reset.remove(f.name)
        elif isinstance(default, float):
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                setattr(settings, f.name, min(ZOOM_RANGE[1], max(ZOOM_RANGE[0], float(value))))
                if ZOOM_RANGE[0] <= value <= ZOOM_RANGE[1]:
                    reset.remove(f.name)
        elif isinstance(value, str):
            setattr(settings, f.name, clean_text(value)[0])
            reset.remove(f.name)
    if settings.theme not in THEMES:
        settings.theme = "system"
        reset.append("theme")
    if settings.language not in LANGUAGES:
        settings.language = "system"
        reset.append("language")
    if not _BASE64.fullmatch(settings.window_geometry):  # restoreGeometry reads base64 (ASCII) only
        settings.window_geometry = ""
        reset.append("window_geometry")
    return settings, sorted(set(reset))


@dataclass(frozen=True)
class SettingsRead:
    """What reading the settings at start gave, and what the user is told once about it."""

    settings: Settings
    moved_to: str = ""  # an unreadable settings file was renamed to this, and the app starts on defaults
    reset: tuple[str, ...] = ()  # fields that were out of range or unusable, back to their defaults


def read_settings(store: QSettings | None = None) -> SettingsRead:
    """Never raises: an unreadable file is moved aside (`<file>.bad-<date>`), bad fields fall back."""
    store = store or settings_store()
    try:
        if store.status() != QSettings.NoError:
            raise ValueError("the settings file is not in a readable format")
        raw = store.value(_KEY, "")
        if raw in ("", None):
            return SettingsRead(Settings())
        if not isinstance(raw, str):
            raise ValueError("the settings value is not text")
        data = json.loads(raw)  # nesting deeper than the parser's limit raises RecursionError
        if not isinstance(data, dict):
            raise ValueError("the settings value is not a JSON object")
    except (ValueError, RecursionError, MemoryError):
        return SettingsRead(Settings(), moved_to=_move_aside(store))
    # A newer release's object (higher version) is read for the fields this one understands.
    settings, reset = checked_from_dict(data)
    return SettingsRead(settings, reset=tuple(reset))


def _move_aside(store: QSettings) -> str:
    """Rename the settings file to `<file>.bad-<date and time>`, keep it for the user, start empty."""
    path = Path(store.fileName())
    target = path.with_name(f"{path.name}.bad-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        path.replace(target)
    except OSError:
        target = None
    store.clear()
    store.sync()
    return str(target) if target else str(path)


def load_settings(store: QSettings | None = None) -> Settings:
    return read_settings(store).settings


def save_settings(settings: Settings, store: QSettings | None = None) -> None:
    store = store or settings_store()
    data = asdict(settings)
    data["version"] = SCHEMA_VERSION
    store.setValue(_KEY, json.dumps(data, ensure_ascii=False))
    store.sync()
