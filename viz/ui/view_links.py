"""Links between tabs: a view that asks for another view's work (open this head, explain this token, compare
this model) gets it here, so that views never import each other."""

from __future__ import annotations

# (request signal, the view that answers, how, show the answering view first, show it at all)
ROUTES = (
    # the Lens and Compare: the Attention tab opens that head; it draws a head once it is on screen
    ("head_requested", "attention", lambda attention, kind, layer, head: attention.show_head(kind, layer, head),
     True, True),
    # the Sampling tab (a candidate) and the attention overview (a head): the Why tab explains or knocks out
    ("why_requested", "why", lambda why, target: why.explain_target(target), False, True),
    ("knockout_requested", "why", lambda why, kind, layer, head: why.knock_out_head(kind, layer, head), False, True),
    # Fine-tune: the Compare tab runs the app's model against that one
    ("compare_requested", "compare", lambda compare, other: compare.compare_with_model(other), False, True),
    # Compare: the attention overview names each head's difference on hover; the Compare tab stays in front
    ("heads_compared", "attention", lambda attention, compared: attention.show_head_differences(compared),
     False, False),
)


def link_view(window, view) -> None:
    """Connect `view`'s request signals to the views that answer them (built when first asked, through
    `window.view(key)`), and show the answering view."""
    for signal_name, answer_key, answer, show_first, show in ROUTES:
        signal = getattr(view, signal_name, None)
        if signal is None or not window.has_view(answer_key):
            continue

        def handle(*args, answer_key=answer_key, answer=answer, show_first=show_first, show=show) -> None:
            if show and show_first:
                window.show_view(answer_key)
            answer(window.view(answer_key), *args)
            if show and not show_first:
                window.show_view(answer_key)

        signal.connect(handle)
