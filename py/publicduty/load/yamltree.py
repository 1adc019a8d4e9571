"""Read a YAML file into plain values that remember their line numbers.

Case files are written by hand, so every value the schema checks must be able to say
where it stands. PyYAML's composer gives nodes with marks; this module walks them
itself instead of using the constructor, which lets it refuse what a case file never
needs and what could hurt: anchors and aliases (exponential expansion), tags,
duplicate keys (YAML silently keeps the last), non-UTF-8 bytes and huge files
(:mod:`publicduty.load.safefile` reads the bytes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import yaml

from publicduty.errors import InputError
from publicduty.load import safefile
from publicduty.load.safefile import MAX_BYTES

#: A case file needs a few levels; deeper nesting is refused the same way by either parser.
MAX_DEPTH = 64

#: libyaml's loader, where PyYAML was built with it.
_FAST: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)

#: What PyYAML's reader refuses; such a text goes to PyYAML for its message.
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE

Value = Union["Mapping", "Sequence", "Scalar"]


@dataclass(frozen=True)
class Scalar:
    """A scalar as written: its text, whether it was quoted, and its line."""

    text: str
    quoted: bool
    line: int


@dataclass(frozen=True)
class Sequence:
    """A YAML list with the line it starts on."""

    items: list[Value]
    line: int


@dataclass(frozen=True)
class Mapping:
    """A YAML mapping that keeps insertion order and each key's line."""

    entries: dict[str, Value]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


def read(path: Path) -> Mapping:
    """Parse ``path`` into a :class:`Mapping`, or raise :class:`InputError`."""
    text = safefile.read_text(path, "a case file", f"case files are limited to {MAX_BYTES // 1_048_576} MiB; "
                              "split it into one file per case")
    if not text.strip():
        raise InputError.at(path, None, "the file is empty", "start from a file in cases/")
    root = _compose(path, text)
    if root is None:
        raise InputError.at(path, None, "the file holds only comments", "start from a file in cases/")
    value = _convert(path, root, set(), 0)
    if not isinstance(value, Mapping):
        raise InputError.at(path, value.line, "the top level must be a mapping of keys to values",
                            "start from a file in cases/")
    return value


def _compose(path: Path, text: str) -> yaml.Node | None:
    """The document's nodes: by libyaml where it is installed and the text is clean, else by PyYAML's own parser.

    libyaml is many times faster; on anything it refuses (and on characters PyYAML's
    reader refuses, which libyaml may let through) the pure-Python parser runs instead,
    so that every error reads the same whichever parser is installed.
    """
    if _FAST is not None and not _NON_PRINTABLE.search(text):
        try:
            return yaml.compose(text, Loader=_FAST)
        except yaml.YAMLError:
            pass  # parsed again below, for PyYAML's message
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        raise InputError.at(
            path, mark.line + 1 if mark else None, f"not valid YAML: {err.problem}", "check the indentation and quoting"
        ) from err
    except yaml.reader.ReaderError as err:  # a character YAML does not allow, such as a control character
        line = text[: err.position].count("\n") + 1
        raise InputError.at(path, line, f"character U+{err.character:04X} is not allowed in YAML",
                            "remove it, or write it as an escape inside double quotes") from err
    except yaml.YAMLError as err:
        raise InputError.at(path, None, f"not valid YAML: {' '.join(str(err).split())}",
                            "check the indentation and quoting") from err
    except RecursionError as err:  # PyYAML parses nested brackets recursively
        raise _too_deep(path) from err


def _too_deep(path: Path) -> InputError:
    return InputError.at(path, None, "lists and mappings are nested too deeply to read",
                         "a case file needs a few levels; check the brackets")


def _convert(path: Path, node: yaml.Node, seen: set[int], depth: int) -> Value:
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise _too_deep(path)
    if id(node) in seen:
        raise InputError.at(path, line, "anchors and aliases are not supported", "write the value out")
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag.startswith("!") and not node.tag.startswith("tag:yaml.org"):
            raise InputError.at(path, line, f"YAML tag {node.tag} is not supported", "remove the tag")
        return Scalar(node.value, node.style in ("'", '"'), line)
    if isinstance(node, yaml.SequenceNode):
        return Sequence([_convert(path, item, seen, depth + 1) for item in node.value], line)
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, Value] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError.at(path, key_line, "a key must be plain text", "write a word before the colon")
            key = key_node.value
            if key in entries:
                raise InputError.at(
                    path, key_line, f"key '{key}' appears twice (first at line {key_lines[key]})",
                    "keep one of them",
                )
            entries[key] = _convert(path, value_node, seen, depth + 1)
            key_lines[key] = key_line
        return Mapping(entries, line, key_lines)
    raise InputError.at(path, line, "unsupported YAML node", "write plain keys, values and lists")
