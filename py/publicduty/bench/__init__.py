"""The benchmark: ``python -m publicduty.bench`` prints every figure beside what a user would write instead.

Each figure is paired, in one run, with an honest baseline, and the two are checked to give
the same answers before they are timed:

(a) the engine (``Casebook().answer()``) against the floor script (the clingo API, the same
    logic, the cases as plain facts: :mod:`publicduty.bench.floor`) and a per-case script;
(b) ``disagree`` for every pair of views against a lean solve per fact pattern and a NumPy
    brute force over all patterns with subset-minimality (:mod:`publicduty.bench.patterns`);
(c) ``compare --all --json`` end to end, as a process, against the floor script as a process;
(d) ``flip`` warm, every claimant and view;
(e) 35,000 claims (the case base replicated), engine and floor, with peak memory;
(f) ``report`` against ``compare --all``, and at 100 times the case base.

Medians and ratios are printed with their targets. They are benchmark targets, read from
this output, never checked by a timed test. NumPy is needed only for (b)'s second baseline.
"""
