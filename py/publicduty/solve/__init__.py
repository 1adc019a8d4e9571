"""Solving: one clingo program over all views, grounded once; the casebook, the queries, the limits."""
