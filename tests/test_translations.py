"""Hungarian: every user-visible string has a finished translation, values survive it, and it switches live."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "i18n" / "transformer_viz_hu.ts"
COMPILED = CATALOGUE.with_suffix(".qm")
sys.path.insert(0, str(ROOT / "packaging"))

from update_translations import lupdate_command  # noqa: E402

needs_tools = pytest.mark.skipif(
    not (shutil.which("pyside6-lupdate") or shutil.which("lupdate")), reason="Qt's lupdate is not installed"
)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def finished(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    forms = translation.findall("numerusform")
    return all((f.text or "").strip() for f in forms) if forms else bool((translation.text or "").strip())


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    """What lupdate finds in viz/ now, in a fresh catalogue."""
    ts = tmp_path_factory.mktemp("i18n") / "fresh_hu.ts"
    subprocess.run(lupdate_command(ts), check=True, capture_output=True)
    return messages(ts)


@needs_tools
def test_every_string_has_a_finished_hungarian_translation(extracted):
    committed = messages(CATALOGUE)
    missing = [f"{context}: {source!r}" for context, source in extracted
               if not finished(committed.get((context, source)))]
    assert extracted, "lupdate found no strings"
    assert not missing, (
        f"{len(missing)} of {len(extracted)} strings lack a Hungarian translation; run "
        "`python packaging/update_translations.py`, translate, and run it again:\n" + "\n".join(missing[:40])
    )


def accelerators(text: str) -> list[str]:
    """Menu mnemonics (&File), not HTML entities (&nbsp;) or an escaped ampersand (&&)."""
    return re.findall(r"(?<!&)&(?!&)(?![#\w]+;)\w", text)


def test_translations_keep_placeholders_and_accelerators():
    for (context, source), translation in messages(CATALOGUE).items():
        if not finished(translation):
            continue
        text = translation.text or ""
        fields = sorted(re.findall(r"\{[^{}]*\}", source))
        assert sorted(re.findall(r"\{[^{}]*\}", text)) == fields, (context, source, text)
        assert len(accelerators(text)) == len(accelerators(source)), (context, source, text)


@needs_tools
def test_compiled_catalogue_matches_the_sources(tmp_path):
    lrelease = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    subprocess.run([lrelease, "-silent", str(CATALOGUE), "-qm", str(tmp_path / "hu.qm")], check=True)
    assert (tmp_path / "hu.qm").read_bytes() == COMPILED.read_bytes(), "run packaging/update_translations.py"


def test_language_follows_the_os_or_the_choice():
    from viz.ui.i18n import resolve_language

    assert resolve_language("system", QLocale("hu_HU")) == "hu"
    assert resolve_language("system", QLocale("de_DE")) == "en"
    assert resolve_language("hu", QLocale("en_US")) == "hu"
    assert resolve_language("en", QLocale("hu_HU")) == "en"


@pytest.fixture
def english_after():
    yield
    from viz.ui.i18n import install_language

    install_language("en")


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_switching_language_retranslates_the_window_and_keeps_the_work(
    qtbot, english_after, tiny_loaded, tiny_trace
):
    from viz.ui.main_window import MainWindow
    from viz.ui.settings import Settings

    settings = Settings()
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    win.adopt(tiny_loaded("gpt2"), tiny_trace("gpt2", "The quick brown fox"))
    win.show_view(win.views[2].key)
    english = menu_titles(win), [v.title() for v in win.views]
    old_views = list(win.views)
    language_menu = next(
        a.menu() for m in win.menuBar().actions() for a in m.menu().actions() if a.menu() and a.text() == "&Language"
    )
    next(a for a in language_menu.actions() if a.text() == "Magyar").trigger()
    qtbot.waitUntil(lambda: win.views and win.views[0] is not old_views[0], timeout=60_000)  # every tab made anew
    assert settings.language == "hu"
    assert menu_titles(win) == ["&Fájl", "&Nézet", "&Súgó"]
    assert menu_titles(win) != english[0]
    assert win.tabs.tabText(0) == win.views[0].title() != english[1][0]
    assert win.current_view().key == old_views[2].key  # the work carries over
    assert win.text_edit.toPlainText() == "The quick brown fox"
    assert win.state.trace is not None and win.state.trace.text == "The quick brown fox"
    assert win.cancel_button.text() == "Mégse"
    win.set_language("en")
    qtbot.waitUntil(lambda: menu_titles(win) == english[0], timeout=60_000)
    assert [v.title() for v in win.views] == english[1]
    win.state.shutdown()


def test_hungarian_window_has_no_untranslated_menu_entries(qtbot, english_after):
    """Every menu entry differs from English, except names that are the same in both languages."""
    from viz.ui.i18n import install_language
    from viz.ui.main_window import MainWindow

    same_in_both = {"Magyar", "English", "Transformer Viz"}
    english_window = MainWindow()
    qtbot.addWidget(english_window)
    english = [a.text() for m in english_window.menuBar().actions() for a in m.menu().actions()]
    english_window.state.shutdown()
    install_language("hu", QApplication.instance())
    win = MainWindow()
    qtbot.addWidget(win)
    hungarian = [a.text() for m in win.menuBar().actions() for a in m.menu().actions()]
    assert len(hungarian) == len(english)
    for en, hu in zip(english, hungarian, strict=True):
        if en and en not in same_in_both:
            assert en != hu, en
    win.state.shutdown()


def test_every_view_explains_itself_in_both_languages(qtbot, english_after):
    """The "About this view" panel has words for students in English and in Hungarian."""
    from viz.ui.i18n import install_language
    from viz.ui.main_window import MainWindow

    english_window = MainWindow()
    qtbot.addWidget(english_window)
    english = {v.key: (v.title(), v.explanation()) for v in english_window.views}
    english_window.state.shutdown()
    install_language("hu", QApplication.instance())
    win = MainWindow()
    qtbot.addWidget(win)
    for view in win.views:
        title, text = english[view.key]
        assert len(text.split()) >= 15, view.key  # a few sentences, not a label
        assert view.explanation() and view.explanation() != text, view.key
        assert view.title() and view.title() != title, view.key
        win.show_view(view.key)
        assert win.help_panel.body.text() == view.explanation()
        assert win.tabs.tabToolTip(win.tabs.currentIndex()) == view.explanation()
    win.state.shutdown()
