"""Panels of the quantization view: number formats, weights, and outputs."""
