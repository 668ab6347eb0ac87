"""scripts/screenshots.py regenerates the gallery's pictures of the site from a real build."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


@pytest.mark.browser
def test_screenshots_script_photographs_each_page_on_desktop_and_phone(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/screenshots.py"), "--out", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("meeting", "calendar", "forward-plan", "register"):
        assert png_size(tmp_path / f"site-{name}-desktop.png") == (1280, 900)
        assert png_size(tmp_path / f"site-{name}-phone.png") == (375, 812)
    gallery = (ROOT / "docs/gallery/site.md").read_text("utf-8")
    for picture in sorted(p.name for p in tmp_path.glob("*.png")):
        assert f"({picture})" in gallery and (ROOT / "docs/gallery" / picture).exists()
