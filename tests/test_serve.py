"""``publicduty serve``'s routes, in-process through Starlette's test client: answers, refusals, the page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from commandline import run
from publicduty.analyses.disagree import disagreements
from publicduty.analyses.flip import minimal_flips
from publicduty.analyses.whatif import what_if
from publicduty.cli import serve
from publicduty.cli.main import parse_args
from publicduty.model.case import Truth
from publicduty.serve import api
from publicduty.serve.app import create_app
from publicduty.serve.server import listen
from publicduty.serve.state import Explorer
from publicduty.solve.casebook import Casebook
from test_bad_input import CLASSES, Bad, assert_refused
from test_own_inputs import OWN_CASES, request_view, second_view


@pytest.fixture(scope="module")
def book() -> Casebook:
    return Casebook()


@pytest.fixture(scope="module")
def client(book: Casebook) -> TestClient:
    return TestClient(create_app(Explorer(book)), raise_server_exceptions=False)


def test_cases_lists_every_case_claimant_and_view(client: TestClient, book: Casebook) -> None:
    answer = client.get("/api/cases").json()
    assert [c["id"] for c in answer["cases"]] == sorted(book.cases)
    warren = next(c for c in answer["cases"] if c["id"] == "warren")
    assert [k["id"] for k in warren["claimants"]] == ["warren", "taliaferro", "douglas", "nichol"]
    assert [v["id"] for v in answer["views"]] == book.view_ids()


def test_a_case_shows_every_fact_with_its_stated_value_and_source(client: TestClient, book: Casebook) -> None:
    answer = client.get("/api/cases/warren").json()
    facts = {f["fact"]: f for f in answer["claimants"][0]["facts"]}
    assert set(facts) == set(book.catalogue.inputs)
    meaning = book.catalogue.inputs["direct_contact"].meaning
    assert facts["direct_contact"] == {"fact": "direct_contact", "meaning": meaning, "value": True, "alleged": True,
                                       "source": "444 A.2d at 2",
                                       "note": "She made the 6:23 call herself."}
    assert facts["control_of_danger"]["value"] is False and not facts["control_of_danger"]["alleged"]


@pytest.mark.parametrize("changes", [
    {"direct_contact": Truth.FALSE},
    {"direct_contact": Truth.UNKNOWN, "known_risk_to_identifiable_victim": Truth.TRUE},
    {"requested_help": Truth.FALSE, "justifiable_reliance": Truth.UNKNOWN},
    {},
])
def test_a_whatif_round_trip_gives_the_casebooks_holdings(client: TestClient, book: Casebook,
                                                          changes: dict[str, Truth]) -> None:
    sent = {name: {Truth.TRUE: True, Truth.FALSE: False}.get(t, "unknown") for name, t in changes.items()}
    changes = {n: t for n, t in changes.items() if n in book.catalogue.inputs}
    sent = {n: v for n, v in sent.items() if n in changes}
    answer = client.post("/api/whatif", json={"case": "warren", "claimant": "warren", "facts": sent})
    assert answer.status_code == 200, answer.text
    expected = what_if(book, "warren", "warren", changes)
    got = answer.json()
    assert [(r["view"], r["before"]["holding"], r["after"]["holding"]) for r in got["results"]] == [
        (b.view, b.holding, a.holding) for b, a in zip(expected.before, expected.after, strict=True)]
    assert [r["before"]["holding"] for r in got["results"]] == [f.holding for f in book.solve("warren")
                                                               if f.claimant == "warren"]
    for result in got["results"]:
        for ground in result["after"]["grounds"]:
            for rule in ground["rules"]:
                assert got["rules"][rule["rule"]]["says"] == book.catalogue.rules[rule["rule"]].says


def test_the_api_whatif_is_the_command_lines(client: TestClient) -> None:
    cli = run("whatif", "warren", "warren", "--unset", "direct_contact", "--unknown", "justifiable_reliance", "--json")
    facts = {"direct_contact": False, "justifiable_reliance": "unknown"}
    served = client.post("/api/whatif", json={"case": "warren", "claimant": "warren", "facts": facts}).json()
    assert {k: v for k, v in served.items() if k != "rules"} == json.loads(cli.out)
    moved = {r["view"]: r["after"]["holding"] for r in served["results"]}
    assert moved["warren-kelly"] == "no_duty"  # no privity without direct dealing


def test_views_narrow_a_whatif(client: TestClient) -> None:
    answer = client.post("/api/whatif", json={"case": "irwin", "claimant": "irwin", "views": ["irwin-nolan"]}).json()
    assert [r["view"] for r in answer["results"]] == ["irwin-nolan"]
    assert answer["results"][0]["after"]["holding"] == "no_duty"


def test_flip_and_disagree_are_the_searches(client: TestClient, book: Casebook) -> None:
    flips = client.get("/api/flip", params={"case": "warren", "claimant": "warren", "view": "warren-kelly"}).json()
    expected = minimal_flips(book, "warren", "warren", "warren-kelly")
    assert flips["total"] == expected.total == 3
    assert flips["flips"] == [[{"fact": c.fact, "to": False, "was": True} for c in f.changes] for f in expected.flips]
    parted = client.get("/api/disagree", params={"first": "warren-majority", "second": "warren-kelly"}).json()
    found = disagreements(book, "warren-majority", "warren-kelly")
    assert [p["facts"] for p in parted["patterns"]] == [list(p.facts) for p in found.patterns]
    assert ["assurance_of_protection", "direct_contact", "justifiable_reliance"] in [p["facts"] for p in
                                                                                    parted["patterns"]]
    narrowed = client.get("/api/disagree", params={"first": "warren-majority", "second": "warren-kelly",
                                                   "facts": "direct_contact,justifiable_reliance"}).json()
    assert narrowed["facts"] == ["direct_contact", "justifiable_reliance"] and narrowed["patterns"] == []


def test_explain_follows_the_whatif(client: TestClient) -> None:
    stated = client.post("/api/explain", json={"case": "warren", "claimant": "warren", "view": "warren-kelly"}).json()
    assert stated["explanation"]["holding"] == "duty"
    assert "privity plus specific assurances" in stated["text"]
    changed = client.post("/api/explain", json={"case": "warren", "claimant": "warren", "view": "warren-kelly",
                                                "facts": {"direct_contact": False}}).json()
    assert changed["explanation"]["holding"] == "no_duty"
    assert "direct_contact: false [what if (the case file: true)]" in changed["text"]
    assert (changed["svg"] or "").startswith("<svg") or changed["hint"].startswith("install Graphviz")
    again = client.post("/api/whatif", json={"case": "warren", "claimant": "warren"}).json()
    assert {r["view"]: r["after"]["holding"] for r in again["results"]}["warren-kelly"] == "duty"  # put back


@pytest.mark.parametrize(("method", "path", "sent", "error", "fix"), [
    ("post", "/api/whatif", {"case": "waren", "claimant": "warren"}, "no case 'waren'", "did you mean 'warren'?"),
    ("post", "/api/whatif", {"case": "warren", "claimant": "waren"}, "case 'warren' has no claimant 'waren'",
     "did you mean 'warren'?"),
    ("post", "/api/whatif", {"case": "warren", "claimant": "warren", "facts": {"direct_contat": False}},
     "unknown fact 'direct_contat'", "did you mean 'direct_contact'?"),
    ("post", "/api/whatif", {"case": "warren", "claimant": "warren", "facts": {"direct_contact": "maybe"}},
     "fact 'direct_contact' is \"maybe\"", 'give true, false or "unknown"'),
    ("post", "/api/whatif", {"case": "warren", "claimant": "warren", "fact": {}}, "unknown field 'fact'",
     "did you mean 'facts'?"),
    ("post", "/api/whatif", {"claimant": "warren"}, "missing field 'case'", "give 'case'"),
    ("post", "/api/whatif", {"case": "warren", "claimant": "warren", "views": ["warren-kely"]},
     "no view 'warren-kely'", "did you mean 'warren-kelly'?"),
    ("post", "/api/whatif", {"case": 3, "claimant": "warren"}, "field 'case' is 3", "give 'case' as a string"),
    ("post", "/api/explain", {"case": "warren", "claimant": "warren"}, "missing field 'view'", "give 'view'"),
    ("get", "/api/flip", {"case": "warren", "claimant": "warren", "view": "warren-kely"}, "no view 'warren-kely'",
     "did you mean 'warren-kelly'?"),
    ("get", "/api/flip", {"case": "warren", "claimant": "warren", "view": "warren-kelly", "max": "0"},
     "field 'max' is 0", "give a whole number of at least 1"),
    ("get", "/api/disagree", {"first": "warren-kelly", "second": "warren-kelly"}, "both views are 'warren-kelly'",
     "name two different views"),
    ("get", "/api/disagree", {"first": "warren-kelly", "secnd": "irwin-nolan"}, "unknown field 'secnd'",
     "did you mean 'second'?"),
    ("get", "/api/cases/waren", {}, "no case 'waren'", "did you mean 'warren'?"),
])
def test_bad_requests_get_a_400_with_the_closest_name(client: TestClient, method: str, path: str,
                                                      sent: dict[str, object], error: str, fix: str) -> None:
    answer = (client.post(path, json=sent) if method == "post" else client.get(path, params=sent))
    assert answer.status_code == 400
    assert (answer.json()["error"], answer.json()["did_you_mean"]) == (error, fix)
    assert "Traceback" not in answer.text


@pytest.mark.parametrize("raw", [b"{", b"[1, 2]", b"", "ünïcode".encode("latin-1"), b"x" * 70_000])
def test_a_body_that_is_not_a_json_object_is_refused(client: TestClient, raw: bytes) -> None:
    answer = client.post("/api/whatif", content=raw, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400
    assert answer.json()["did_you_mean"].startswith(("send a JSON object", "send at most"))


def test_unknown_routes_and_methods_answer_in_json(client: TestClient) -> None:
    assert client.get("/api/nothing").json() == {"error": "Not Found", "did_you_mean": ""}
    wrong = client.get("/api/whatif")
    assert (wrong.status_code, wrong.json()["error"]) == (405, "Method Not Allowed")


def test_the_page_has_every_fact_as_a_three_way_switch(client: TestClient, book: Casebook) -> None:
    page = client.get("/", params={"case": "warren", "claimant": "taliaferro"})
    assert page.status_code == 200
    html = page.text
    for name in book.catalogue.inputs:
        assert html.count(f'name="{name}"') == 3
    assert '<tr data-fact="direct_contact" data-stated="true">' in html
    assert "A party to the second call." in html  # the case file's note for Taliaferro
    assert '<option value="warren|taliaferro" selected>' in html
    assert client.get("/", params={"claim": "irwin|irwin"}).text.count('data-claimant="irwin"') == 1
    assert "http://" not in html and "https://" not in html  # nothing fetched from the network
    for asset in ("/static/explorer.js", "/static/explorer.css"):
        assert client.get(asset).status_code == 200


def test_the_page_escapes_and_refuses_bad_names(client: TestClient) -> None:
    bad = client.get("/", params={"case": "<script>x</script>"})
    assert bad.status_code == 400
    assert "&lt;script&gt;" in bad.text and "<script>x" not in bad.text


def test_the_command_line_starts_without_the_web_libraries() -> None:
    code = ("import sys, publicduty.cli.main as c; c.parser(); "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2', 'httpx') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_serve_without_its_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # an import of it now fails, as when not installed
    result = run("serve", "--port", "0")
    assert (result.status, result.out) == (2, "")
    assert result.err == ("publicduty: error: <command line>: publicduty serve needs uvicorn, which is not installed; "
                          "pip install 'publicduty[serve]'\n")


def test_serve_refuses_a_port_in_use_and_bad_input_in_one_line() -> None:
    taken = listen("127.0.0.1", 0)
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = run("serve", "--port", str(port))
    finally:
        taken.close()
    assert (result.status, result.out) == (2, "")
    assert result.err.startswith(f"publicduty: error: <command line>: cannot listen on 127.0.0.1:{port} (")
    assert result.err.endswith("; give another --port, or --port 0 for any free one\n")
    bad = run("--no-builtin-cases", "--cases", "nowhere", "serve")
    assert (bad.status, bad.err) == (2, "publicduty: error: nowhere: not a folder of case files; "
                                        "give an existing folder\n")


@pytest.mark.parametrize("bad", CLASSES, ids=[b.name for b in CLASSES])
def test_serve_refuses_every_class_of_bad_input_with_one_line(bad: Bad) -> None:
    result = run("--no-builtin-cases", *bad.options, "serve", "--port", "0")  # refused before serving
    assert_refused(list(bad.lines), result.status, result.out, result.err)


def test_serve_takes_the_users_cases_and_views_after_the_command_too(tmp_path: Path) -> None:
    own = request_view(tmp_path / "1")
    args = parse_args(["--no-builtin-cases", "--no-builtin-views", "--logic", str(own), "serve",
                                "--port", "0", "--cases", str(OWN_CASES), "--logic", str(second_view(tmp_path / "2"))])
    assert callable(serve.run(args))  # loaded, checked and bound; not started
    assert (args.cases, args.logic) == ([OWN_CASES], [own, tmp_path / "2"])


def test_the_explorer_shows_only_the_users_cases_and_views(tmp_path: Path) -> None:
    own = Casebook([request_view(tmp_path / "1"), second_view(tmp_path / "2")], [OWN_CASES], builtin_cases=False,
                   builtin_views=False)
    client = TestClient(create_app(Explorer(own)))
    listing = client.get("/api/cases").json()
    assert [c["id"] for c in listing["cases"]] == ["own-case"]
    assert [v["id"] for v in listing["views"]] == own.view_ids()
    answer = client.post("/api/whatif", json={"case": "own-case", "claimant": "caller",
                                              "facts": {"requested_help": False}}).json()
    moved = {r["view"]: (r["before"]["holding"], r["after"]["holding"]) for r in answer["results"]}
    assert moved["example-request"] == ("duty", "no_duty")
    page = client.get("/").text
    assert "own-case" in page and "warren" not in page


def test_a_bug_is_a_500_with_one_line_and_the_server_goes_on(client: TestClient,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug\nwith a second line")

    monkeypatch.setattr(api, "what_if", broken)
    answer = client.post("/api/whatif", json={"case": "warren", "claimant": "warren"})
    assert (answer.status_code, answer.json()) == (500, {"error": "internal error (RuntimeError)", "did_you_mean": ""})
    monkeypatch.undo()
    assert client.post("/api/whatif", json={"case": "warren", "claimant": "warren"}).status_code == 200


def test_a_huge_body_is_not_read_whole(client: TestClient) -> None:
    answer = client.post("/api/whatif", content=b"{" + b" " * 10_000_000 + b"}")
    assert (answer.status_code, answer.json()["error"]) == (400, "the body is larger than 65536 bytes")
