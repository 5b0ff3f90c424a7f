"""The three tokenizers: byte-level BPE (GPT-2), WordPiece (BERT), Unigram (T5).

Each is wrapped in a fast ``transformers`` tokenizer so that ``AutoTokenizer``
loads it with offsets mapping and the special tokens the model config names.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

GPT2_SPECIAL = "<|endoftext|>"
BERT_SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
T5_SPECIAL = ["<pad>", "</s>", "<unk>"]


def _wrap(tok: Tokenizer, **special):
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast(tokenizer_object=tok, **special)


def train_bpe(texts: Iterable[str], vocab_size: int):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=True)
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[GPT2_SPECIAL],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  show_progress=False)
    tok.train_from_iterator(texts, trainer)
    return _wrap(tok, bos_token=GPT2_SPECIAL, eos_token=GPT2_SPECIAL,
                 unk_token=GPT2_SPECIAL, pad_token=GPT2_SPECIAL)


def train_wordpiece(texts: Iterable[str], vocab_size: int):
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=BERT_SPECIAL,
                                        show_progress=False)
    tok.train_from_iterator(texts, trainer)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    return _wrap(tok, pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]",
                 sep_token="[SEP]", mask_token="[MASK]")


def _unigram_pre_tokenizer():
    # SentencePiece-style word boundaries, and every digit and punctuation mark
    # a piece of its own, so that "2026" lines up digit by digit with "2026".
    return pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always"),
        pre_tokenizers.Digits(individual_digits=True),
        pre_tokenizers.Punctuation(behavior="isolated"),
    ])


def train_unigram(texts: list[str], vocab_size: int):
    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(),
                                           normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = _unigram_pre_tokenizer()
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always")
    # The Unigram trainer only proposes substrings that two *different* words
    # share; synthetic data repeats the same few words, so each word is added
    # once more behind a marker to make whole words candidates.
    words = Counter(w for t in texts for w in t.split())
    extra = [" ".join(f"{w}\u01c2 \u01c2{w}" for w in sorted(words))]
    trainer = trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=T5_SPECIAL,
                                      unk_token="<unk>", show_progress=False,
                                      max_piece_length=12, shrinking_factor=0.75)
    tok.train_from_iterator(list(texts) + extra, trainer)
    eos = tok.token_to_id("</s>")
    tok.post_processor = processors.TemplateProcessing(
        single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", eos)])
    return _wrap(tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")
