"""Text for a terminal: an outline of a holding's reasons, tables of holdings, listings.

One module per kind of answer: ``outline`` (the indented outline both an explanation and a
comparison of two views are written in), ``explanation``, ``difference``, ``holdings``
(solve, compare, what-if, flip, disagree), ``listings`` (views, cases, vocabulary) and
``court`` (votes, fidelity). The words are in :mod:`publicduty.render.words`.
"""
