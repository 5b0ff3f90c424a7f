"""The window's menus and their shortcuts; rebuilt with the window's widgets when the language changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from viz.ui.i18n import LANGUAGE_NAMES, current_language


class Menus(QObject):
    """File, View and Help menus of `window`. Every action is also added to the window itself, so its
    shortcut keeps working in presentation mode, where the menu bar is hidden."""

    def __init__(self, window, bar: QMenuBar):
        super().__init__(bar)
        self.window = window
        self.bar = bar
        self._build_file()
        self._build_view()
        self._build_help()

    def _action(self, menu: QMenu, text: str, slot, shortcuts=(), checkable: bool = False) -> QAction:
        action = QAction(text, self.bar)
        keys = []
        for shortcut in shortcuts:  # a standard key may stand for several bindings on one platform
            bindings = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else []
            keys += bindings or [QKeySequence(shortcut)]
        if keys:
            action.setShortcuts(keys)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def _build_file(self) -> None:
        w, ex = self.window, self.window.exporter
        menu = self.bar.addMenu(self.tr("&File"))
        self._action(menu, self.tr("&Open session…"), w.open_session_dialog, [QKeySequence.Open])
        self.recent_sessions = menu.addMenu(self.tr("Recent sessions"))
        self.recent_sessions.aboutToShow.connect(self._fill_recent_sessions)
        self._action(menu, self.tr("&Save session…"), w.save_session_dialog, [QKeySequence.Save])
        menu.addSeparator()
        self.recent_models = menu.addMenu(self.tr("Recent models"))
        self.recent_models.aboutToShow.connect(self._fill_recent_models)
        menu.addSeparator()
        self._action(menu, self.tr("Export view as &PNG…"), ex.export_png, ["Ctrl+E"])
        self._action(menu, self.tr("Export view as S&VG…"), ex.export_svg, ["Ctrl+Shift+E"])
        # Ctrl+C copies text where a text field has focus (the field takes the key first); Ctrl+Shift+C
        # always copies the picture.
        self.copy = self._action(menu, self.tr("&Copy view"), ex.copy, [QKeySequence.Copy])
        self._action(menu, self.tr("Copy view picture"), ex.copy_view, ["Ctrl+Shift+C"])
        self._action(menu, self.tr("Export &trace (.npz)…"), ex.export_trace)
        self._action(menu, self.tr("Export t&ables (CSV)…"), ex.export_tables)
        menu.addSeparator()
        self._action(menu, self.tr("&Quit"), w.close, ["Ctrl+Q"])

    def _build_view(self) -> None:
        w, p = self.window, self.window.presentation
        menu = self.bar.addMenu(self.tr("&View"))
        self.present = self._action(menu, self.tr("&Presentation mode"), p.toggle, ["F5"], checkable=True)
        self.present.setChecked(p.presenting)
        p.presenting_changed.connect(self.present.setChecked)
        menu.addSeparator()
        self._action(menu, self.tr("Zoom &in"), p.zoom_in, [QKeySequence.ZoomIn, "Ctrl+="])
        self._action(menu, self.tr("Zoom &out"), p.zoom_out, [QKeySequence.ZoomOut])
        self._action(menu, self.tr("&Actual size"), p.reset_zoom, ["Ctrl+0"])
        menu.addSeparator()
        self._action(menu, self.tr("&Next view"), lambda: w.step_view(1), ["Ctrl+PgDown"])
        self._action(menu, self.tr("P&revious view"), lambda: w.step_view(-1), ["Ctrl+PgUp"])
        menu.addSeparator()
        themes = menu.addMenu(self.tr("&Theme"))
        names = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        self._choices(themes, names, w.theme.choice, w.set_theme)
        languages = menu.addMenu(self.tr("&Language"))
        names = {"system": self.tr("Follow the system"), **LANGUAGE_NAMES}
        chosen = w.settings.language if w.settings else current_language()
        self._choices(languages, names, chosen, w.set_language)

    def _build_help(self) -> None:
        menu = self.bar.addMenu(self.tr("&Help"))
        toggle = self.window.help_panel.toggleViewAction()
        toggle.setShortcut(QKeySequence.HelpContents)
        menu.addAction(toggle)
        self.window.addAction(toggle)
        self._action(menu, self.tr("&About Transformer Viz"), self.window.show_about)

    def _choices(self, menu: QMenu, names: dict[str, str], chosen: str, slot) -> None:
        group = QActionGroup(menu)
        for key, name in names.items():
            action = QAction(name, menu, checkable=True)
            action.setChecked(key == chosen)
            action.triggered.connect(lambda _=False, k=key: slot(k))
            group.addAction(action)
            menu.addAction(action)

    def _fill_recent_sessions(self) -> None:
        paths = self.window.settings.recent_sessions if self.window.settings else []
        self._fill(self.recent_sessions, paths, lambda p: Path(p).name, self.window.open_session_file,
                   self.tr("No recent sessions"))

    def _fill_recent_models(self) -> None:
        sources = self.window.settings.recent_models if self.window.settings else []
        self._fill(self.recent_models, sources, str, self.window.load_source, self.tr("No recent models"))

    def _fill(self, menu: QMenu, items: list[str], label, slot, empty: str) -> None:
        menu.clear()
        for item in items:
            action = menu.addAction(label(item))
            action.setToolTip(item)
            action.triggered.connect(lambda _=False, i=item: slot(i))
        if not items:
            menu.addAction(empty).setEnabled(False)
