"""The bundled demo models load with transformers and do what their cards claim."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
from safetensors import safe_open  # noqa: E402

MODELS = Path(__file__).resolve().parents[1] / "resources" / "models"
NAMES = ("demo-gpt2", "demo-bert", "demo-t5")
MAX_WEIGHT_BYTES = 64_000_000
MARGIN = 0.1  # allowed drop in a top-5 rate (other CPU, other library versions)


def _read(name: str, file: str) -> dict:
    return json.loads((MODELS / name / file).read_text(encoding="utf-8"))


@pytest.fixture(scope="module", autouse=True)
def _quiet():
    transformers.utils.logging.disable_progress_bar()
    transformers.utils.logging.set_verbosity_error()


def _load(name: str, auto_class):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(MODELS / name)
    model = getattr(transformers, auto_class).from_pretrained(MODELS / name, attn_implementation="eager")
    return tok, model.eval()


@pytest.fixture(scope="module")
def gpt2():
    return _load("demo-gpt2", "AutoModelForCausalLM")


@pytest.fixture(scope="module")
def bert():
    return _load("demo-bert", "AutoModelForMaskedLM")


@pytest.fixture(scope="module")
def t5():
    return _load("demo-t5", "AutoModelForSeq2SeqLM")


@pytest.mark.parametrize("name", NAMES)
def test_weights_on_disk_match_the_card(name):
    record = _read(name, "eval.json")["record"]
    count, dtypes = 0, set()
    with safe_open(str(MODELS / name / "model.safetensors"), framework="pt") as f:
        for key in f.keys():
            t = f.get_slice(key)
            count += int(torch.tensor(t.get_shape()).prod()) if t.get_shape() else 1
            dtypes.add(t.get_dtype())
    assert dtypes == {"F32"}
    assert count == record["weights"]["parameters"]
    assert f"{count:,}" in (MODELS / name / "README.md").read_text(encoding="utf-8")
    assert not list((MODELS / name).glob("*.bin"))


@pytest.mark.parametrize("name", NAMES)
def test_card_is_rendered_from_the_measurements(name):
    """Every figure in a model card comes from its eval.json: a card edited by hand, or
    measurements changed without re-rendering, fail here."""
    sys.path.insert(0, str(MODELS.parents[1] / "packaging"))
    try:
        from demo_training.cards import render_card
    finally:
        sys.path.pop(0)
    card = (MODELS / name / "README.md").read_text(encoding="utf-8")
    assert card == render_card(_read(name, "eval.json"))


def test_all_weights_fit_the_budget():
    total = sum((MODELS / n / "model.safetensors").stat().st_size for n in NAMES)
    assert total <= MAX_WEIGHT_BYTES


@pytest.mark.parametrize("name,family", [("demo-gpt2", "decoder-only"), ("demo-bert", "encoder-only"),
                                         ("demo-t5", "encoder-decoder")])
def test_picker_entry(name, family):
    viz = _read(name, "viz.json")
    assert viz["name"] == name and viz["family"] == family and viz["description"]


def test_gpt2_tokenizer_and_ids(gpt2):
    tok, model = gpt2
    assert tok.is_fast
    enc = tok("The return statement", return_offsets_mapping=True)
    assert enc["offset_mapping"][-1][1] == len("The return statement")
    assert tok.bos_token_id == tok.eos_token_id == model.config.eos_token_id == model.config.bos_token_id
    assert tok.eos_token_id < model.config.vocab_size


def test_bert_tokenizer_adds_cls_and_sep(bert):
    tok, model = bert
    assert tok.is_fast
    ids = tok("A list is mutable.")["input_ids"]
    assert ids[0] == tok.cls_token_id and ids[-1] == tok.sep_token_id
    assert {tok.pad_token, tok.unk_token, tok.mask_token} == {"[PAD]", "[UNK]", "[MASK]"}
    assert model.config.pad_token_id == tok.pad_token_id


def test_t5_tokenizer_and_start_token(t5):
    tok, model = t5
    assert tok.is_fast and tok.pad_token_id == 0 and tok.eos_token_id == 1 and tok.unk_token is not None
    assert tok("reverse: cat dog")["input_ids"][-1] == 1
    assert model.config.decoder_start_token_id == tok.pad_token_id
    assert tok("normalize date: 3 November 2026", return_offsets_mapping=True)["offset_mapping"]


def _top5_rate(hits: list[bool]) -> float:
    return sum(hits) / len(hits)


def test_gpt2_predicts_held_out_next_words(gpt2):
    tok, model = gpt2
    ev = _read("demo-gpt2", "eval.json")
    hits = []
    with torch.no_grad():
        for p in ev["prompts"]:
            ids = torch.tensor([tok(p["context"])["input_ids"]])
            hits.append(p["next_token_id"] in model(input_ids=ids).logits[0, -1].topk(5).indices.tolist())
    assert len(hits) == ev["n"]
    assert _top5_rate(hits) >= ev["rate"] - MARGIN


def test_bert_fills_held_out_masks(bert):
    tok, model = bert
    ev = _read("demo-bert", "eval.json")
    hits = []
    with torch.no_grad():
        for p in ev["prompts"]:
            enc = tok(p["text"], return_tensors="pt")
            pos = (enc["input_ids"][0] == tok.mask_token_id).nonzero()[0, 0]
            top = model(**enc).logits[0, pos].topk(5).indices.tolist()
            hits.append(tok.convert_tokens_to_ids(p["answer"]) in top)
    assert len(hits) == ev["n"]
    assert _top5_rate(hits) >= ev["rate"] - MARGIN


def test_t5_answers_held_out_prompts(t5):
    tok, model = t5
    ev = _read("demo-t5", "eval.json")
    prompts = ev["prompts"]
    with torch.no_grad():
        enc = tok([p["input"] for p in prompts], return_tensors="pt", padding=True)
        out = model.generate(**enc, max_new_tokens=32, do_sample=False, num_beams=1)
    answers = tok.batch_decode(out, skip_special_tokens=True)
    wrong = [(p["input"], a) for p, a in zip(prompts, answers) if a != p["expected"]]
    assert len(wrong) <= ev["failures"], wrong


def test_demo_gpt2_first_prediction_on_the_default_prompt_is_a_word():
    """The first demo a class sees: the top next token is a word, not a newline or punctuation."""
    import torch

    from viz.core.loading import LoadRequest, load_model
    from viz.ui.main_window import EXAMPLE_TEXT

    loaded = load_model(LoadRequest("demo-gpt2", device="cpu"))
    ids = loaded.tokenizer(EXAMPLE_TEXT["decoder-only"], return_tensors="pt").input_ids
    with torch.no_grad():
        top = int(loaded.model(ids).logits[0, -1].argmax())
    word = loaded.tokenizer.decode([top])
    assert word.strip().isalpha(), repr(word)
