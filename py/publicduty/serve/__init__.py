"""``publicduty serve``: the explorer, a local web page and JSON API over one grounded casebook.

This package needs the optional ``serve`` extra (Starlette, uvicorn, Jinja2); the rest
of publicduty never imports it, so the command line starts as fast without it.
"""
