"""Questions asked of an answer: why, where views part, what if, the smallest flips, fidelity, the votes."""
