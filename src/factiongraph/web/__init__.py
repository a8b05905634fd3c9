"""The factiongraph web application (FastAPI): `create_app(db)`, served by `factiongraph serve`."""

from factiongraph.web.app import create_app

__all__ = ["create_app"]
