"""The one settings object that survives between launches, stored through QSettings with a schema version."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from PySide6.QtCore import QSettings

ORGANIZATION = "Transformer Viz"
APPLICATION = "Transformer Viz"
SCHEMA_VERSION = 1
_KEY = "settings"  # one JSON value: the whole object is read and written at once, never half-updated
RECENT_LIMIT = 8

THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "hu")


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
    settings = Settings()
    if not isinstance(data, dict):
        return settings
    for f in fields(Settings):
        if f.name == "version" or f.name not in data:
            continue
        value, default = data[f.name], getattr(settings, f.name)
        if isinstance(default, list):
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                setattr(settings, f.name, value[:RECENT_LIMIT])
        elif isinstance(default, bool):
            if isinstance(value, bool):
                setattr(settings, f.name, value)
        elif isinstance(default, float):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                setattr(settings, f.name, float(value))
        elif isinstance(value, type(default)):
            setattr(settings, f.name, value)
    if settings.theme not in THEMES:
        settings.theme = "system"
    if settings.language not in LANGUAGES:
        settings.language = "system"
    settings.zoom = min(4.0, max(0.5, settings.zoom))
    return settings


def load_settings(store: QSettings | None = None) -> Settings:
    store = store or settings_store()
    raw = store.value(_KEY, "")
    try:
        data = json.loads(raw) if isinstance(raw, str) and raw else {}
    except json.JSONDecodeError:
        data = {}
    # A newer release's object (higher version) is read for the fields this one understands.
    return from_dict(data)


def save_settings(settings: Settings, store: QSettings | None = None) -> None:
    store = store or settings_store()
    data = asdict(settings)
    data["version"] = SCHEMA_VERSION
    store.setValue(_KEY, json.dumps(data, ensure_ascii=False))
    store.sync()
