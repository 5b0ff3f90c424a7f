"""Sessions: the model, the text, the view and every view's settings in a small JSON file, and back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from viz.core.file_values import Clamped, qt_safe, shallow
from viz.core.text_input import clean_text
from viz.ui import numbers

SESSION_VERSION = 1
SESSION_SUFFIX = ".tviz.json"  # the desktop registers this glob for application/x-transformer-viz-session
MIME_TYPE = "application/x-transformer-viz-session"


# Messages for the user, marked for the translation catalogue and translated when raised.
NOT_A_SESSION = QT_TRANSLATE_NOOP("Session", "This is not a Transformer Viz session file.")
NOT_A_SESSION_FILE = QT_TRANSLATE_NOOP("Session", "{path} is not a Transformer Viz session file.")
TOO_NEW = QT_TRANSLATE_NOOP("Session", "This session was saved by a newer Transformer Viz; please update the app.")
WRONG_TYPE = QT_TRANSLATE_NOOP("Session", "The session file is damaged: a field has the wrong type.")
NO_MODEL = QT_TRANSLATE_NOOP("Session", "The session names no model.")
CANNOT_OPEN = QT_TRANSLATE_NOOP("Session", "Cannot open {path}: {reason}")
TOO_DEEP = QT_TRANSLATE_NOOP(
    "Session", "{path} is not a session file: its JSON is nested far deeper than any session (or holds a "
    "number too long to read)."
)
REPLACED = QT_TRANSLATE_NOOP(
    "Session", "The session's text had {count} character(s) that are not valid Unicode; they were replaced by \ufffd."
)
VIEW_CLAMPED = QT_TRANSLATE_NOOP("Session", "The session's {view} settings were out of range and were adjusted: {notes}.")
CLAMPED_VALUE = QT_TRANSLATE_NOOP("Session", "{key} = {stored} is outside {low}…{high}; {used} is used")
CLAMPED_TO_DEFAULT = QT_TRANSLATE_NOOP("Session", "{key} = {stored} is outside {low}…{high}; the default is used")
VIEW_UNUSABLE = QT_TRANSLATE_NOOP(
    "Session", "The session's {view} settings could not be used ({reason}); that view keeps its own settings."
)


class SessionError(ValueError):
    """A session file that cannot be read; the message is for the user."""

    def __init__(self, message: str, **values):
        super().__init__(QCoreApplication.translate("Session", message).format(**values))


@dataclass(frozen=True)
class Session:
    model: str  # what was loaded: a bundled name, Hub id or model folder
    device: str = "auto"
    dtype: str = "float32"
    text: str = ""
    target_text: str = ""
    view: str = ""  # key of the view on screen
    views: dict = field(default_factory=dict)  # view key -> that view's settings()
    notices: tuple[str, ...] = field(default=(), compare=False)  # what reading the file changed, for the user

    def to_json(self) -> dict:
        return {
            "version": SESSION_VERSION, "model": self.model, "device": self.device, "dtype": self.dtype,
            "text": self.text, "target_text": self.target_text, "view": self.view, "views": self.views,
        }

    @classmethod
    def from_json(cls, data, source: str = "") -> Session:
        version = data.get("version") if isinstance(data, dict) else None
        if not isinstance(version, int) or "model" not in data:
            raise SessionError(NOT_A_SESSION_FILE, path=source) if source else SessionError(NOT_A_SESSION)
        if version > SESSION_VERSION:
            raise SessionError(TOO_NEW)
        strings = {k: data.get(k, d) for k, d in
                   (("model", ""), ("device", "auto"), ("dtype", "float32"), ("text", ""),
                    ("target_text", ""), ("view", ""))}
        views = data.get("views", {})
        if not all(isinstance(v, str) for v in strings.values()) or not isinstance(views, dict):
            raise SessionError(WRONG_TYPE)
        replaced = 0
        for key, value in strings.items():  # lone surrogates ("\udcff") would make the tokenizer raise
            strings[key], count = clean_text(value)
            replaced += count
        if not strings["model"].strip():
            raise SessionError(NO_MODEL)
        views = {str(k): shallow(v) for k, v in views.items() if isinstance(v, dict)}
        notices = (QCoreApplication.translate("Session", REPLACED).format(count=replaced),) if replaced else ()
        return cls(views=views, notices=notices, **strings)


def save_session(session: Session, path: str | Path) -> Path:
    path = Path(path)
    text = json.dumps(session.to_json(), indent=2, ensure_ascii=False)  # raises on settings JSON cannot hold
    path.write_text(text + "\n", encoding="utf-8")
    return path


def read_session(path: str | Path) -> Session:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SessionError(CANNOT_OPEN, path=path, reason=exc.strerror or exc) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SessionError(NOT_A_SESSION_FILE, path=path.name) from None
    except (RecursionError, ValueError, MemoryError):  # nesting past the parser's limit; a 4300-digit number
        raise SessionError(TOO_DEEP, path=path.name) from None
    return Session.from_json(data, source=path.name)


def capture_session(window) -> Session:
    """What the window shows now, as a session."""
    request = window.loaded_request
    return Session(
        model=request.source if request else window.model_bar.source.currentText().strip(),
        device=request.device if request else window.model_bar.device.currentText(),
        dtype=request.dtype if request else window.model_bar.dtype.currentText(),
        text=window.text_edit.toPlainText(),
        target_text=window.target_edit.text(),
        view=window.current_view().key,
        views={view.key: view.settings() for view in window.built_views()},  # a tab never opened has none
    )


class SessionOpener(QObject):
    """Opens a session in a window: the model loads off the GUI thread, then the text goes in, and the
    view settings are applied once the first trace of that text is on screen."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.pending: Session | None = None
        self._request = None
        window.state.model_changed.connect(self._on_model)
        window.state.trace_changed.connect(self._on_trace)
        window.state.load_failed.connect(self._on_load_failed)

    def open(self, session: Session) -> None:
        from viz.core.loading import LoadRequest

        window = self.window
        for notice in session.notices:
            window.keep_notice(notice)
        request = window.normalised(LoadRequest(session.model, session.device, session.dtype))
        self.pending = session
        window.show_view(session.view)
        same = window.loaded_request and window.state.model is not None and (
            (window.loaded_request.source, window.loaded_request.device, window.loaded_request.dtype)
            == (request.source, request.device, request.dtype)
        )
        if same:
            self._request = window.loaded_request
            changed = self._put_text()
            if not changed and window.state.trace is not None and not window.state.tracer.busy:
                self._finish()  # nothing will change: apply the settings now
            return
        window.load(request)
        self._request = window.requested

    def _on_model(self, _loaded) -> None:
        if self.pending is None:
            return
        if self.window.loaded_request is not self._request:  # another model was asked for meanwhile
            self.pending = None
            return
        self._put_text()

    def _put_text(self) -> bool:
        """Put the session's text in the window (the text box bounds and cleans it); True when it changed."""
        session = self.pending
        window = self.window
        before = (window.state.text, window.state.target_text)
        window.target_edit.setText(session.target_text)
        window.set_text(session.text)
        text = window.text_edit.toPlainText()  # what the box kept
        window.state.set_text(text, window.target_edit.text() if window.target_edit.isVisible() else "")
        if not text.strip():  # nothing will be traced: apply the settings now
            self._finish()
        return (window.state.text, window.state.target_text) != before

    def _on_trace(self, _trace) -> None:
        window = self.window
        if self.pending is not None and window.state.model is not None and window.loaded_request is self._request:
            self._finish()

    def _on_load_failed(self, _message: str) -> None:
        self.pending = None

    def _finish(self) -> None:
        session, self.pending = self.pending, None
        if session is None:
            return
        apply_view_settings(self.window, session)


