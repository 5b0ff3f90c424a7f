"""Numbers follow the chosen language: Hungarian groups thousands with a space and uses a decimal comma."""

from __future__ import annotations

from viz.ui import i18n
from viz.ui.numbers import decimal, integer, locale


def test_numbers_follow_the_language(qapp):
    try:
        i18n.install_language("hu")
        assert decimal(51.6, 1) == "51,6"
        assert integer(50257).replace("\u00a0", " ") == "50 257"  # (four digits stay ungrouped, as CLDR has it)
        assert locale().toDouble(decimal(0.25, 2))[0] == 0.25  # reads back as written
        i18n.install_language("en")
        assert decimal(51.6, 1) == "51.6" and integer(4096) == "4,096"
    finally:
        i18n.install_language("en")
