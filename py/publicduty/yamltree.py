"""Read a YAML file into plain values that remember their line numbers.

Case files are written by hand, so every value the schema checks must be able to say
where it stands. PyYAML's composer gives nodes with marks; this module walks them
itself instead of using the constructor, which lets it refuse what a case file never
needs and what could hurt: anchors and aliases (exponential expansion), tags,
duplicate keys (YAML silently keeps the last), non-UTF-8 bytes and huge files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import yaml

from publicduty.errors import InputError

#: Case files are short documents; anything larger is refused before parsing so a
#: mistaken or hostile input is answered in bounded time.
MAX_BYTES = 1_048_576

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
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError.at(path, None, f"cannot read the file ({err.strerror})",
                            "check the path and the file's permissions") from err
    if size > MAX_BYTES:
        raise InputError.at(
            path, None, f"the file is {size / 1_048_576:.1f} MiB",
            f"case files are limited to {MAX_BYTES // 1_048_576} MiB; split it into one file per case",
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError.at(
            path, line, f"byte {data[err.start]:#04x} is not UTF-8", "save the file as UTF-8"
        ) from err
    if not text.strip():
        raise InputError.at(path, None, "the file is empty", "start from a file in cases/")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
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
    if root is None:
        raise InputError.at(path, None, "the file holds only comments", "start from a file in cases/")
    try:
        value = _convert(path, root, set())
    except RecursionError as err:
        raise _too_deep(path) from err
    if not isinstance(value, Mapping):
        raise InputError.at(path, value.line, "the top level must be a mapping of keys to values",
                            "start from a file in cases/")
    return value


def _too_deep(path: Path) -> InputError:
    return InputError.at(path, None, "lists and mappings are nested too deeply to read",
                         "a case file needs a few levels; check the brackets")


def _convert(path: Path, node: yaml.Node, seen: set[int]) -> Value:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise InputError.at(path, line, "anchors and aliases are not supported", "write the value out")
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag.startswith("!") and not node.tag.startswith("tag:yaml.org"):
            raise InputError.at(path, line, f"YAML tag {node.tag} is not supported", "remove the tag")
        return Scalar(node.value, node.style in ("'", '"'), line)
    if isinstance(node, yaml.SequenceNode):
        return Sequence([_convert(path, item, seen) for item in node.value], line)
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
            entries[key] = _convert(path, value_node, seen)
            key_lines[key] = key_line
        return Mapping(entries, line, key_lines)
    raise InputError.at(path, line, "unsupported YAML node", "write plain keys, values and lists")
