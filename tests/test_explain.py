"""explain: the derivation of a holding, with the rules' sources and the facts' sources, in three formats."""

from __future__ import annotations

import json
import shutil
import subprocess

import pydot
import pytest

from publicduty.analyses.explanation import Explanation, explain
from publicduty.cli.main import main
from publicduty.model.answer import MET, NOT_MET, POSSIBLY_MET, Answer, ClaimKey
from publicduty.model.case import NOT_ALLEGED, Truth
from publicduty.render.dot import explanation as render_dot
from publicduty.solve.casebook import Casebook


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def explained(book: Casebook, answer: Answer, case: str, claimant: str, view: str) -> Explanation:
    return explain(book.catalogue, answer, book.case(case), claimant, view)


def test_kelly_duty_to_taliaferro_json_shows_facts_and_rule_with_pages(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "warren", "taliaferro", "--view", "warren-kelly", "--format", "json")
    assert status == 0
    tree = json.loads(out)
    assert (tree["holding"], tree["claimant"], tree["view"]) == ("duty", "taliaferro", "warren-kelly")
    (ground,) = tree["rests_on"]
    assert (ground["name"], ground["stance"], ground["met"]) == ("privity_assurance_reliance", "recognised", MET)
    (rule,) = ground["rules"]
    assert rule["id"] == "kelly:two-factor-test"
    assert rule["cites"] == ["444 A.2d at 10, as quoted in 392 Mass. at 775"]
    assert {q["cite"] for q in rule["quotes"]} == {"392 Mass. at 775"}
    facts = {f["name"]: (f["value"], f["source"]) for f in ground["facts"]}
    assert facts == {"direct_contact": ("true", "444 A.2d at 2"),
                     "assurance_of_protection": ("true", "444 A.2d at 2"),
                     "justifiable_reliance": ("true", "444 A.2d at 2")}
    assert tree["documented"]["holding"] == "duty" and tree["documented"]["reconstructed"] is True
    assert tree["default"] == [] and tree["unmet"] == []


def test_majority_no_duty_to_warren_names_what_each_recognised_ground_lacks(book: Casebook, answer: Answer) -> None:
    why = explained(book, answer, "warren", "warren", "warren-majority")
    assert why.holding == "no_duty"
    assert [r.id for r in why.default] == ["baseline:public-duty-rule"]
    lacking = {g.name: {f.name: f.value for f in g.missing} for g in why.unmet}
    assert lacking == {
        "course_of_conduct": {"course_of_conduct": NOT_ALLEGED},
        "use_in_investigation": {"used_in_investigation": NOT_ALLEGED},
        "ordinary_negligence": {"affirmative_negligence": NOT_ALLEGED},
    }
    assert all(g.met == NOT_MET and g.stance == "recognised" for g in why.unmet)
    rejected = {g.name: [r.id for r in g.rules] for g in why.rejected}
    assert rejected["privity_assurance_reliance"] == ["hannon:promise-not-enough"]
    # The police knew of the crime: special knowledge is met, and Hannon's exception defeats it.
    assert rejected["special_knowledge"] == ["hannon:known-threat-not-enough"]
    known = next(g for g in why.rejected if g.name == "special_knowledge")
    assert known.rules[0].conditions == "unless control_of_danger"
    assert set(known.rules[0].prevails) == {"hannon:special-knowledge", "majority:special-knowledge"}
    (promise,) = next(g for g in why.rejected if g.name == "privity_assurance_reliance").rules
    assert promise.stated_in == "warren-hannon"
    assert promise.cites == ("444 A.2d at 5-6 (citing Henderson v. City of St. Petersburg)",)


def test_majority_no_duty_text_reads_as_an_outline(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "warren", "warren", "--view", "warren-majority")
    assert status == 0
    assert "Holding: no duty\n" in out
    assert "Documented: no duty (444 A.2d at 2, 4)" in out
    for label in ("a course of conduct: a regular police practice of protection (course_of_conduct): not met",
                  "actual use of the claimant in the police investigation (use_in_investigation): not met",
                  "ordinary negligence that anyone, police or not, could commit (ordinary_negligence): not met"):
        assert f"  - {label}\n" in out
    assert "- course_of_conduct: not alleged\n" in out
    assert "rejected by hannon:promise-not-enough (adopted from warren-hannon)\n" in out
    assert "rejected by hannon:known-threat-not-enough (adopted from warren-hannon)\n" in out
    assert "Applies only unless control_of_danger\n" in out
    assert "Source: 444 A.2d at 5-6 (citing Henderson v. City of St. Petersburg)\n" in out
    assert all(len(line) <= 100 for line in out.splitlines())


