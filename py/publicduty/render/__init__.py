"""Rendering: one module per output format (text, JSON, DOT, SVG, HTML, Markdown) and the words they share."""
