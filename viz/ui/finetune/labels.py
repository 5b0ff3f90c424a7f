"""Words and numbers of the Fine-tune tab, translated and in the locale's format."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def tr(text: str) -> str:
    return QCoreApplication.translate("Finetune", text)


def count(n: int) -> str:
    return QLocale().toString(int(n))


def percent(share: float, decimals: int = 1) -> str:
    return QLocale().toString(100.0 * share, "f", decimals) + " %"


def number(value: float, decimals: int = 2) -> str:
    return QLocale().toString(float(value), "f", decimals)


def task_name(key: str) -> str:
    return {
        "time": tr("normalize time (new)"),
        "date": tr("normalize date"),
        "words": tr("number to words"),
        "number": tr("words to number"),
        "reverse": tr("reverse"),
        "custom": tr("your file"),
    }.get(key, key)


def method_name(kind: str) -> str:
    return {"full": tr("Full fine-tuning"), "selective": tr("Selective (chosen layers)"),
            "lora": tr("LoRA"), "prompt": tr("Prompt tuning")}.get(kind, kind)


def metric_name(key: str) -> str:
    return {"exact": tr("exact match"), "rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L",
            "bleu": "BLEU"}.get(key, key)


def phase_text(phase: str) -> str:
    return {"before": tr("Scoring the model before training…"), "training": tr("Training…"),
            "after": tr("Scoring the tuned model…")}.get(phase, phase)