def test_open_holding_turns_on_the_unknown_facts(book: Casebook, answer: Answer) -> None:
    why = explained(book, answer, "warren", "nichol", "warren-kelly")
    assert why.holding == "open"
    assert [(f.name, f.value, f.source) for f in why.turns_on] == [
        ("assurance_of_protection", "unknown", "444 A.2d at 2-3"),
        ("justifiable_reliance", "unknown", "444 A.2d at 2-3"),
    ]
    assert [(g.name, g.met) for g in why.rests_on] == [("privity_assurance_reliance", POSSIBLY_MET)]
    assert [r.id for r in why.default] == ["baseline:public-duty-rule"]
    silent = {g.name for g in why.silent}
    assert {"on_scene_direction", "careless_investigation"} <= silent


def test_every_explanation_agrees_with_the_facts_it_cites(book: Casebook, answer: Answer) -> None:
    """Read against the case files: a duty's grounds are met, and a no-duty's recognised grounds each lack a fact."""
    for case in book.cases.values():
        for claimant in case.claimants:
            for view in book.view_ids():
                why = explained(book, answer, case.id, claimant.id, view)
                rests = answer.rests_on.get((view, ClaimKey(case.id, claimant.id)), {})
                for ground in why.rests_on:
                    for fact in ground.facts:  # its elements and its rules' own conditions
                        stated = claimant.value(fact.name)
                        assert stated is Truth.TRUE or (rests[ground.name] == "possible" and stated is Truth.UNKNOWN)
                    assert (ground.met == POSSIBLY_MET) <= (rests[ground.name] == "possible")
                if why.holding == "duty":
                    assert any(g.met == MET for g in why.rests_on)
                if why.holding == "no_duty":
                    assert not why.rests_on
                    for ground in why.unmet:
                        assert any(claimant.value(f.name) is Truth.FALSE for f in ground.facts), (case.id, view)
                if why.holding == "open":
                    assert why.turns_on and all(claimant.value(f.name) is Truth.UNKNOWN for f in why.turns_on)
                for ground in (*why.rejected, *why.silent):
                    assert ground.met in (MET, POSSIBLY_MET)
                    assert ground.name in answer.met[("some", ClaimKey(case.id, claimant.id))]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydot's parser calls pyparsing's old names
@pytest.mark.parametrize(("case", "claimant"), [("warren", "warren"), ("warren", "nichol"), ("irwin", "irwin")])
def test_dot_output_is_a_graph_graphviz_reads(book: Casebook, answer: Answer, case: str, claimant: str) -> None:
    """Duty, no duty and open, under every view: each graph parses, and its edges are the tree's."""
    trees = [explained(book, answer, case, claimant, view) for view in book.view_ids()]
    dots = [render_dot(why) for why in trees]
    graphs = pydot.graph_from_dot_data("".join(dots))
    assert graphs is not None and len(graphs) == len(trees)
    for why, graph, dot in zip(trees, graphs, dots, strict=True):
        names = {n.get_name().strip('"') for n in graph.get_nodes()}
        assert "holding" in names
        grounds = {g.name for g in (*why.rests_on, *why.unmet, *why.rejected, *why.silent)}
        assert {f"ground:{g}" for g in grounds} <= names
        edges = {(e.get_source().strip('"'), e.get_destination().strip('"')) for e in graph.get_edges()}
        for ground in why.rests_on:
            assert ("holding", f"ground:{ground.name}") in edges
            assert {("ground:" + ground.name, "rule:" + r.id) for r in ground.rules} <= edges
            assert {("ground:" + ground.name, "fact:" + f.name) for f in ground.facts} <= edges
        assert {("holding", "rule:" + r.id) for r in why.default} <= edges
        if shutil.which("dot"):
            rendered = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, check=True)
            assert "<svg" in rendered.stdout


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dot_format_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "warren", "nichol", "--view", "warren-kelly", "--format", "dot")
    assert status == 0 and out.startswith("digraph explanation {")
    (graph,) = pydot.graph_from_dot_data(out)
    assert graph.get_node('"fact:assurance_of_protection"')[0].get("style") == '"rounded,dotted"'


def test_json_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "explain", "warren", "douglas", "--view", "warren-hannon", "--format", "json")
    assert first == run(capsys, "explain", "warren", "douglas", "--view", "warren-hannon", "--format", "json")


def test_bad_names_are_input_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "explain", "warren", "warren", "--view", "warren-kely")
    assert (status, out) == (2, "") and "did you mean 'warren-kelly'?" in err
    status, out, err = run(capsys, "explain", "warren", "taliafero", "--view", "warren-kelly")
    assert (status, out) == (2, "") and "no claimant 'taliafero'; did you mean 'taliaferro'?" in err
    with pytest.raises(SystemExit):
        main(["explain", "warren", "warren"])
    assert "--view" in capsys.readouterr().err
