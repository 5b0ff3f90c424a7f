"""Tiny random models of each supported architecture, saved like `save_pretrained` output."""

from __future__ import annotations

from pathlib import Path

CORPUS = [
    "The quick brown fox jumps over the lazy dog.",
    "Attention is all you need; transformers read tokens in parallel.",
    "őrülten ünnepélyes 🙂 café naïve",
    "def run(request): return result",
] * 20

SPECIALS = ["<pad>", "</s>", "<unk>", "<s>", "[CLS]", "[SEP]", "[MASK]"]
PAD, EOS, UNK, BOS, CLS, SEP, MASK = range(7)


def tiny_tokenizer(with_cls_sep: bool, append_eos: bool = False):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=300, special_tokens=SPECIALS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(CORPUS, trainer)
    if with_cls_sep:
        tok.post_processor = processors.TemplateProcessing(
            single="[CLS] $A [SEP]", special_tokens=[("[CLS]", CLS), ("[SEP]", SEP)]
        )
    elif append_eos:
        tok.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", EOS)])
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        eos_token="</s>",
        unk_token="<unk>",
        bos_token="<s>",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
    )


def _config(arch: str):
    import transformers as tf

    vocab = 300
    common = dict(vocab_size=vocab, pad_token_id=PAD, eos_token_id=EOS, bos_token_id=BOS)
    if arch == "bert":
        return tf.BertConfig(hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64, max_position_embeddings=64, **common), tf.BertForMaskedLM, True
    if arch == "roberta":
        return tf.RobertaConfig(hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64, max_position_embeddings=70, **common), tf.RobertaForMaskedLM, True
    if arch == "distilbert":
        return tf.DistilBertConfig(dim=32, n_layers=2, n_heads=4, hidden_dim=64, max_position_embeddings=64, vocab_size=vocab, pad_token_id=PAD), tf.DistilBertForMaskedLM, True
    if arch == "gpt2":
        return tf.GPT2Config(n_embd=32, n_layer=2, n_head=4, n_positions=64, **common), tf.GPT2LMHeadModel, False
    if arch == "llama":  # grouped-query attention: 4 query heads share 2 key/value heads
        return tf.LlamaConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64, **common), tf.LlamaForCausalLM, False
    if arch == "bloom":
        return tf.BloomConfig(hidden_size=32, n_layer=2, n_head=4, **common), tf.BloomForCausalLM, False
    if arch == "t5":
        return tf.T5Config(d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2, num_heads=4, decoder_start_token_id=PAD, **common), tf.T5ForConditionalGeneration, "eos"
    if arch == "bart":
        return tf.BartConfig(d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64, max_position_embeddings=64, decoder_start_token_id=EOS, forced_eos_token_id=EOS, **common), tf.BartForConditionalGeneration, "eos"
    decoder = dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64, **common)
    if arch == "qwen2":  # sliding window on the second layer only
        return tf.Qwen2Config(**decoder, use_sliding_window=True, sliding_window=4, max_window_layers=1), tf.Qwen2ForCausalLM, False
    if arch == "qwen3":  # per-head query/key norms
        return tf.Qwen3Config(**decoder, head_dim=8), tf.Qwen3ForCausalLM, False
    if arch == "gemma2":  # alternating sliding-window and global layers, attention and final soft-capping
        return tf.Gemma2Config(**decoder, head_dim=8, sliding_window=4, attn_logit_softcapping=5.0, final_logit_softcapping=3.0), tf.Gemma2ForCausalLM, False
    if arch == "gemma3":  # five sliding-window layers, then a global one
        return tf.Gemma3TextConfig(**{**decoder, "num_hidden_layers": 6}, head_dim=8, sliding_window=4, sliding_window_pattern=6), tf.Gemma3ForCausalLM, False
    if arch == "mistral":
        return tf.MistralConfig(**decoder, sliding_window=4), tf.MistralForCausalLM, False
    if arch == "phi3":
        return tf.Phi3Config(**decoder), tf.Phi3ForCausalLM, False
    if arch == "olmo":
        return tf.OlmoConfig(**decoder), tf.OlmoForCausalLM, False
    raise KeyError(arch)


# Decoder families with grouped-query attention, sliding windows or soft-capping (tested by the trace engine).
MODERN_ARCHITECTURES = ("qwen2", "qwen3", "gemma2", "gemma3", "mistral", "phi3", "olmo")

ARCHITECTURES = ("bert", "roberta", "distilbert", "gpt2", "llama", "bloom", "t5", "bart")
FAMILIES = {
    "bert": "encoder-only", "roberta": "encoder-only", "distilbert": "encoder-only",
    "gpt2": "decoder-only", "llama": "decoder-only", "bloom": "decoder-only",
    "t5": "encoder-decoder", "bart": "encoder-decoder",
}


def save_tiny_model(arch: str, folder: Path, bare: bool = False) -> Path:
    import torch
    import transformers as tf

    torch.manual_seed(0)
    config, head_class, specials = _config(arch)
    tokenizer = tiny_tokenizer(with_cls_sep=specials is True, append_eos=specials == "eos")
    model_class = tf.AutoModel if bare else head_class
    model = model_class.from_config(config) if bare else head_class(config)
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def stacked_attention(trace, kind: str):
    """Every layer and head of a kind at once, `[layer, head, query, key]` (fine for tiny test traces)."""
    import numpy as np

    return np.stack([trace.attention_layer(kind, layer) for layer in range(trace.attention_shape(kind)[0])])
