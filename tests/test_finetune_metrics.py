"""Exact match, ROUGE and BLEU against hand computations and the reference libraries."""

from __future__ import annotations

import pytest

from viz.core.finetune.evaluation import EvalReport, ScoredExample, TaskReport, misleading_example
from viz.core.finetune.metrics import mean_scores, score

PAIRS = [("cat garden king stone book", "cat garden stone king book"),
         ("the cat sat", "the cat sat on the mat"),
         ("five thousand five hundred thirteen", "five thousand five hundred thirteen"),
         ("07:15", "07:51")]


@pytest.mark.parametrize("output, reference", PAIRS)
def test_scores_equal_the_libraries(output, reference):
    import sacrebleu
    from rouge_score import rouge_scorer

    s = score(output, reference)
    ref = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"]).score(reference, output)
    assert s.rouge1 == pytest.approx(ref["rouge1"].fmeasure, abs=1e-12)
    assert s.rouge2 == pytest.approx(ref["rouge2"].fmeasure, abs=1e-12)
    assert s.rougeL == pytest.approx(ref["rougeL"].fmeasure, abs=1e-12)
    assert s.bleu == pytest.approx(sacrebleu.sentence_bleu(output, [reference]).score / 100, abs=1e-12)
    assert s.exact == float(output == reference)


def test_scores_by_hand():
    # "the cat sat" against "the cat sat on the mat": unigram precision 3/3, recall 3/6 -> F = 2/3;
    # bigrams 2/2 and 2/5 -> F = 4/7; the longest common subsequence is the whole output -> as ROUGE-1.
    s = score("the cat sat", "the cat sat on the mat")
    assert s.rouge1 == pytest.approx(2 / 3) and s.rouge2 == pytest.approx(4 / 7) and s.rougeL == pytest.approx(2 / 3)
    # Two words swapped: every word shared (ROUGE-1 = 1) although the answer is wrong.
    swapped = score("cat garden king stone book", "cat garden stone king book")
    assert swapped.rouge1 == 1.0 and swapped.exact == 0.0 and swapped.rougeL == pytest.approx(0.8)


def test_mean_and_misleading_example():
    right = ScoredExample("t", "p", "a b c", "a b c", score("a b c", "a b c"))
    wrong = ScoredExample("t", "p", "cat garden stone king book", "cat garden king stone book",
                          score("cat garden king stone book", "cat garden stone king book"))
    far = ScoredExample("t", "p", "a b c", "x", score("x", "a b c"))
    report = EvalReport((TaskReport("t", "t", (right, wrong, far)),))
    assert misleading_example(report) is wrong
    mean = report.tasks[0].mean
    assert mean.exact == pytest.approx(1 / 3)
    assert mean.rouge1 == pytest.approx((1.0 + 1.0 + 0.0) / 3)
    assert mean_scores([]).exact == 0.0
