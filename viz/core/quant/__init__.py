"""Quantization lab: number formats bit by bit, weight quantization errors, and what they do to outputs.

Progress callbacks receive `(fraction, step)` where `step` is a short key (`"reference"`,
`"copy:int8_channel"`, `"run:fp16"`, `"layer:transformer.h.0.attn.c_attn"`…) that the UI turns into
translated text; `should_stop()` is polled between steps and ends the work with `Cancelled`.
"""

from __future__ import annotations

from viz.core.errors import VizError


class Cancelled(VizError):
    """The person cancelled the comparison; nothing is cached for the unfinished step."""

    def __init__(self):
        super().__init__("Cancelled.")


def check_stop(should_stop) -> None:
    if should_stop is not None and should_stop():
        raise Cancelled()


def report(progress, fraction: float, step: str) -> None:
    if progress is not None:
        progress(min(max(fraction, 0.0), 1.0), step)
