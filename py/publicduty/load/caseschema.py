"""The case-file format as a JSON Schema, for an editor: key and fact names completed, misspellings flagged.

Generated from the declarations of :mod:`publicduty.load.caseformat`, which the reader
checks by, and from what the logic declares: the vocabulary of facts, each with its meaning,
and the views; so an editor offers the fact names a case file may state, explains each, and
offers the views an opinion may name. The schema ships
beside the case base (``cases/case-file.schema.json``, named on the first line of every case
file) and ``publicduty schema`` prints it for a folder of one's own cases. A test keeps the
shipped file equal to what this module generates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from publicduty.load.caseformat import (
    CASE,
    RECORDS,
    Choice,
    Either,
    Field,
    Flag,
    Ident,
    Items,
    Keyed,
    Keys,
    Record,
    Text,
    ViewId,
)
from publicduty.load.reader import ID_PATTERN

if TYPE_CHECKING:
    from publicduty.model.catalogue import Catalogue

#: The file's name beside the case files, as their first line names it.
FILE_NAME = "case-file.schema.json"

#: The first line of a case file: the comment by which the YAML language server finds the schema.
MODELINE = f"# yaml-language-server: $schema={FILE_NAME}"

#: A scalar as the reader takes it: YAML's numbers and booleans are read as their text.
_SCALAR = ["string", "number", "boolean"]


def case_schema(catalogue: Catalogue) -> dict[str, Any]:
    """The JSON Schema of a case file stating facts of the catalogue's vocabulary and naming its views."""
    names = _Names({name: catalogue.inputs[name].meaning for name in catalogue.stated_inputs},
                   tuple(sorted(catalogue.views)))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "publicduty case file",
        "description": CASE.doc,
        **_record(CASE, names),
        "$defs": {r.name: _record(r, names) for r in RECORDS if r is not CASE},
    }


@dataclass(frozen=True)
class _Names:
    """What the logic declares that a case file names: the facts (with their meanings) and the views."""

    facts: Mapping[str, str]
    views: tuple[str, ...]


def _record(record: Record, names: _Names) -> dict[str, Any]:
    return {
        "type": "object",
        "description": record.doc,
        "required": list(record.required),
        "properties": {key: _field(value, names) for key, value in record.fields.items()},
        "additionalProperties": False,
    }


def _ref(record: Record) -> dict[str, Any]:
    return {"$ref": "#/$defs/" + record.name} if record is not CASE else {"$ref": "#"}


def _value(value: Record | Choice | Ident, names: _Names) -> dict[str, Any]:
    return _ref(value) if isinstance(value, Record) else _field(value, names)


def _field(value: Field, names: _Names) -> dict[str, Any]:
    """One key's value: ``doc`` becomes the description an editor shows beside the key."""
    out: dict[str, Any] = {"description": value.doc}
    if isinstance(value, Text):
        out |= {"type": _SCALAR, "pattern": r"\S"}
    elif isinstance(value, Ident):
        out |= {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"}
    elif isinstance(value, ViewId):
        out |= {"enum": list(names.views)}
    elif isinstance(value, Flag):
        out |= {"enum": [True, False, "true", "false"], "default": value.default}
    elif isinstance(value, Choice):
        out |= {"enum": [*_booleans(value.options), *value.options]}
    elif isinstance(value, Items):
        out |= {"type": "array", "items": _ref(value.record), "minItems": value.at_least}
    elif isinstance(value, Keyed):
        out |= _keyed(value, names)
    elif isinstance(value, Either):
        out["oneOf"] = [_field(kind, names) for kind in value.kinds]
    return out


def _keyed(value: Keyed, names: _Names) -> dict[str, Any]:
    """A mapping by fact name lists every fact with its meaning; by id, any well-formed id."""
    entry = _value(value.value, names)
    if value.keys is Keys.FACT:
        return {"type": "object", "additionalProperties": False,
                "properties": {name: {**entry, "description": names.facts[name]} for name in sorted(names.facts)}}
    return {"type": "object", "propertyNames": {"pattern": f"^{ID_PATTERN.pattern}$"},
            "additionalProperties": entry}


def _booleans(options: tuple[str, ...]) -> list[bool]:
    """The words ``true`` and ``false`` among ``options``, as YAML reads them unquoted."""
    return [word == "true" for word in options if word in ("true", "false")]
