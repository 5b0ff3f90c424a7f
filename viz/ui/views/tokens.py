"""Tokens view (placeholder until it is built)."""

from __future__ import annotations

from viz.ui.views.base import PlaceholderView


class TokensView(PlaceholderView):
    key = "tokens"

    def title(self) -> str:
        return self.tr("Tokens")

    def promise(self) -> str:
        return self.tr(
            "How the text becomes tokens and ids: one chip per token, with its character span, id and bytes, and the same text through other tokenizers side by side."
        )
