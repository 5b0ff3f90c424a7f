"""Widgets of the tokens view: chip flow, source text, token details, tokenizer comparison."""
