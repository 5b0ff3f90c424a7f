"""Packaging: the desktop entry and session MIME type are well formed; the bundle builds and passes its self-test.

The bundle build takes minutes, so it runs only on request:

    TVIZ_BUILD_BUNDLE=1 QT_QPA_PLATFORM=offscreen python -m pytest -q -m slow tests/test_packaging.py
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from viz.ui.session import MIME_TYPE, SESSION_SUFFIX

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_desktop_entry_opens_session_files():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(LINUX / "transformer-viz.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[-1] in ("%f", "%F")  # the double-clicked file reaches the app
    assert MIME_TYPE in desktop["MimeType"].split(";")
    assert desktop["Icon"] == "transformer-viz"
    assert (ROOT / "resources" / "icons" / f"{desktop['Icon']}.svg").is_file()
    assert desktop["Terminal"] == "false"


def test_mime_type_matches_the_session_suffix():
    root = ET.parse(LINUX / "transformer-viz-mime.xml").getroot()
    mime = root.find(f"{MIME}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME}glob")] == [f"*{SESSION_SUFFIX}"]


def test_app_icon_is_a_valid_svg():
    root = ET.parse(ROOT / "resources" / "icons" / "transformer-viz.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_recipe_leaves_out_unused_qt_and_torch_parts():
    spec = (ROOT / "packaging" / "pyinstaller" / "transformer-viz.spec").read_text(encoding="utf-8")
    for unused in ("QtWebEngineCore", "QtQml", "QtQuick", "torch.utils.tensorboard", "torch/include/", "triton"):
        assert f'"{unused}' in spec, unused


def test_self_test_passes_in_the_development_tree(tiny_model_dir, tmp_path):
    """The same check the bundle runs, on a tiny model, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "viz", "--self-test", "--model", str(tiny_model_dir("gpt2")), "--export", str(tmp_path)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: passed" in result.stdout
    assert len(list(tmp_path.glob("view_*.png"))) >= 5


def test_self_test_fails_on_a_missing_model(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "viz", "--self-test", "--model", str(tmp_path / "none")],
        capture_output=True, text=True, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1
    assert "FAILED" in result.stdout


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("TVIZ_BUILD_BUNDLE") != "1", reason="set TVIZ_BUILD_BUNDLE=1 to build the bundle")
@pytest.mark.skipif(shutil.which("pyinstaller") is None, reason="needs pyinstaller (pip install -e .[bundle])")
def test_bundle_builds_and_passes_its_self_test(tmp_path, tiny_model_dir):
    dist = tmp_path / "dist"
    subprocess.run(["bash", str(ROOT / "packaging" / "build_bundle.sh"), str(dist)], check=True, timeout=3600)
    exe = dist / "transformer-viz" / ("transformer-viz.exe" if sys.platform == "win32" else "transformer-viz")
    assert exe.is_file()
    command = [str(exe), "--self-test"]
    if not (ROOT / "resources" / "models" / "demo-gpt2" / "config.json").is_file():
        command += ["--model", str(tiny_model_dir("gpt2"))]  # before the demo models are bundled
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "self-test: passed" in result.stdout
    files = [p for p in (dist / "transformer-viz").rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(f"bundle size: {size / 2**20:.0f} MiB")
