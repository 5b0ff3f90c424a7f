"""Translated names of the schemes, formats and progress steps, and shared colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Quantization", "…")

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, on light and dark plots.
SCHEME_COLORS = {
    "fp16": "#0072B2",
    "bf16": "#56B4E9",
    "int8_tensor": "#D55E00",
    "int8_channel": "#E69F00",
    "torchao_int8": "#CC79A7",
}
FIELD_COLORS = {"sign": "#D55E00", "exponent": "#0072B2", "mantissa": "#009E73", "integer": "#CC79A7"}
FLIP_COLOR = "#D55E00"


def scheme_name(key: str) -> str:
    names = {
        "fp16": translate("Quantization", "fp16"),
        "bf16": translate("Quantization", "bf16"),
        "int8_tensor": translate("Quantization", "int8 per-tensor"),
        "int8_channel": translate("Quantization", "int8 per-channel"),
        "torchao_int8": translate("Quantization", "torchao int8"),
    }
    return names.get(key, key)


def scheme_kind(key: str) -> str:
    """Whether the scheme really runs in that format, or is simulated in float32."""
    if key in ("int8_tensor", "int8_channel"):
        return translate("Quantization", "simulated: int8-rounded weights, float32 compute")
    if key == "torchao_int8":
        return translate("Quantization", "real: int8 weights and torchao's kernels")
    return translate("Quantization", "real: the model cast to this format")


def scheme_label(key: str) -> str:
    """The name with (simulated) or (real), as legends and tables show it."""
    if key in ("int8_tensor", "int8_channel"):
        return translate("Quantization", "{name} (simulated)").format(name=scheme_name(key))
    return translate("Quantization", "{name} (real)").format(name=scheme_name(key))


def step_text(step: str) -> str:
    kind, _, detail = step.partition(":")
    if kind == "reference":
        return translate("Quantization", "Running the float32 model…")
    if kind == "copy":
        return translate("Quantization", "Making the {scheme} copy…").format(scheme=scheme_name(detail))
    if kind == "run":
        return translate("Quantization", "Running the {scheme} copy…").format(scheme=scheme_name(detail))
    if kind == "layer":
        return translate("Quantization", "Measuring {layer}…").format(layer=detail)
    return translate("Quantization", "Done")


def count_text(count: int) -> str:
    if count >= 1e9:
        return translate("Quantization", "{n:.1f} B").format(n=count / 1e9)
    if count >= 1e6:
        return translate("Quantization", "{n:.0f} M").format(n=count / 1e6)
    if count >= 1e3:
        return translate("Quantization", "{n:.0f} k").format(n=count / 1e3)
    return str(count)


def bytes_text(count: float) -> str:
    if count >= 1e9:
        return translate("Quantization", "{n:.1f} GB").format(n=count / 1e9)
    if count >= 1e6:
        return translate("Quantization", "{n:.0f} MB").format(n=count / 1e6)
    if count >= 1e3:
        return translate("Quantization", "{n:.0f} kB").format(n=count / 1e3)
    return translate("Quantization", "{n:.0f} B").format(n=count)