def apply_view_settings(window, session: Session) -> None:
    """Each view takes its own settings; one view's bad settings never cost the views after it theirs."""
    window.show_view(session.view)
    for slot in window.slots:
        if slot.key not in session.views:
            continue
        view = slot.ensure()
        safe_notes: list[Clamped] = []
        settings = qt_safe(dict(session.views[view.key]), safe_notes)
        try:
            notes = list(view.apply_settings(settings) or [])
        except (TypeError, ValueError, OverflowError, KeyError, IndexError) as exc:
            # A view without its own range checks met a value it cannot take: say so and go on.
            window.keep_notice(QCoreApplication.translate("Session", VIEW_UNUSABLE).format(
                view=view.title(), reason=f"{type(exc).__name__}: {exc}".splitlines()[0][:120]))
            continue
        # a view's own range check says more than the 32-bit bound met first: keep one line per key
        noted = {note.key for note in notes}
        notes += [note for note in safe_notes if note.key not in noted]
        if notes:
            window.keep_notice(QCoreApplication.translate("Session", VIEW_CLAMPED).format(
                view=view.title(), notes="; ".join(describe_clamp(note) for note in notes)))


def describe_clamp(note: Clamped) -> str:
    """One clamped setting in the user's language, with numbers in the locale's format."""
    words = {"key": note.key, "stored": note.stored, "low": note.low, "high": note.high}
    if note.used is None:
        return QCoreApplication.translate("Session", CLAMPED_TO_DEFAULT).format(**words)
    return QCoreApplication.translate("Session", CLAMPED_VALUE).format(used=numbers.integer(note.used) if isinstance(note.used, int) else numbers.significant(note.used, 6), **words)
