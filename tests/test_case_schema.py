"""The case-file format's JSON Schema: shipped as generated, named atop every case file, in step with the reader.

The reader and the schema are both built from :mod:`publicduty.load.caseformat`; these
tests hold the generated parts to it. Every key of every record is mutated in a real case
file (dropped, misspelt, given a value of the wrong kind) and the reader and the schema
must both refuse it; the case files as written, both accept.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from publicduty.cli.main import main
from publicduty.load import caseformat as fmt
from publicduty.load import caseset
from publicduty.load.caseschema import FILE_NAME, MODELINE, case_schema
from publicduty.load.inputs import builtin_cases_dir
from publicduty.model.catalogue import Catalogue
from publicduty.solve.casebook import Casebook

CASES = builtin_cases_dir()
HYPOTHETICALS = Path(__file__).parent / "hypotheticals"
CASE_FILES = sorted(CASES.glob("*.yaml"))


class _Yaml12(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2's core types: a date is a string)."""


_Yaml12.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _data(path: Path) -> Any:
    return yaml.load(path.read_text(), Loader=_Yaml12)


@pytest.fixture(scope="module")
def catalogue_book() -> Casebook:
    return Casebook()


@pytest.fixture(scope="module")
def validator(catalogue_book: Casebook) -> jsonschema.Draft202012Validator:
    schema = json.loads((CASES / FILE_NAME).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_shipped_schema_is_the_generated_one(catalogue_book: Casebook, capsys: pytest.CaptureFixture[str]) -> None:
    shipped = (CASES / FILE_NAME).read_text()
    assert json.loads(shipped) == case_schema(catalogue_book.catalogue), (
        f"regenerate it: publicduty schema > cases/{FILE_NAME}")
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == shipped


def test_the_schema_lists_every_stated_fact_with_its_meaning_and_every_view(catalogue_book: Casebook) -> None:
    catalogue = catalogue_book.catalogue
    schema = case_schema(catalogue)
    for record in ("opinion", "citation"):
        assert schema["$defs"][record]["properties"]["view"]["enum"] == sorted(catalogue.views)
    facts = case_schema(catalogue)["$defs"]["claimant"]["properties"]["facts"]
    assert set(facts["properties"]) == catalogue.stated_inputs
    assert facts["additionalProperties"] is False
    for name, entry in facts["properties"].items():
        assert entry == {"$ref": "#/$defs/fact", "description": catalogue.inputs[name].meaning}
    assert "public_defendant" not in facts["properties"]  # derived: stated once, under defendants


@pytest.mark.parametrize("path", [*CASE_FILES, *sorted(HYPOTHETICALS.glob("*.yaml"))], ids=lambda p: p.name)
def test_every_case_file_names_the_schema_and_meets_it(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    first = path.read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    named = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert named == (CASES / FILE_NAME).resolve()
    if path.parent == CASES:
        assert first == MODELINE
    assert [e.message for e in validator.iter_errors(_data(path))] == []


def _instances(value: Any, kind: fmt.Field | fmt.Record,
               at: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], fmt.Record]]:
    """Every record in a parsed case file, with its path, found by walking the declarations."""
    if isinstance(kind, fmt.Record):
        if isinstance(value, dict):
            yield at, kind
            for key, field in kind.fields.items():
                if key in value:
                    yield from _instances(value[key], field, (*at, key))
    elif isinstance(kind, fmt.Items) and isinstance(value, list):
        for i, item in enumerate(value):
            yield from _instances(item, kind.record, (*at, i))
    elif isinstance(kind, fmt.Keyed) and isinstance(value, dict):
        for key, item in value.items():
            yield from _instances(item, kind.value, (*at, key))


def _first_instances() -> dict[str, tuple[Path, tuple[Any, ...]]]:
    """For each record, the first place in the case base where it is written with every optional key it has."""
    found: dict[str, tuple[Path, tuple[Any, ...], int]] = {}
    for path in CASE_FILES:
        data = _data(path)
        for at, record in _instances(data, fmt.RECORDS[0], ()):
            keys = len(_at(data, at))
            if record.name not in found or keys > found[record.name][2]:
                found[record.name] = (path, at, keys)
    return {name: (path, at) for name, (path, at, _) in found.items()}


def _at(data: Any, at: tuple[Any, ...]) -> Any:
    for step in at:
        data = data[step]
    return data


