"""Random and adversarial text and session files never end in a traceback: property-based (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from viz.core.text_input import REPLACEMENT, character_budget, clean_text, prepare_text

FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Any code point, lone surrogates included (Python strings may hold them; UTF-8 cannot).
any_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=300)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_cleaned_text_encodes_and_keeps_its_length(text):
    cleaned, count = clean_text(text)
    cleaned.encode("utf-8")  # never raises
    assert len(cleaned) == len(text)  # one for one: offsets into the cleaned text index the original
    assert count == sum(1 for c in text if 0xD800 <= ord(c) <= 0xDFFF)
    assert all(a == b or (b == REPLACEMENT and 0xD800 <= ord(a) <= 0xDFFF) for a, b in zip(text, cleaned))


@settings(max_examples=100, deadline=None)
@given(any_text, st.integers(min_value=1, max_value=300))
def test_prepared_text_is_the_budget_and_counts_what_was_left_out(text, positions):
    prepared = prepare_text(text, budget=positions)
    assert prepared.text == clean_text(text[:positions])[0]
    assert prepared.left_out == max(0, len(text) - positions)
    assert character_budget(positions) >= positions


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(any_text)
def test_any_text_traces_or_says_it_is_empty(tiny_loaded, text):
    from viz.core.errors import InputTextError
    from viz.core.trace import run_trace

    for arch in ("gpt2", "bert"):
        loaded = tiny_loaded(arch)
        try:
            trace = run_trace(loaded, text)
        except InputTextError:
            assert not clean_text(text)[0].strip()
            continue
        assert len(trace.tokens) <= loaded.max_positions()
        assert all(0 <= t.start <= t.end <= len(trace.text) for t in trace.tokens)


json_leaf = st.none() | st.booleans() | st.integers() | st.floats() | any_text
json_value = st.recursive(
    json_leaf, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(any_text, kids, max_size=4), max_leaves=16
)
view_keys = st.sampled_from(["tokens", "embeddings", "attention", "sampling", "quantization"])
setting_keys = st.sampled_from(["top_k", "top_p", "temperature", "seed", "candidates", "mode", "greedy", "layer",
                                "token", "selected", "tab", "number", "schemes", "kind", "head", "step",
                                "aggregate", "selected_token", "compare_off", "method", "side", "three_d"])
adversarial_numbers = st.sampled_from(["1e400", "-1e400", "NaN", "Infinity", "9" * 400, "-" + "9" * 400, "0.5"])


@st.composite
def session_texts(draw):
    """Session files as a careless editor or a broken disk leaves them: valid-looking or not."""
    kind = draw(st.sampled_from(["random json", "session", "session with raw numbers", "bytes"]))
    if kind == "random json":
        return json.dumps(draw(json_value))
    views = draw(st.dictionaries(view_keys, st.dictionaries(setting_keys, json_value, max_size=5), max_size=5))
    data = {"version": draw(st.sampled_from([1, 0, 2, "1", None])), "model": draw(st.sampled_from(["demo-gpt2", ""])),
            "device": "cpu", "text": draw(any_text), "view": draw(view_keys | any_text), "views": views}
    text = json.dumps(data)
    if kind == "session with raw numbers":  # literals json.dumps never writes, spliced in
        text = text.replace('"views": {', '"views": {"sampling": {"top_k": %s, "seed": %s}, "x": {' %
                            (draw(adversarial_numbers), draw(adversarial_numbers)), 1).replace("}}", "}}}", 1)
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    return text


@FEW
@given(session_texts())
def test_any_session_file_is_a_session_or_one_sentence(tmp_path, content):
    from viz.ui.session import Session, SessionError, read_session

    path = tmp_path / "random.tviz.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        session = read_session(path)
    except SessionError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(session, Session)
    session.text.encode("utf-8")  # cleaned


@FEW
@given(st.dictionaries(view_keys, st.dictionaries(setting_keys, json_value | adversarial_numbers.map(json.loads),
                                                   max_size=6), max_size=5))
def test_any_view_settings_apply_without_an_exception(window, view_settings):
    from viz.ui.session import Session, apply_view_settings

    # One window for all examples (building one costs more than the check): settings applied in turn.
    apply_view_settings(window, Session("demo-gpt2", views=view_settings))
