"""Tokens for display: bytes behind pieces, readable labels, and segments that cover the text."""

from __future__ import annotations

import string

import pytest

from viz.core.resources import models_dir
from viz.core.tokenization import display_segments, display_tokens, token_counts, token_extents
from viz.core.tokenization_bytes import byte_to_unicode, byte_level_bytes, metaspace_bytes, split_characters
from viz.core.tokenization_compare import TokenizerSource, compare_sources, compare_tokenizers
from viz.core.tokenization_scheme import TokenizerScheme, describe_tokenizer, guess_scheme
from viz.core.trace import tokenize

TEXTS = [
    "őrülten ünnepélyes",
    "Őrülten ünnepélyes 🙂 café, naïve!",
    "Hi  🙂🙂\tthere\nnew line 👩‍💻 2026.",
    "The quick brown fox jumps over the lazy dog.",
]
CORPUS = [
    "The quick brown fox jumps over the lazy dog.",
    "őrülten ünnepélyes 🙂 café naïve",
    "Tokenizers cut text into pieces, 2026.",
] * 10


# Tokenizers of each kind, built like the bundled ones but tiny.
def wordpiece_tokenizer():
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.train_from_iterator(CORPUS, trainers.WordPieceTrainer(vocab_size=120, special_tokens=specials, show_progress=False))
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))]
    )
    return PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", cls_token="[CLS]", sep_token="[SEP]", pad_token="[PAD]", mask_token="[MASK]")


def unigram_tokenizer():
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always"),
        pre_tokenizers.Digits(individual_digits=True),
        pre_tokenizers.Punctuation(behavior="isolated"),
    ])
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always")
    trainer = trainers.UnigramTrainer(vocab_size=90, special_tokens=["<pad>", "</s>", "<unk>"], unk_token="<unk>", show_progress=False)
    tok.train_from_iterator(CORPUS, trainer)
    tok.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", tok.token_to_id("</s>"))])
    return PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")


def trimmed_byte_level_tokenizer():
    """Byte-level BPE whose offsets leave out the space a "Ġ" stands for (as the bundled GPT-2's)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=True)
    trainer = trainers.BpeTrainer(vocab_size=330, special_tokens=["<|endoftext|>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(CORPUS, trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|endoftext|>", unk_token="<|endoftext|>")


def byte_fallback_tokenizer():
    """SentencePiece-style BPE (Llama): "▁" for spaces, "<0xNN>" for bytes without a piece."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {"<unk>": 0, "<s>": 1, "</s>": 2}
    for b in range(256):
        vocab[f"<0x{b:02X}>"] = len(vocab)
    for ch in ["\u2581"] + list(string.ascii_letters + string.digits + ".,!é"):
        vocab.setdefault(ch, len(vocab))
    merges = [("\u2581", "t"), ("h", "e"), ("\u2581t", "he")]
    for a, b in merges:
        vocab[a + b] = len(vocab)
    tok = Tokenizer(models.BPE(vocab=vocab, merges=merges, byte_fallback=True, unk_token="<unk>", fuse_unk=True))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="first")
    tok.decoder = decoders.Sequence([decoders.Replace("\u2581", " "), decoders.ByteFallback(), decoders.Fuse(), decoders.Strip(" ", 1, 0)])
    return PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", bos_token="<s>", eos_token="</s>")


BUILDERS = {
    "wordpiece": wordpiece_tokenizer,
    "unigram": unigram_tokenizer,
    "byte-level-trimmed": trimmed_byte_level_tokenizer,
    "byte-fallback": byte_fallback_tokenizer,
}
BUNDLED = ["demo-gpt2", "demo-bert", "demo-t5"]


@pytest.fixture(scope="module")
def made_tokenizers():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = BUILDERS[name]()
        return cache[name]

    return get


@pytest.fixture
def any_tokenizer(request, made_tokenizers, tiny_model_dir):
    """A tokenizer by name: built ones, the tiny test models' byte-level BPE, or a bundled model's."""
    from transformers import AutoTokenizer

    name = request.param
    if name in BUILDERS:
        return made_tokenizers(name)
    if name == "tiny":
        return AutoTokenizer.from_pretrained(str(tiny_model_dir("gpt2")))
    folder = models_dir() / name
    if not (folder / "tokenizer_config.json").is_file():
        pytest.skip(f"bundled model {name} is not there yet")
    return AutoTokenizer.from_pretrained(str(folder))


def shown(tokenizer, text):
    tokens, _, _ = tokenize(tokenizer, text)
    scheme = describe_tokenizer(tokenizer)
    return tokens, display_tokens(text, tokens, scheme), scheme


