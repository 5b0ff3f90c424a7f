"""The course's models: family, sizes, licence, whether the weights are open, and the Hub ids to open them.

Texts are English; `QT_TRANSLATE_NOOP` only marks them so that Qt's string extractor finds them (the
interface translates them with the context "Catalogue"); it returns the text unchanged and needs no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the name Qt's extractor looks for
    return text


@dataclass(frozen=True)
class HubModel:
    hub_id: str
    size: str  # as published: "124M", "7B"
    gated: bool = False  # the Hub asks you to accept a licence and log in first


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    maker: str  # who released it, and when
    family: str  # a viz.core.families.Family value
    sizes: str
    licence: str
    open_weights: bool
    summary: str  # one line for the list
    hub_models: tuple[HubModel, ...] = ()  # to open it (empty when the weights are not public)
    nearest_open: tuple[HubModel, ...] = ()  # closed models: open ones to use instead


CATALOGUE = (
    CatalogueEntry(
        name="GPT-2", maker="OpenAI, 2019", family="decoder-only", sizes="124M, 355M, 774M, 1.5B",
        licence=QT_TRANSLATE_NOOP("Catalogue", "MIT (modified)"), open_weights=True,
        summary=QT_TRANSLATE_NOOP("Catalogue", "The decoder that made text generation popular; byte-level BPE, "
                                               "1,024 positions."),
        hub_models=(HubModel("openai-community/gpt2", "124M"), HubModel("openai-community/gpt2-medium", "355M"),
                    HubModel("openai-community/gpt2-large", "774M"), HubModel("openai-community/gpt2-xl", "1.5B")),
    ),
    CatalogueEntry(
        name="GPT-3", maker="OpenAI, 2020", family="decoder-only", sizes="125M … 175B",
        licence=QT_TRANSLATE_NOOP("Catalogue", "proprietary"),
        open_weights=False,
        summary=QT_TRANSLATE_NOOP("Catalogue", "Weights never released; reachable only through OpenAI's API. "
                                               "Same design as GPT-2, much larger."),
        nearest_open=(HubModel("openai-community/gpt2-xl", "1.5B"), HubModel("bigscience/bloom", "176B")),
    ),
    CatalogueEntry(
        name="BERT", maker="Google, 2018", family="encoder-only",
        sizes=QT_TRANSLATE_NOOP("Catalogue", "110M (base), 340M (large)"),
        licence="Apache-2.0", open_weights=True,
        summary=QT_TRANSLATE_NOOP("Catalogue", "Encoder trained by filling in masked words; WordPiece tokens."),
        hub_models=(HubModel("google-bert/bert-base-uncased", "110M"), HubModel("google-bert/bert-base-cased", "110M"),
                    HubModel("google-bert/bert-large-uncased", "340M"),
                    HubModel("google-bert/bert-base-multilingual-cased", "179M")),
    ),
    CatalogueEntry(
        name="FLAN-T5", maker="Google, 2022", family="encoder-decoder", sizes="80M, 250M, 780M, 3B, 11B",
        licence="Apache-2.0", open_weights=True,
        summary=QT_TRANSLATE_NOOP("Catalogue", "T5 fine-tuned on more than 1,800 instruction tasks; follows "
                                               "prompts such as \"translate English to German: …\"."),
        hub_models=(HubModel("google/flan-t5-small", "80M"), HubModel("google/flan-t5-base", "250M"),
                    HubModel("google/flan-t5-large", "780M"), HubModel("google/flan-t5-xl", "3B"),
                    HubModel("google/flan-t5-xxl", "11B")),
    ),
    CatalogueEntry(
        name="LLaMA / Llama 2 / Llama 3", maker="Meta, 2023–2024", family="decoder-only",
        sizes="7B–65B; 7B–70B; 1B–405B",
        licence=QT_TRANSLATE_NOOP("Catalogue", "Meta's community licences (LLaMA 1: research only)"),
        open_weights=True,
        summary=QT_TRANSLATE_NOOP("Catalogue", "Open-weight decoders (RoPE, SwiGLU, RMSNorm); the Hub asks you to "
                                               "accept Meta's licence and log in. TinyLlama has the same design and "
                                               "no gate."),
        hub_models=(HubModel("meta-llama/Llama-3.2-1B", "1B", gated=True),
                    HubModel("meta-llama/Llama-3.1-8B", "8B", gated=True),
                    HubModel("meta-llama/Llama-2-7b-hf", "7B", gated=True),
                    HubModel("TinyLlama/TinyLlama-1.1B-Chat-v1.0", "1.1B")),
    ),
    CatalogueEntry(
        name="BLOOM", maker="BigScience, 2022", family="decoder-only", sizes="560M, 1.1B, 1.7B, 3B, 7.1B, 176B",
        licence=QT_TRANSLATE_NOOP("Catalogue", "BigScience RAIL 1.0 (use restrictions)"), open_weights=True,
        summary=QT_TRANSLATE_NOOP("Catalogue", "Open multilingual decoder (46 languages, 13 programming "
                                               "languages), ALiBi positions."),
        hub_models=(HubModel("bigscience/bloom-560m", "560M"), HubModel("bigscience/bloom-1b1", "1.1B"),
                    HubModel("bigscience/bloom-1b7", "1.7B"), HubModel("bigscience/bloom-3b", "3B"),
                    HubModel("bigscience/bloom-7b1", "7.1B"), HubModel("bigscience/bloom", "176B")),
    ),
    CatalogueEntry(
        name="PaLM", maker="Google, 2022", family="decoder-only", sizes="8B, 62B, 540B",
        licence=QT_TRANSLATE_NOOP("Catalogue", "proprietary"),
        open_weights=False,
        summary=QT_TRANSLATE_NOOP("Catalogue", "PaLM's weights were never made public, so no tool can load it. "
                                               "Nearest open models: Gemma (Google's open decoders), FLAN-T5 (the "
                                               "same FLAN instruction tuning as Flan-PaLM), Llama (PaLM's SwiGLU "
                                               "and rotary positions) and BLOOM 176B (the open model nearest in "
                                               "size)."),
        nearest_open=(HubModel("google/gemma-2-2b", "2B", gated=True), HubModel("google/flan-t5-xl", "3B"),
                      HubModel("meta-llama/Llama-3.1-8B", "8B", gated=True), HubModel("bigscience/bloom", "176B")),
    ),
)


def entry(name: str) -> CatalogueEntry:
    return next(e for e in CATALOGUE if e.name == name)
