"""The model catalogue: every course model listed, open ones openable, closed ones say so and offer others."""

from __future__ import annotations

import re

from viz.core.catalogue import CATALOGUE, entry
from viz.core.families import Family

HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")


def test_the_course_models_are_all_there():
    names = " ".join(e.name for e in CATALOGUE)
    for model in ("GPT-2", "PaLM", "LLaMA", "BLOOM", "BERT", "FLAN-T5"):
        assert model in names


def test_each_entry_has_one_line_and_a_known_family():
    families = {f.value for f in Family}
    for e in CATALOGUE:
        assert e.family in families
        assert e.summary and "\n" not in e.summary and e.sizes and e.licence and e.maker


def test_open_models_name_hub_ids_and_closed_ones_offer_open_neighbours():
    for e in CATALOGUE:
        if e.open_weights:
            assert e.hub_models and not e.nearest_open
        else:
            assert not e.hub_models and e.nearest_open
        for model in e.hub_models + e.nearest_open:
            assert HUB_ID.match(model.hub_id), model.hub_id


def test_palm_says_its_weights_are_not_public():
    palm = entry("PaLM")
    assert not palm.open_weights
    assert "never made public" in palm.summary
    nearest = {m.hub_id for m in palm.nearest_open}
    assert {"google/flan-t5-xl", "bigscience/bloom"} <= nearest
    # every neighbour named in the sentence is one that can be opened
    open_ids = {m.hub_id for e in CATALOGUE for m in e.hub_models}
    assert {m.hub_id for m in palm.nearest_open if not m.gated} <= open_ids


def test_families_of_the_open_models():
    assert entry("BERT").family == Family.ENCODER.value
    assert entry("FLAN-T5").family == Family.ENCODER_DECODER.value
    assert entry("BLOOM").family == Family.DECODER.value


def test_dialog_lists_every_model_and_opens_the_chosen_hub_id(qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from viz.ui.catalogue_dialog import HUB_ID_ROLE, CatalogueDialog
    from viz.ui.model_bar import ModelBar

    dialog = CatalogueDialog()
    qtbot.addWidget(dialog)
    tree = dialog.tree
    assert tree.topLevelItemCount() == len(CATALOGUE)
    rows = {tree.topLevelItem(i).text(0).split(" (")[0]: tree.topLevelItem(i) for i in range(len(CATALOGUE))}
    palm = rows["PaLM"]
    assert palm.text(4) == "no, not public"
    tree.setCurrentItem(palm)
    assert "never made public" in dialog.summary.text() and dialog.chosen() == ""
    assert [palm.child(i).data(0, HUB_ID_ROLE) for i in range(palm.childCount())] == [
        m.hub_id for m in entry("PaLM").nearest_open]
    assert dialog.select("google/flan-t5-small") and dialog.chosen() == "google/flan-t5-small"

    bar = ModelBar()
    qtbot.addWidget(bar)

    def accept_flan(self):
        self.select("google/flan-t5-base")
        return CatalogueDialog.Accepted

    monkeypatch.setattr(CatalogueDialog, "exec", accept_flan)
    with qtbot.waitSignal(bar.load_requested) as signal:
        qtbot.mouseClick(bar.catalogue, Qt.LeftButton)
    assert signal.args[0].source == "google/flan-t5-base"