def assert_covers(text, tokens, segments):
    """Segments in order, never overlapping; each non-whitespace character in exactly one; tokens inside theirs."""
    owner = [None] * len(text)
    seen = []
    previous_end = 0
    for k, segment in enumerate(segments):
        assert segment.start >= previous_end, (segment, previous_end)
        assert segment.end >= segment.start
        for c in range(segment.start, segment.end):
            assert owner[c] is None, f"character {c} in two segments"
            owner[c] = k
        for i in segment.tokens:
            t = tokens[i]
            if t.end > t.start:
                assert segment.start <= t.start and t.end <= segment.end
        seen.extend(segment.tokens)
        previous_end = max(previous_end, segment.end)
    assert seen == list(range(len(tokens))), "every token in exactly one segment, in order"
    for c, ch in enumerate(text):
        if owner[c] is None:
            assert ch.isspace(), f"{ch!r} at {c} not covered"


@pytest.mark.parametrize("any_tokenizer", ["tiny", *BUILDERS, *BUNDLED], indirect=True)
@pytest.mark.parametrize("text", TEXTS)
def test_segments_cover_the_text(any_tokenizer, text):
    _, tokens, _ = shown(any_tokenizer, text)
    assert_covers(text, tokens, display_segments(tokens))


@pytest.mark.parametrize("any_tokenizer", ["tiny", *BUILDERS, *BUNDLED], indirect=True)
def test_labels_show_markers_in_a_human_way(any_tokenizer):
    text = "Őrülten ünnepélyes 🙂 café unbelievably"
    _, tokens, scheme = shown(any_tokenizer, text)
    for t in tokens:
        if t.special or t.unknown:
            assert t.label == t.piece
            continue
        assert "Ġ" not in t.label and "\u2581" not in t.label and not t.label.startswith("##")
        if t.piece.startswith(("Ġ", "\u2581")):
            assert t.label.startswith("␣")
        if scheme.continuing_prefix and t.piece.startswith("##"):
            assert t.label == "\u2010" + t.piece[2:]
    if scheme.byte_level or scheme.byte_fallback:
        # byte pieces put back together are the text's own UTF-8 (an independent check of the byte maps)
        data = b"".join(t.data for t in tokens if t.data is not None)
        assert data.replace(b" ", b"") == text.encode("utf-8").replace(b" ", b"")


def test_emoji_pieces_show_the_bytes_they_hold(tiny_model_dir):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tiny_model_dir("gpt2")))
    text = "a 🙂"
    _, tokens, scheme = shown(tokenizer, text)
    assert scheme.byte_level and scheme.description == "byte-level BPE"
    emoji = [t for t in tokens if t.start == 2]
    assert len(emoji) >= 2, "the tiny vocabulary has no piece for the emoji, so bytes are split"
    assert b"".join(t.data for t in emoji) == "🙂".encode("utf-8")
    held = [b for t in emoji for c in t.chars for b in range(c.first, c.stop)]
    assert held == [0, 1, 2, 3]
    assert all(t.splits_character and t.label.endswith("🙂") for t in emoji)
    assert emoji[0].byte_pattern().startswith("F0 ··")
    segments = display_segments(tokens)
    group = [s for s in segments if s.start == 2]
    assert len(group) == 1 and group[0].tokens == tuple(t.index for t in emoji)
    extents = token_extents(tokens, segments)
    shares = [extents[t.index] for t in emoji]
    assert shares[0][0] == 2.0 and shares[-1][1] == pytest.approx(3.0)
    assert all(a[1] == pytest.approx(b[0]) for a, b in zip(shares, shares[1:]))


def test_byte_maps_against_the_tokenizers_library():
    from tokenizers import pre_tokenizers

    table = byte_to_unicode()
    assert len(table) == 256 and set(table.values()) == set(pre_tokenizers.ByteLevel.alphabet())
    assert table[ord(" ")] == "Ġ" and table[ord("\n")] == "Ċ"
    assert byte_level_bytes("ĠðŁĻĤ") == " 🙂".encode("utf-8")
    assert byte_level_bytes("[CLS]") is not None and byte_level_bytes("日") is None
    assert metaspace_bytes("<0xE2>") == b"\xe2"
    assert metaspace_bytes("\u2581café") == " café".encode("utf-8")


def test_split_characters_hands_each_piece_its_bytes():
    parts = split_characters([b"a\xf0\x9f", b"\x99", b"\x82b"])
    assert [(p.char, p.first, p.stop) for p in parts[0]] == [("a", 0, 1), ("🙂", 0, 2)]
    assert [(p.char, p.first, p.stop) for p in parts[1]] == [("🙂", 2, 3)]
    assert [(p.char, p.first, p.stop) for p in parts[2]] == [("🙂", 3, 4), ("b", 0, 1)]
    assert parts[1][0].pattern() == "·· ·· 99 ··"
    lone = split_characters([b"\x9f"])[0][0]  # a continuation byte with no lead: shown as a byte
    assert lone.char == "" and lone.encoded == b"\x9f"


