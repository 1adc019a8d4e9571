"""Properties over random case files: no traceback, no dependence on order, the same bytes every run.

Each property runs the examples of the Hypothesis profile (tests/conftest.py: 500, the
same every run; ``HYPOTHESIS_PROFILE=long`` for 5,000 random ones). Case files are small
(a few claimants, a few facts), and everything runs in-process through the command line
or the Casebook, so the file runs in about a minute on two cores.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from commandline import BUILTIN_IDS, TESTS, argv, json_commands, run
from publicduty.model.answer import Answer
from publicduty.solve.casebook import Casebook

JSON_COMMANDS = json_commands()
#: Any command with JSON output, about equally often (sampled_from would favour the first).
ANY_COMMAND = st.permutations(JSON_COMMANDS).map(lambda commands: commands[0])

_BASE = Casebook(builtin_cases=False)
INPUTS = sorted(_BASE.catalogue.stated_inputs)  # a case file states these; the others are derived
VIEWS = sorted(_BASE.catalogue.views)
#: A view's own case is checked against its bench; random cases keep clear of those ids.
TAKEN = {v.case for v in _BASE.catalogue.views.values()}

#: Text a user might paste that looks like ASP, YAML or shell: it must stay inert data.
NASTY = ["x). #show. :- not duty(.", "\"); holding(V, K, duty) :- view(V). %", "#const n=1.", ":- .",
         "{ a }.", "a :- b.", "${HOME}", "&anchor", "*alias", "!!python/object", "- item", "key: value", "'", "\""]

IDS = st.from_regex(r"[a-z][a-z0-9_-]{0,7}", fullmatch=True)
CASE_IDS = IDS.filter(lambda i: i not in TAKEN)
#: Names and sources: plain, accented, other scripts, and the nasty ones above.
WORDS = st.sampled_from(["0", "A caller", "Smith", "444 A.2d at 2", "Zoë Ægir", "Ŝtrange: yes", "日本語の名前", "🙂",
                         " padded ", "no", "true", "null", "1.5", *NASTY])


@st.composite
def facts(draw: st.DrawFn) -> dict[str, dict[str, str]]:
    names = draw(st.lists(st.sampled_from(INPUTS), unique=True, max_size=6))
    return {name: {"value": draw(st.sampled_from(["true", "false", "unknown"])), "source": draw(WORDS)}
            for name in names}


@st.composite
def cases(draw: st.DrawFn, case_id: str, opinions: bool = True) -> dict[str, Any]:
    """A valid case: claimants with facts, and (if ``opinions``) an opinion a bench joined, of a built-in view."""
    claimant_ids = draw(st.lists(IDS, unique=True, min_size=1, max_size=3))
    case = {
        "id": case_id, "title": draw(WORDS), "citation": draw(WORDS), "court": draw(WORDS),
        "decided": "2026", "posture": draw(WORDS),
        "claimants": [{"id": k, "name": draw(WORDS), "facts": draw(facts())} for k in claimant_ids],
    }
    if not opinions:
        return case
    held = draw(st.lists(st.sampled_from(claimant_ids), unique=True))
    return {**case,
            "opinions": [{"id": "opinion", "label": draw(WORDS), "view": draw(st.sampled_from(VIEWS)),
                          "holdings": {k: {"holding": draw(st.sampled_from(["duty", "no_duty"])),
                                           "source": draw(WORDS)} for k in held}}],
            "bench": [{"judge": "A", "joined": "opinion"}, {"judge": "B", "joined": "opinion"}]}


@st.composite
def case_sets(draw: st.DrawFn, most: int, opinions: bool = True) -> list[dict[str, Any]]:
    ids = draw(st.lists(CASE_IDS, unique=True, min_size=1, max_size=most))
    return [draw(cases(case_id, opinions)) for case_id in ids]


def dump(case: dict[str, Any]) -> str:
    return yaml.dump(case, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)


def write(folder: Path, documents: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in documents.items():
        (folder / name).write_bytes(data)


# --- Corruption -----------------------------------------------------------------

#: What a slip of the hand or a hostile file puts in a line of YAML.
JUNK = st.one_of(WORDS, st.text(max_size=10), st.sampled_from([
    "{", "}", "[", "]", ": ", "- ", "? x", "|", ">", "---", "...", "%YAML 1.1", "\t", "#", "~", "null", "1e9",
    "0x1F", "value: maybe", "facts: []", "claimants: {}", "id: Not An Id", "holding: perhaps", "a: &a [1]",
    "b: *a", "!!binary aGk=", "!custom x", "\ufeff", "\u2028", "\x00", "\x85", "[[[[[[[[", "{a: {b: {c: [",
])).map(str.encode)


@st.composite
def corrupted(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with up to three random edits: lines dropped, repeated, swapped, replaced, bytes inserted, cut."""
    for _ in range(draw(st.integers(0, 3))):
        lines = data.split(b"\n")
        at = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["drop", "repeat", "swap", "replace", "value", "indent", "insert", "cut"]))
        if edit == "drop":
            del lines[at]
        elif edit == "repeat":
            lines.insert(at, lines[at])
        elif edit == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif edit == "replace":
            lines[at] = draw(JUNK)
        elif edit == "value":
            lines[at] = lines[at].split(b":", 1)[0] + b": " + draw(JUNK)
        elif edit == "indent":
            lines[at] = b" " * draw(st.integers(0, 8)) + lines[at].lstrip()
        data = b"\n".join(lines)
        if edit == "insert":
            offset = draw(st.integers(0, len(data)))
            data = data[:offset] + draw(st.binary(max_size=6) | JUNK) + data[offset:]
        elif edit == "cut":
            data = data[:draw(st.integers(0, len(data)))]
    return data


