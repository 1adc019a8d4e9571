"""The explorer's load run: ``python -m publicduty.serve.bench`` prints what-if round-trip latencies.

Several clients at once, each with its own HTTP connection, post what-ifs for random
claims and random fact changes to a real server on loopback; every answer is checked
against :func:`publicduty.analyses.whatif.what_if` on a casebook of the client's own (so a
request that got another request's facts shows as wrong). The figures are printed
beside the target (median round trip under 50 ms); no test times anything.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from dataclasses import dataclass, field

import httpx

from publicduty.analyses.whatif import what_if
from publicduty.model.case import Truth
from publicduty.render import json as as_json
from publicduty.serve.testserver import running
from publicduty.solve.casebook import Casebook

#: The benchmark's target for one what-if round trip, median over the run.
TARGET_MEDIAN_MS = 50.0


@dataclass
class Load:
    """What a load run saw: every round trip's seconds, and each wrong or failed answer in one line."""

    seconds: list[float] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Question:
    """One what-if a client asks, and the holdings the casebook gives for it, by view."""

    case: str
    claimant: str
    facts: dict[str, bool | str]
    expected: dict[str, str]


def questions(book: Casebook, count: int, seed: int) -> list[Question]:
    """``count`` random what-ifs (one to three facts changed) with their expected holdings."""
    rng = random.Random(seed)
    claims = sorted((c.id, k.id) for c in book.cases.values() for k in c.claimants)
    vocabulary = sorted(book.catalogue.inputs)
    out = []
    for _ in range(count):
        case, claimant = rng.choice(claims)
        changes = {name: rng.choice(list(Truth)) for name in rng.sample(vocabulary, rng.randint(1, 3))}
        result = what_if(book, case, claimant, changes)
        out.append(Question(case, claimant, {n: as_json.truth(t) for n, t in changes.items()},
                            {f.view: f.holding for f in result.after}))
    return out


def load(base: str, asked: list[Question], clients: int) -> Load:
    """Post ``asked`` from ``clients`` threads at once (each its share), checking every answer."""
    seen = Load()
    lock = threading.Lock()

    def client(mine: list[Question]) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            for q in mine:
                start = time.perf_counter()
                response = http.post("/api/whatif", json={"case": q.case, "claimant": q.claimant, "facts": q.facts})
                took = time.perf_counter() - start
                got = ({r["view"]: r["after"]["holding"] for r in response.json()["results"]}
                       if response.status_code == 200 else {})
                with lock:
                    seen.seconds.append(took)
                    if got != q.expected:
                        seen.wrong.append(f"{q.case}/{q.claimant} {q.facts}: got {response.status_code} {got}, "
                                          f"expected {q.expected}")

    threads = [threading.Thread(target=client, args=(asked[i::clients],)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return seen


def report(seen: Load, clients: int, wall: float) -> str:
    """The run's figures in a few lines."""
    ms = sorted(s * 1000 for s in seen.seconds)
    median = statistics.median(ms)
    lines = [f"what-if round trips: {len(ms)} from {clients} client(s) at once in {wall:.2f} s "
             f"({len(ms) / wall:.0f} per second)",
             f"  median {median:.1f} ms (target < {TARGET_MEDIAN_MS:.0f} ms: "
             f"{'met' if median < TARGET_MEDIAN_MS else 'MISSED'}), "
             f"p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, worst {ms[-1]:.1f} ms",
             f"  wrong or failed answers: {len(seen.wrong)}", *(f"    {w}" for w in seen.wrong[:10])]
    return "\n".join(lines)


def main() -> int:
    """Run the load alone and with several clients at once, print the figures; exit 1 if any answer was wrong."""
    parser = argparse.ArgumentParser(prog="python -m publicduty.serve.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="what-ifs per run (default: 400)")
    parser.add_argument("--clients", type=int, default=4, help="clients at once in the second run (default: 4)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    asked = questions(Casebook(), args.requests, args.seed)
    wrong = 0
    with running(Casebook()) as base:
        load(base, asked[:20], 1)  # warm up: connections, first solves
        for clients in dict.fromkeys((1, args.clients)):
            start = time.perf_counter()
            seen = load(base, asked, clients)
            print(report(seen, clients, time.perf_counter() - start))
            wrong += len(seen.wrong)
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
