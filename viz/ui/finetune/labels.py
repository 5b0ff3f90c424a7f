"""Words and numbers of the Fine-tune tab, translated and in the locale's format."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viz.ui.numbers import locale


translate = QCoreApplication.translate  # lupdate reads translate("Finetune", "…")


def count(n: int) -> str:
    return locale().toString(int(n))


def percent(share: float, decimals: int = 1) -> str:
    return locale().toString(100.0 * share, "f", decimals) + "\u00a0%"  # never wrapped from its number


def number(value: float, decimals: int = 2) -> str:
    return locale().toString(float(value), "f", decimals)


def task_name(key: str) -> str:
    return {
        "time": translate("Finetune", "normalize time (new)"),
        "date": translate("Finetune", "normalize date"),
        "words": translate("Finetune", "number to words"),
        "number": translate("Finetune", "words to number"),
        "reverse": translate("Finetune", "reverse"),
        "custom": translate("Finetune", "your file"),
    }.get(key, key)


def task_short_name(key: str) -> str:
    """A task's name in a narrow table column (the full name goes in its tooltip)."""
    return {
        "time": translate("Finetune", "time (new)"),
        "date": translate("Finetune", "date"),
        "words": translate("Finetune", "to words"),
        "number": translate("Finetune", "to number"),
        "reverse": translate("Finetune", "reverse"),
        "custom": translate("Finetune", "your file"),
    }.get(key, key)


def method_name(kind: str) -> str:
    return {"full": translate("Finetune", "Full fine-tuning"), "selective": translate("Finetune", "Selective (chosen layers)"),
            "lora": translate("Finetune", "LoRA"), "prompt": translate("Finetune", "Prompt tuning")}.get(kind, kind)


def metric_name(key: str) -> str:
    return {"exact": translate("Finetune", "exact match"), "rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L",
            "bleu": "BLEU"}.get(key, key)


def phase_text(phase: str) -> str:
    return {"before": translate("Finetune", "Scoring the model before training…"), "training": translate("Finetune", "Training…"),
            "after": translate("Finetune", "Scoring the tuned model…")}.get(phase, phase)
