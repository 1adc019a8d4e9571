"""What a request may carry, checked field by field, with the same one-line problems as the command line.

A request names a case, a claimant, views and facts as a user would type them; any
name or value that is wrong becomes an :class:`publicduty.errors.InputError` whose
fix names the closest valid choice, which the API returns as JSON with status 400.
Nothing here reads the logic: it only checks the shape of what was sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from publicduty.errors import InputError, did_you_mean
from publicduty.model.case import Truth

#: Where a request's problems say they are.
WHERE = "<request>"

#: A what-if body names at most every fact of a vocabulary; nothing sensible is larger.
MAX_BODY = 64 * 1024

#: A fact's value in a request, as a case file writes it.
VALUES: dict[object, Truth] = {True: Truth.TRUE, False: Truth.FALSE, "unknown": Truth.UNKNOWN}


def problem(what: str, fix: str = "") -> InputError:
    """One problem with the request."""
    return InputError.at(WHERE, None, what, fix)


def fields(given: Mapping[str, Any], allowed: Iterable[str], required: Iterable[str]) -> dict[str, Any]:
    """``given`` with every key known and every required key present; a misspelt key gets the closest one."""
    known = set(allowed)
    for key in given:
        if key not in known:
            raise problem(f"unknown field '{key}'", did_you_mean(key, known))
    for key in required:
        if key not in given:
            raise problem(f"missing field '{key}'", f"give '{key}'")
    return dict(given)


def body(raw: bytes, allowed: Iterable[str], required: Iterable[str]) -> dict[str, Any]:
    """A JSON object body, checked as :func:`fields` does."""
    if len(raw) > MAX_BODY:
        raise problem(f"the body is larger than {MAX_BODY} bytes", f"send at most {MAX_BODY} bytes")
    try:
        parsed = json.loads(raw or b"null")
    except (ValueError, UnicodeDecodeError) as err:
        raise problem(f"the body is not JSON ({err})", 'send a JSON object such as {"case": "warren", ...}') from None
    if not isinstance(parsed, dict):
        raise problem("the body is not a JSON object", 'send a JSON object such as {"case": "warren", ...}')
    return fields(parsed, allowed, required)


def text(given: Mapping[str, Any], key: str) -> str:
    """The string field ``key``."""
    value = given[key]
    if not isinstance(value, str):
        raise problem(f"field '{key}' is {json.dumps(value)}", f"give '{key}' as a string")
    return value


def names(given: Mapping[str, Any], key: str) -> list[str] | None:
    """The optional field ``key``: a list of names, or one comma-separated string of them; None if absent."""
    value = given.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [item.strip() for item in value.split(",") if item.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise problem(f"field '{key}' is {json.dumps(value)}", f"give '{key}' as a list of names")
    return value


def facts(given: Mapping[str, Any], key: str = "facts") -> dict[str, Truth]:
    """The optional field ``key``: fact names with true, false or "unknown" (the names are checked later)."""
    value = given.get(key, {})
    if not isinstance(value, dict):
        raise problem(f"field '{key}' is {json.dumps(value)}",
                      f"give '{key}' as an object such as {{\"direct_contact\": false}}")
    out = {}
    for name, truth in value.items():
        if isinstance(truth, bool | str) and truth in VALUES:
            out[name] = VALUES[truth]
        else:
            raise problem(f"fact '{name}' is {json.dumps(truth)}", 'give true, false or "unknown"')
    return out


def count(given: Mapping[str, Any], key: str) -> int | None:
    """The optional field ``key``: a whole number of at least 1, given as a number or as text; None if absent."""
    value = given.get(key)
    if value is None:
        return None
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise problem(f"field '{key}' is {json.dumps(value)}", "give a whole number of at least 1")
    return value
