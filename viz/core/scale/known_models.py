"""Published parameter and training-token counts of well-known models, with where each figure comes from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownModel:
    name: str
    parameters: float
    tokens: float  # training tokens
    source: str


KNOWN_MODELS = (
    KnownModel("GPT-3 175B", 175e9, 300e9,
               "Brown et al. 2020, Language Models are Few-Shot Learners, table 2.2 and appendix D"),
    KnownModel("Gopher 280B", 280e9, 300e9,
               "Rae et al. 2021, Scaling Language Models: Methods, Analysis & Insights from Training Gopher, table 1"),
    KnownModel("Chinchilla 70B", 70e9, 1.4e12,
               "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models, table 1"),
    KnownModel("LLaMA 7B", 6.7e9, 1.0e12,
               "Touvron et al. 2023, LLaMA: Open and Efficient Foundation Language Models, table 2"),
    KnownModel("LLaMA 13B", 13.0e9, 1.0e12,
               "Touvron et al. 2023, LLaMA: Open and Efficient Foundation Language Models, table 2"),
    KnownModel("LLaMA 33B", 32.5e9, 1.4e12,
               "Touvron et al. 2023, LLaMA: Open and Efficient Foundation Language Models, table 2"),
    KnownModel("LLaMA 65B", 65.2e9, 1.4e12,
               "Touvron et al. 2023, LLaMA: Open and Efficient Foundation Language Models, table 2"),
    KnownModel("BLOOM 176B", 176e9, 366e9,
               "BigScience (Le Scao et al.) 2022, BLOOM: A 176B-Parameter Open-Access Multilingual Language Model, "
               "section 3.5"),
    KnownModel("PaLM 540B", 540e9, 780e9,
               "Chowdhery et al. 2022, PaLM: Scaling Language Modeling with Pathways, table 1 and section 3"),
)
