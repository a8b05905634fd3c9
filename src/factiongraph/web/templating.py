"""The Jinja environment every page renders with: one place for its globals and filters, shared by
the app's pages (`web.app`) and the corrections and contradictions pages (`web.corrections`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi.templating import Jinja2Templates
from starlette.requests import Request

from factiongraph.document import CERTAINTIES
from factiongraph.web.queries import is_web_url

TEMPLATES = Path(__file__).resolve().parent / "templates"


def page_href(request: Request, key: str, value: int) -> str:
    """A link to this page with query parameter `key` set to `value` (the other parameters kept)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != key] + [(key, str(value))]
    return quote(request.url.path) + "?" + urlencode(params)


def templates() -> Jinja2Templates:
    """Autoescaping templates with the pages' globals (`certainties`, `page_href`) and filters
    (`thousands`: 1234567 -> "1,234,567"; test `web_url`)."""
    t = Jinja2Templates(directory=str(TEMPLATES))
    t.env.autoescape = True
    t.env.globals["certainties"] = CERTAINTIES
    t.env.globals["page_href"] = page_href
    t.env.filters["thousands"] = lambda n: f"{int(n):,}"
    t.env.tests["web_url"] = is_web_url
    return t