def test_wordpiece_specials_and_normalization(made_tokenizers):
    text = "Őrülten ünnepélyes"
    _, tokens, scheme = shown(made_tokenizers("wordpiece"), text)
    assert scheme.continuing_prefix == "##" and scheme.description == "WordPiece"
    assert tokens[0].piece == "[CLS]" and tokens[0].special and tokens[-1].piece == "[SEP]"
    segments = display_segments(tokens)
    assert (segments[0].start, segments[0].end) == (0, 0)
    assert (segments[-1].start, segments[-1].end) == (len(text), len(text))  # [SEP] sits after the text
    first = tokens[1]
    assert first.source.startswith("Ő") and first.label.startswith("o")  # lower-cased, accents stripped


def test_byte_fallback_pieces(made_tokenizers):
    _, tokens, scheme = shown(made_tokenizers("byte-fallback"), "the ő 🙂")
    assert scheme.byte_fallback and scheme.metaspace == "\u2581"
    pieces = [t for t in tokens if t.piece.startswith("<0x")]
    assert [t.piece for t in pieces] == ["<0xC5>", "<0x91>", "<0xF0>", "<0x9F>", "<0x99>", "<0x82>"]
    assert all(t.splits_character for t in pieces)
    assert [t.label for t in pieces[:2]] == ["ő", "ő"]


def test_trimmed_whitespace_pieces_get_empty_segments(made_tokenizers):
    text = "a  b"
    _, tokens, _ = shown(made_tokenizers("byte-level-trimmed"), text)
    empty = [t for t in tokens if t.end <= t.start]
    assert empty and all(t.label == "␣" for t in empty)
    assert_covers(text, tokens, display_segments(tokens))


def test_counts_by_hand(made_tokenizers):
    text = "ő 🙂"
    tokens, _, _ = shown(made_tokenizers("wordpiece"), text)
    counts = token_counts(text, tokens)
    assert (counts.characters, counts.utf8_bytes) == (3, 2 + 1 + 4)
    assert counts.special == 2 and counts.tokens == len(tokens)
    assert counts.characters_per_token == pytest.approx(3 / (len(tokens) - 2))


def test_compare_marks_where_tokenizers_agree(made_tokenizers):
    text = "Tokenizers cut őrülten text"
    wordpiece = made_tokenizers("wordpiece")
    same = compare_tokenizers(text, [("a", wordpiece), ("b", wordpiece)])
    for row in same.rows:
        with_chars = {k for k, s in enumerate(row.segments) if s.end > s.start}
        assert row.agreed == with_chars
    mixed = compare_tokenizers(text, [("wordpiece", wordpiece), ("bytes", made_tokenizers("byte-fallback"))])
    wp, fb = mixed.rows
    assert wp.counts.tokens != fb.counts.tokens
    # the byte-fallback tokenizer splits "őrülten" into letters and bytes; WordPiece does not
    word = text.index("őrülten")
    wp_word = next(k for k, s in enumerate(wp.segments) if s.start <= word < s.end)
    assert wp_word not in wp.agreed
    for row in mixed.rows:
        assert_covers(text, row.tokens, row.segments)


def test_compare_sources_loads_from_folders(made_tokenizers, tmp_path):
    made_tokenizers("unigram").save_pretrained(tmp_path / "uni")
    result = compare_sources("some text", (TokenizerSource("uni", str(tmp_path / "uni")), TokenizerSource("gone", str(tmp_path / "gone"))))
    uni, gone = result.rows
    assert not uni.error and uni.scheme.model == "Unigram" and uni.scheme.metaspace == "\u2581"
    assert gone.error and not gone.tokens


def test_guess_scheme_from_pieces():
    assert guess_scheme(["Ġthe", "a"]).byte_level
    assert guess_scheme(["\u2581the", "<0x0A>"]).byte_fallback
    assert guess_scheme(["the", "##ing"]).continuing_prefix == "##"
    assert guess_scheme(["the"]) == TokenizerScheme()


def test_counts_after_a_cut_are_of_the_kept_text_only():
    from viz.core.trace_types import Token

    text = "one two three four"
    kept = [Token("one", 1, 0, 3, False), Token("Ġtwo", 2, 3, 7, False), Token("</s>", 0, 7, 7, True)]
    counts = token_counts(text, kept, truncated=True)
    assert counts.characters == len("one two") and counts.utf8_bytes == 7
    assert counts.characters_per_token == pytest.approx(7 / 2)  # not 18 characters over 2 tokens
    assert token_counts(text, kept).characters == len(text)  # no cut: the whole text
