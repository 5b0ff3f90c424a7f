"""The embeddings view's choices that a saved session restores."""

from __future__ import annotations

from viz.core.file_values import INT32, settings_number


def capture(view) -> dict:
    controls = view.controls
    vocabulary = view.vocabulary
    return {
        "mode": controls.mode(),
        "method": controls.method_key(),
        "three_d": controls.three_d.isChecked(),
        "side": controls.side_key(),
        "unit_length": controls.unit_length.isChecked(),
        "layer": controls.layer.value(),
        "token": view.selected_token,
        # the selection by its label: ids differ between models, a word carries over
        "selected": vocabulary.labels[view.selected] if vocabulary is not None and view.selected >= 0 else None,
    }


def restore(view, settings: dict) -> list[str]:
    """Unknown keys are ignored and missing ones keep the view's defaults (older session files); numbers
    out of a control's range are moved into it, and the lines returned say which were."""
    controls, notes = view.controls, []
    for combo, key in ((controls.method, "method"), (controls.side, "side")):
        index = combo.findData(settings.get(key))
        if index >= 0:
            combo.setCurrentIndex(index)
    controls.unit_length.setChecked(bool(settings.get("unit_length", False)))
    controls.three_d.setChecked(bool(settings.get("three_d", False)))
    controls.set_mode("prompt" if settings.get("mode") == "prompt" else "vocabulary")
    # The slider's range follows the model, and the layer is kept for when the paths arrive: only the
    # numbers no slider can hold are clamped here.
    layer = settings_number(settings, "layer", 0, INT32[1], True, notes)
    if layer is not None:
        controls.layer.setValue(layer)
    token = settings_number(settings, "token", -1, INT32[1], True, notes)
    if token is not None:
        view.select_token(token)
    if isinstance(settings.get("selected"), str):
        view.search(settings["selected"])  # waits for the vocabulary when it is still being projected
    return notes