def _wrong(field: fmt.Field) -> Any:
    """A value of the wrong kind for ``field``: blank text, a malformed id, a word no choice allows..."""
    if isinstance(field, fmt.Text):
        return "  "  # and see test_no_value_is_no_text
    if isinstance(field, fmt.Ident):
        return "Not An Id"
    if isinstance(field, fmt.ViewId):
        return "no-such-view"  # well formed, but no view of the logic
    if isinstance(field, fmt.Flag | fmt.Choice):
        return "nonsense"
    if isinstance(field, fmt.Items | fmt.Keyed):
        return "a sentence where entries belong"
    return ["a list", "where an id or a mapping belongs"]


def _mutations() -> Iterator[tuple[str, Path, tuple[Any, ...], str, Any]]:
    """(label, file, record path, key, new value or None to drop): every way to break every key."""
    for record in fmt.RECORDS:
        path, at = FIRST[record.name]
        for key in record.required:
            yield f"{record.name}: no {key}", path, at, key, None
        for key, field in record.fields.items():
            yield f"{record.name}: {key} of the wrong kind", path, at, key, _wrong(field)
        misspelt = next(iter(record.fields)) + "x"
        yield f"{record.name}: unknown key", path, at, misspelt, "some text"


FIRST = _first_instances()
MUTATIONS = list(_mutations())


def test_every_record_is_found_in_the_case_base() -> None:
    assert set(FIRST) == {r.name for r in fmt.RECORDS}


def _reads(tmp_path: Path, data: Any, catalogue: Catalogue) -> bool:
    """Whether the reader takes ``data`` as a case file (its views named, as every command checks them)."""
    target = tmp_path / "mutated.yaml"
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    cases, problems = caseset.load([target], catalogue.stated_inputs)
    return not problems and not caseset.references(cases.values(), catalogue.views)


@pytest.mark.parametrize(("label", "path", "at", "key", "value"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_reader_and_schema_refuse_the_same_mistakes(label: str, path: Path, at: tuple[Any, ...], key: str,
                                                    value: Any, tmp_path: Path, catalogue_book: Casebook,
                                                    validator: jsonschema.Draft202012Validator) -> None:
    catalogue = catalogue_book.catalogue
    data = _data(path)
    assert _reads(tmp_path, data, catalogue) and validator.is_valid(data)  # as written, and once written back
    mutated = copy.deepcopy(data)
    record = _at(mutated, at)
    if value is None:
        del record[key]
    else:
        record[key] = value
    assert not validator.is_valid(mutated), label
    assert not _reads(tmp_path, mutated, catalogue), label


@pytest.mark.parametrize("written", ["title:", "title: null", "title: ~", "title: NULL"])
def test_no_value_is_no_text_to_both(written: str, tmp_path: Path, catalogue_book: Casebook,
                                     validator: jsonschema.Draft202012Validator) -> None:
    """YAML's ways of writing no value: the schema sees null, and the reader refuses them as text too."""
    text = (CASES / "riss.yaml").read_text().replace("title: Riss v. City of New York", written, 1)
    assert written in text
    target = tmp_path / "riss.yaml"
    target.write_text(text)
    assert not validator.is_valid(_data(target))
    problems = caseset.load([target], catalogue_book.catalogue.stated_inputs)[1]
    assert [p.what for p in problems] == ["title must be non-empty text"]
    quoted = text.replace(written, 'title: "null"', 1)  # quoted, it is the word
    target.write_text(quoted)
    assert validator.is_valid(_data(target)) and _reads(tmp_path, _data(target), catalogue_book.catalogue)


@pytest.mark.parametrize("name", ["requested_hlep", "public_defendant", "Requested_help"])
def test_a_misspelt_or_derived_fact_name_is_refused_by_both(name: str, tmp_path: Path, catalogue_book: Casebook,
                                                            validator: jsonschema.Draft202012Validator) -> None:
    data = _data(CASES / "warren.yaml")
    data["claimants"][0]["facts"][name] = {"value": True, "source": "444 A.2d at 2"}
    assert not validator.is_valid(data)
    assert not _reads(tmp_path, data, catalogue_book.catalogue)


def test_the_keys_of_a_keyed_mapping_are_declared() -> None:
    keyed = [f for r in fmt.RECORDS for f in r.fields.values() if isinstance(f, fmt.Keyed)]
    assert {k.keys for k in keyed} == set(fmt.Keys)
    assert any(isinstance(f, fmt.Either) for r in fmt.RECORDS for f in r.fields.values())
