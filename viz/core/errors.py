"""Errors a person can act on: each carries one clear line of text."""


class VizError(Exception):
    """A failure with a message meant for the user, not a traceback."""


class ModelSourceError(VizError):
    """The model id or folder cannot be found or read."""


class UnsupportedModelError(VizError):
    """The checkpoint is not a text transformer this app can show."""


class WeightsError(VizError):
    """Weights are missing, corrupt, or in a format refused for safety."""


class InputTextError(VizError):
    """The text to trace is unusable (empty, say)."""


class TraceError(VizError):
    """The forward pass did not return what the views need."""