@st.composite
def case_files(draw: st.DrawFn) -> tuple[bytes, dict[str, str]]:
    """A case file, maybe corrupted, and the ids a command would be given for it before the corruption."""
    case = draw(cases(draw(CASE_IDS)))
    ids = {**BUILTIN_IDS, "case": case["id"], "claimant": case["claimants"][0]["id"]}
    return draw(corrupted(dump(case).encode())), ids


@given(file=case_files(), command=ANY_COMMAND)
def test_random_and_corrupted_case_files_never_raise_a_traceback(
        file: tuple[bytes, dict[str, str]], command: ModuleType) -> None:
    """Any command ends with an answer, or with exit status 2 and one line per problem naming its place."""
    data, ids = file
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "case.yaml").write_bytes(data)
        result = run("--no-builtin-cases", "--cases", folder, *argv(command, ids, Path(folder) / "out", json=True))
        if result.err == "":
            json.loads(result.out)
            return
        assert (result.status, result.out) == (2, "")
        assert result.err.endswith("\n")
        for line in result.err.splitlines():
            place = re.fullmatch(r"publicduty: error: (?P<file>.+?)(:\d+)?: \S.*", line)
            assert place, line
            assert place["file"] == "<command line>" or Path(place["file"]).is_file(), line


# --- Order ----------------------------------------------------------------------


@st.composite
def reorderings(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[int]]:
    """Cases; the same cases with claimants and facts shuffled and ids renamed; the order to write them in."""
    originals = draw(case_sets(2, opinions=False))  # what is shuffled: files, claimants, facts
    shuffled = []
    for case in originals:
        claimants = [{**k, "facts": dict(draw(st.permutations(list(k["facts"].items()))))}
                     for k in draw(st.permutations(case["claimants"]))]
        shuffled.append({**case, "id": f"shuffled-{case['id']}", "claimants": claimants})
    return originals, shuffled, draw(st.permutations(range(len(originals))))


def holdings(book: Casebook, answer: Answer, case_id: str) -> dict[tuple[str, str], Any]:
    """Each claimant's holding under each view, with the grounds and rules it rests on."""
    return {(f.claimant, f.view): (f.holding, f.grounds) for f in book.findings(answer, [case_id], book.view_ids())}


@given(sets=reorderings())
def test_results_do_not_depend_on_the_order_of_files_claimants_or_facts(
        sets: tuple[list[dict[str, Any]], list[dict[str, Any]], list[int]]) -> None:
    """A case and its shuffled copy, loaded in one casebook at different places among the files, agree."""
    originals, shuffled, order = sets
    files = {f"a{i}.yaml": dump(case).encode() for i, case in enumerate(originals)}
    files |= {f"{'b' if rank % 2 else '0'}{rank}.yaml": dump(shuffled[i]).encode() for rank, i in enumerate(order)}
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), files)
        book = Casebook(case_dirs=[Path(folder)], builtin_cases=False)
        answer = book.answer()
        for case in originals:
            assert holdings(book, answer, case["id"]) == holdings(book, answer, f"shuffled-{case['id']}")


# --- Determinism ----------------------------------------------------------------


@given(sets=case_sets(2), command=ANY_COMMAND, data=st.data())
def test_the_json_output_of_every_command_is_the_same_bytes_every_run(
        sets: list[dict[str, Any]], command: ModuleType, data: st.DataObject) -> None:
    case = data.draw(st.sampled_from(sets))
    first, second = data.draw(st.lists(st.sampled_from(VIEWS), min_size=2, max_size=2, unique=True))
    ids = {**BUILTIN_IDS, "case": case["id"], "claimant": data.draw(st.sampled_from(case["claimants"]))["id"],
           "view": first, "view_a": first, "view_b": second, "first": first, "second": second,
           "set": data.draw(st.sampled_from(INPUTS))}
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), {f"{c['id']}.yaml": dump(c).encode() for c in sets})
        words = ["--no-builtin-cases", "--cases", folder, *argv(command, ids, Path(folder) / "out", json=True)]
        runs = [run(*words), run(*words)]
    assert runs[0] == runs[1]
    if runs[0].status != 2:  # an answer, not a refusal: the bytes are one JSON document
        json.loads(runs[0].out)


def test_every_commands_json_is_the_same_bytes_under_other_hash_seeds() -> None:
    """Set and dict order must not leak into output: two processes with different string hashing agree."""
    script = ("import sys; from commandline import run\n"
              "for words in sys.argv[1:]:\n"
              "    r = run(*words.split('\\x1f'))\n"
              "    print(r.status, repr(r.out), repr(r.err))\n")
    with tempfile.TemporaryDirectory() as folder:
        words = ["\x1f".join(argv(c, BUILTIN_IDS, Path(folder) / "out", json=True)) for c in JSON_COMMANDS]
        outputs = [subprocess.run([sys.executable, "-c", script, *words], capture_output=True, text=True, check=True,
                                  cwd=TESTS, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
                   for seed in ("1", "2")]
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") == len(JSON_COMMANDS)
