"""Shared fixtures: offscreen Qt, no network, tiny models of every architecture."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"  # no test may touch the network
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from tiny_models import save_tiny_model  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp):
    """As in the app: cyclic garbage is collected in the GUI thread only (see viz.ui.gui_thread_gc), and
    imports run without PySide's hook (see viz.ui.plain_import)."""
    from viz.ui.gui_thread_gc import collect_in_gui_thread
    from viz.ui.plain_import import restore_plain_import

    restore_plain_import()
    return collect_in_gui_thread(qapp)


@pytest.fixture(autouse=True)
def gc_stays_off_in_workers(gui_thread_gc):
    """A test that turns automatic collection back on would let worker threads run Qt destructors in the
    tests after it (the suite then hangs, far from the cause): switch it off again and fail that test."""
    import gc

    yield
    if gc.isenabled():
        gc.disable()
        pytest.fail("the test left automatic garbage collection on; restore gc.isenabled() as it found it")


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    """`tiny_model_dir("gpt2")` -> a folder written by save_pretrained, made once per session."""
    made: dict[str, Path] = {}

    def make(arch: str, bare: bool = False) -> Path:
        key = f"{arch}-bare" if bare else arch
        if key not in made:
            made[key] = save_tiny_model(arch, tmp_path_factory.mktemp(key), bare=bare)
        return made[key]

    return make


@pytest.fixture(scope="session")
def tiny_loaded(tiny_model_dir):
    """`tiny_loaded("t5")` -> a LoadedModel on the CPU, loaded once per session."""
    from viz.core.loading import LoadRequest, load_model

    cache = {}

    def load(arch: str):
        if arch not in cache:
            cache[arch] = load_model(LoadRequest(str(tiny_model_dir(arch)), device="cpu"))
        return cache[arch]

    return load


@pytest.fixture(scope="session")
def tiny_trace(tiny_loaded):
    """`tiny_trace("gpt2", text)` -> a Trace of a tiny model."""
    from viz.core.trace import TraceRequest, run_trace

    def trace(arch: str, text: str = "The quick brown fox jumps over the lazy dog.", target: str | None = None):
        return run_trace(tiny_loaded(arch), TraceRequest(text, target, max_new_tokens=8))

    return trace


@pytest.fixture
def window(qtbot):
    """A main window with no model loaded; closed and its workers stopped after the test."""
    from viz.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    win.state.shutdown()
