"""Few-shot prompting: example banks, the prompt for 0, 1, 2 or 4 examples, and how likely the answer is."""
