"""The Few-shot tab: an editable example bank, the assembled prompt, and the answer's probability per k."""
