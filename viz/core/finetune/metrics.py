"""Scores of a generated answer against its reference: exact match, ROUGE-1/2/L (rouge-score) and BLEU (sacrebleu).

ROUGE and BLEU count shared words and word sequences, so an answer with the right words in the wrong order, or one
wrong digit, can still score high: `misleading_example` finds such a case among real outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Scores:
    exact: float  # 1.0 or 0.0
    rouge1: float  # F-measure, 0..1
    rouge2: float
    rougeL: float
    bleu: float  # sentence BLEU, 0..1 (sacrebleu reports 0..100)


METRICS = ("exact", "rouge1", "rouge2", "rougeL", "bleu")


@lru_cache(maxsize=1)
def _rouge():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)


def score(output: str, reference: str) -> Scores:
    import sacrebleu

    rouge = _rouge().score(reference, output)
    bleu = sacrebleu.sentence_bleu(output, [reference]).score / 100.0
    return Scores(float(output.strip() == reference.strip()), rouge["rouge1"].fmeasure, rouge["rouge2"].fmeasure,
                  rouge["rougeL"].fmeasure, bleu)


def mean_scores(items: list[Scores]) -> Scores:
    if not items:
        return Scores(0.0, 0.0, 0.0, 0.0, 0.0)
    n = len(items)
    return Scores(*(sum(getattr(s, m) for s in items) / n for m in METRICS))
