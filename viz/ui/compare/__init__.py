"""The Compare tab: two runs position by position (KL of the next-token distributions, top-1 flips)."""
