"""vocabulary: the logic's own words for facts and grounds, each view's stance, and the README's copy of them."""

from __future__ import annotations

import json

import pytest

from publicduty.cli.main import main
from publicduty.solve.casebook import Casebook


def vocabulary(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    assert main(["vocabulary", *options]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_json_carries_every_word_and_each_views_stance(book: Casebook, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(vocabulary(capsys, "--json"))
    assert {i["input"]: i["meaning"] for i in data["inputs"]} == {
        name: item.meaning for name, item in book.catalogue.inputs.items()}
    grounds = {g["ground"]: g for g in data["grounds"]}
    assert set(grounds) == set(book.catalogue.grounds)
    privity = grounds["privity_assurance_reliance"]
    assert privity["label"] == "privity plus specific assurances of protection giving rise to justifiable reliance"
    assert privity["elements"] == ["assurance_of_protection", "direct_contact", "justifiable_reliance"]
    assert privity["views"]["warren-majority"] == {
        "stance": "rejected", "rules": ["hannon:promise-not-enough"], "exceptions": []}
    assert privity["views"]["warren-kelly"] == {"stance": "recognised", "rules": ["kelly:two-factor-test"],
                                                "exceptions": []}
    assert grounds["duty_to_foreseeable_class"]["views"]["irwin-nolan"] == {
        "stance": "qualified", "rules": ["irwin:duty-to-general-public", "irwin:duty-to-travelling-public"],
        "exceptions": ["baseline:public-duty-rule", "nolan:no-identifiable-victim"]}
    assert grounds["special_knowledge"]["views"]["warren-majority"] == {
        "stance": "qualified", "rules": ["hannon:special-knowledge", "majority:special-knowledge"],
        "exceptions": ["hannon:known-threat-not-enough"]}
    assert grounds["request_for_aid"]["views"]["warren-kelly"] == {"stance": "silent", "rules": [], "exceptions": []}


def test_text_lists_meanings_labels_and_the_stance_matrix(book: Casebook, capsys: pytest.CaptureFixture[str]) -> None:
    out = vocabulary(capsys)
    flat = " ".join(out.split())
    for item in book.catalogue.inputs.values():
        assert f"{item.name} {item.meaning}" in flat
    for ground in book.catalogue.grounds.values():
        assert f"{ground.name}: {ground.label}" in flat
    header = next(line for line in out.splitlines() if line.startswith("ground ")).split()
    row = next(line for line in out.splitlines() if line.startswith("privity_assurance_reliance ")).split()
    assert header[1:] == book.view_ids()
    assert dict(zip(header[1:], row[1:], strict=True)) == {
        "warren-hannon": "rejects", "warren-majority": "rejects", "warren-kelly": "recognises",
        "irwin-majority": "recognises", "irwin-nolan": "recognises"}
