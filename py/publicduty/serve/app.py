"""The explorer's routes: the page, its static files and the JSON API, over one :class:`Explorer`.

Starlette on uvicorn: a small, maintained ASGI toolkit with no ORM, forms or
dependency injection to carry, whose test client drives every route in-process.
Handlers are plain functions (``def``), so Starlette runs each in a worker thread and
the event loop never waits on the solver; the Explorer's lock keeps the engine to one
request at a time. Every problem with a request is a 400 with a JSON
``{"error", "did_you_mean"}`` (the command line's one line, split in two); anything
unexpected is a 500 with one line, never a traceback.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from publicduty.errors import InputError
from publicduty.serve import api, payload
from publicduty.serve.state import Explorer

HERE = Path(__file__).parent

#: Each API route: its path, method, the fields it takes, those it requires, and the answer.
Answer = Callable[[Explorer, Mapping[str, Any]], dict[str, Any]]
_API: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], Answer], ...] = (
    ("/api/whatif", "POST", ("case", "claimant", "facts", "views"), ("case", "claimant"), api.whatif),
    ("/api/explain", "POST", ("case", "claimant", "view", "facts"), ("case", "claimant", "view"), api.explanation),
    ("/api/flip", "GET", ("case", "claimant", "view", "max"), ("case", "claimant", "view"), api.flip),
    ("/api/disagree", "GET", ("first", "second", "facts"), ("first", "second"), api.disagree),
)


def create_app(explorer: Explorer) -> Starlette:
    """The application answering from ``explorer``."""
    pages = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)

    def page(request: Request) -> Response:
        book = explorer.unlocked
        query = dict(request.query_params)
        if "claim" in query:  # the picker's "case|claimant", sent as a form where scripts do not run
            query["case"], _, query["claimant"] = query["claim"].partition("|")
        chosen = query.get("case") or ("warren" if "warren" in book.cases else min(book.cases))
        try:
            found = book.case(chosen)
            claimant = found.claimant(query.get("claimant") or found.claimants[0].id)
        except InputError as err:
            return HTMLResponse(pages.get_template("error.html").render(problems=err.problems), status_code=400)
        html = pages.get_template("index.html").render(
            cases=sorted(book.cases.values(), key=lambda c: c.id), case=found, claimant=claimant,
            facts=api.fact_rows(book, found, claimant.id), views=api.cases(explorer)["views"])
        return HTMLResponse(html)

    def listing(_request: Request) -> Response:
        return _answer(lambda: api.cases(explorer))

    def one_case(request: Request) -> Response:
        return _answer(lambda: api.case(explorer, request.path_params["case"]))

    routes: list[Route | Mount] = [
        Route("/", page), Route("/api/cases", listing), Route("/api/cases/{case}", one_case),
        *(Route(path, _endpoint(explorer, method, allowed, required, answer), methods=[method])
          for path, method, allowed, required, answer in _API),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: _http_error, Exception: _crash})


def _endpoint(explorer: Explorer, method: str, allowed: tuple[str, ...], required: tuple[str, ...],
              answer: Answer) -> Callable[[Request], Awaitable[Response]]:
    """A route reading its fields from the query (GET) or the JSON body (POST), checked, then answered."""
    async def endpoint(request: Request) -> Response:
        try:
            if method == "GET":
                fields = payload.fields(dict(request.query_params), allowed, required)
            else:
                fields = payload.body(await _head(request), allowed, required)
        except InputError as err:
            return _refused(err)
        # In a worker thread: the solver must not hold up the event loop.
        return await run_in_threadpool(_answer, lambda: answer(explorer, fields))
    return endpoint


async def _head(request: Request) -> bytes:
    """The body, read no further than one byte past the largest a request may send."""
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > payload.MAX_BODY:
            break
    return raw


def _answer(work: Callable[[], dict[str, Any]]) -> Response:
    """``work``'s JSON object, or its problems as a 400."""
    try:
        return JSONResponse(work())
    except InputError as err:
        return _refused(err)


def _refused(err: InputError) -> Response:
    """The problems as JSON: the first one's ``error`` and ``did_you_mean``, then all of them."""
    problems = [{"error": p.what, "did_you_mean": p.fix} for p in err.problems]
    return JSONResponse({**problems[0], "problems": problems}, status_code=400)


async def _http_error(_request: Request, err: Exception) -> Response:
    """Not found, method not allowed and the like, as JSON like every other refusal."""
    detail = err.detail if isinstance(err, HTTPException) else str(err)
    status = err.status_code if isinstance(err, HTTPException) else 500
    return JSONResponse({"error": detail, "did_you_mean": ""}, status_code=status)


async def _crash(_request: Request, err: Exception) -> Response:
    """A bug, not a bad request: one line naming the error's kind, and the server goes on."""
    return JSONResponse({"error": f"internal error ({type(err).__name__})", "did_you_mean": ""}, status_code=500)
