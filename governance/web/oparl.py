"""The OParl 1.1 read interface under ``/oparl/v1.1/`` (governance/reads/oparl/).

Open to everyone without signing in (OParl is for other systems), GET only,
JSON with ``Access-Control-Allow-Origin: *`` (CORS), errors as OParl's error
object. The views parse the query string and render what the reads return:
what is public is decided there, in SQL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import Blueprint, Response, request
from sqlalchemy import Connection

from governance.i18n import translate
from governance.reads import oparl
from governance.web.context import core

bp = Blueprint("oparl", __name__, url_prefix="/oparl/v1.1")

JSON_TYPE = "application/json; charset=utf-8"


class _BadRequest(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@bp.after_request
def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    return response


def _lang() -> str:
    return core().settings.language or "de"


def _urls() -> oparl.Urls:
    return oparl.Urls(request.url_root.rstrip("/") + bp.url_prefix, _lang())  # type: ignore[operator]


def _json(obj: Any, status: int = 200) -> Response:
    # check_circular off: the reads build trees of fresh dicts and lists, never a cycle.
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return Response(body, status=status, mimetype="application/json", content_type=JSON_TYPE)


def _error(status: int, message: str, debug: str = "") -> Response:
    error = {"type": "https://schema.oparl.org/1.1/Error", "message": message, "debug": debug}
    return _json(error, status)


@contextmanager
def _reading() -> Iterator[Connection]:
    """A Core connection that only reads (the reads are Core statements: an ORM session's
    bookkeeping would cost per statement). On PostgreSQL without a transaction: at READ
    COMMITTED each statement reads its own snapshot anyway, and BEGIN and ROLLBACK
    would be two more round trips per answer. On SQLite the transaction stays: there
    it is what keeps the statements of one answer on one snapshot."""
    db = core().db
    if db.is_sqlite:
        with db.read_connection() as conn:
            yield conn
    else:
        with db.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            yield conn


def _moment(name: str) -> dt.datetime | None:
    raw = request.args.get(name)
    if raw is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(raw.strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _BadRequest(translate("oparl.error.bad_time", _lang(), name=name, value=raw[:100]))
    return moment


def _filters(default_limit: int = oparl.PAGE_SIZE) -> oparl.Filters:
    raw_limit = request.args.get("limit")
    limit = default_limit
    if raw_limit is not None:
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= oparl.MOST_PER_PAGE:
            raise _BadRequest(
                translate(
                    "oparl.error.bad_limit", _lang(), value=raw_limit[:20], most=oparl.MOST_PER_PAGE
                )
            )
        limit = int(raw_limit)
    raw_after = request.args.get("after", "0")
    if not raw_after.isdigit() or len(raw_after) > 12:
        raise _BadRequest(translate("oparl.error.bad_cursor", _lang(), value=raw_after[:20]))
    return oparl.Filters(
        created_since=_moment("created_since"),
        created_until=_moment("created_until"),
        modified_since=_moment("modified_since"),
        modified_until=_moment("modified_until"),
        after=int(raw_after),
        limit=limit,
        default_limit=default_limit,
    )


def _answer(make: Callable[[Connection, oparl.Urls], Any]) -> Response:
    try:
        with _reading() as conn:
            return _json(make(conn, _urls()))
    except oparl.NotPublic:
        return _error(404, translate("oparl.error.not_found", _lang()), request.path)
    except _BadRequest as exc:
        return _error(400, exc.message, request.full_path)


def _list(
    read: Callable[[Connection, oparl.Urls, oparl.Filters], oparl.Page],
    default_limit: int = oparl.PAGE_SIZE,
) -> Response:
    def make(conn: Connection, urls: oparl.Urls) -> Any:
        f = _filters(default_limit)
        page = read(conn, urls, f)
        return {
            "data": page.data,
            "pagination": {"elementsPerPage": f.limit},
            "links": oparl.page_links(request.base_url, f, page),
        }

    return _answer(make)


def _file(name: str, media_type: str, data: bytes) -> Response:
    response = Response(data, mimetype=media_type)
    disposition = "attachment" if request.args.get("download") else "inline"
    response.headers["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{_quoted(name)}"
    return response


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


# --- System, Body and the Body's lists ---


@bp.get("/")
def system() -> Response:
    return _answer(lambda s, u: oparl.system(u))


@bp.get("/body")
def bodies() -> Response:
    return _answer(
        lambda s, u: {
            "data": [oparl.body(u)],
            "pagination": {"elementsPerPage": 1},
            "links": {"first": request.base_url, "self": request.base_url},
        }
    )


@bp.get("/body/<int:bid>")
def body(bid: int) -> Response:
    if bid != oparl.BODY_ID:
        return _error(404, translate("oparl.error.not_found", _lang()), request.path)
    return _answer(lambda s, u: oparl.body(u))


_LISTS: dict[str, Callable[[Connection, oparl.Urls, oparl.Filters], oparl.Page]] = {
    "organization": oparl.organizations,
    "person": oparl.people,
    "meeting": oparl.meetings,
    "paper": oparl.papers,
    "agendaItem": oparl.agenda_items,
    "file": oparl.files,
    "legislativeTerm": lambda s, u, f: oparl.legislative_terms(),
}


@bp.get("/body/<int:bid>/<name>")
def body_list(bid: int, name: str) -> Response:
    read = _LISTS.get(name)
    if bid != oparl.BODY_ID or read is None:
        return _error(404, translate("oparl.error.not_found", _lang()), request.path)
    return _list(read, oparl.MEETINGS_PER_PAGE if name == "meeting" else oparl.PAGE_SIZE)


# --- the objects ---


@bp.get("/committee/<int:oid>")
def committee(oid: int) -> Response:
    return _answer(lambda s, u: oparl.committee(s, u, oid))


@bp.get("/committee/<int:oid>/meeting")
def committee_meetings(oid: int) -> Response:
    def read(s: Connection, u: oparl.Urls, f: oparl.Filters) -> oparl.Page:
        return oparl.committee_meetings(s, u, f, oid)

    return _list(read, oparl.MEETINGS_PER_PAGE)


@bp.get("/organisation/<int:oid>")
def organisation(oid: int) -> Response:
    return _answer(lambda s, u: oparl.organisation(s, u, oid))


@bp.get("/membership/<int:oid>")
def membership(oid: int) -> Response:
    return _answer(lambda s, u: oparl.membership(s, u, oid))


@bp.get("/representation/<int:oid>")
def representation(oid: int) -> Response:
    return _answer(lambda s, u: oparl.representation(s, u, oid))


@bp.get("/person/<int:oid>")
def person(oid: int) -> Response:
    return _answer(lambda s, u: oparl.person(s, u, oid))


@bp.get("/meeting/<int:oid>")
def meeting(oid: int) -> Response:
    return _answer(lambda s, u: oparl.meeting(s, u, oid))


@bp.get("/meeting/<int:oid>/location")
def location(oid: int) -> Response:
    return _answer(lambda s, u: oparl.location(s, u, oid))


@bp.get("/meeting/<int:oid>/invitation")
def invitation(oid: int) -> Response:
    return _answer(lambda s, u: oparl.invitation(s, u, oid)[0])


@bp.get("/meeting/<int:oid>/invitation/content")
def invitation_content(oid: int) -> Response:
    try:
        with _reading() as conn:
            obj, data = oparl.invitation(conn, _urls(), oid)
    except oparl.NotPublic:
        return _error(404, translate("oparl.error.not_found", _lang()), request.path)
    return _file(obj["fileName"], "text/plain; charset=utf-8", data)


@bp.get("/agendaItem/<int:oid>")
def agenda_item(oid: int) -> Response:
    return _answer(lambda s, u: oparl.agenda_item(s, u, oid))


@bp.get("/paper/<int:oid>")
def paper(oid: int) -> Response:
    return _answer(lambda s, u: oparl.paper(s, u, oid))


@bp.get("/file/<int:oid>")
def file(oid: int) -> Response:
    return _answer(lambda s, u: oparl.file(s, u, oid))


@bp.get("/file/<int:oid>/content")
def file_content(oid: int) -> Response:
    try:
        with _reading() as conn:
            name, media_type, data = oparl.file_content(conn, oid)
    except oparl.NotPublic:
        return _error(404, translate("oparl.error.not_found", _lang()), request.path)
    return _file(name, media_type, data)


@bp.get("/<path:rest>")
def unknown(rest: str) -> Response:
    return _error(404, translate("oparl.error.not_found", _lang()), request.path)


def is_oparl(endpoint: str | None) -> bool:
    """Whether *endpoint* belongs to the interface: open, without session or CSRF."""
    return endpoint is not None and endpoint.startswith("oparl.")
