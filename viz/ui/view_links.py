"""Links between tabs: a view that asks for another view's work (open this head, explain this token, compare
this model) gets it here, so that views never import each other."""

from __future__ import annotations


def link_views(window) -> None:
    """Connect every view's request signals to the view that answers them, and show that view.

    - `head_requested(kind, layer, head)` (the Lens): the Attention tab opens that head;
    - `why_requested(WhyTarget)` and `knockout_requested(kind, layer, head)`: the Why tab explains or knocks out;
    - `compare_requested(LoadedModel)` (Fine-tune): the Compare tab runs the app's model against that one;
    - `heads_compared(…)` (Compare): the Attention overview names each head's difference on hover.
    """
    views = {view.key: view for view in window.views}

    def route(signal_name: str, answer_key: str, answer, show_first: bool = False, show: bool = True) -> None:
        if answer_key not in views:
            return

        def handle(*args) -> None:
            if show and show_first:
                window.show_view(answer_key)
            answer(views[answer_key], *args)
            if show and not show_first:
                window.show_view(answer_key)

        for view in window.views:
            signal = getattr(view, signal_name, None)
            if signal is not None:
                signal.connect(handle)

    route("head_requested", "attention", lambda attention, kind, layer, head: attention.show_head(kind, layer, head),
          show_first=True)  # the attention view draws a head once it is on screen
    route("why_requested", "why", lambda why, target: why.explain_target(target))
    route("knockout_requested", "why", lambda why, kind, layer, head: why.knock_out_head(kind, layer, head))
    route("compare_requested", "compare", lambda compare, other: compare.compare_with_model(other))
    route("heads_compared", "attention", lambda attention, compared: attention.show_head_differences(compared),
          show=False)  # the overview's hover names each head's difference; the Compare tab stays in front
