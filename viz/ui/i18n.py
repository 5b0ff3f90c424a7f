"""English and Hungarian through Qt's translators: the OS language or the user's choice, switchable at runtime."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from viz.core.resources import resources_dir

CATALOGUE = "transformer_viz"  # resources/i18n/transformer_viz_<lang>.qm
SUPPORTED = ("en", "hu")  # English is the source language: it needs no catalogue
# Endonyms: a language is listed in its own name whatever the interface language, so they are not translated.
LANGUAGE_NAMES = {"en": "English", "hu": "Magyar"}

_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
_language = "en"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """"en" or "hu": the user's choice, or the first supported language among the OS preferences."""
    if choice in SUPPORTED:
        return choice
    locale = locale or QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def install_language(choice: str, app: QCoreApplication | None = None) -> str:
    """Replace the installed translators with those of `choice`; widgets receive a LanguageChange event.

    Returns the language now in use. A missing catalogue leaves the English source text.
    """
    app = app or QCoreApplication.instance()
    language = resolve_language(choice)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "en":
        ours = QTranslator(app)
        if ours.load(f"{CATALOGUE}_{language}", str(i18n_dir())):
            app.installTranslator(ours)
            _installed.append(ours)
        qt_own = QTranslator(app)  # Qt's own strings: file dialogs, standard buttons
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    global _language
    _language = language
    # Widgets made from now on (a language switch rebuilds the window) write numbers in the language's format:
    # spin boxes show "16,0" in Hungarian.
    QLocale.setDefault(QLocale(QLocale.Hungarian if language == "hu" else QLocale.English))
    return language


def current_language() -> str:
    return _language
