"""Fine-tuning errors a person can fix (a bad file, a template without a slot)."""

from viz.core.errors import VizError


class FinetuneError(VizError):
    """The task file, template or method settings cannot be used; the message says why."""
