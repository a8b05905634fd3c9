"""`factiongraph serve`: the web application over a store (needs the `web` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from factiongraph.cli_common import DbOpt
from factiongraph.config import DEPRECATED_TOKEN_ENV, TOKEN_ENV, api_token
from factiongraph.store.core import DEFAULT_DB, StoreError, is_postgres

err = Console(stderr=True, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Adds the `serve` command to the `factiongraph` command line."""

    @app.command()
    def serve(
        db: DbOpt = DEFAULT_DB,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
        token: Annotated[
            str | None,
            typer.Option(help=f"API token enabling POST /api/documents (none: read-only; ${DEPRECATED_TOKEN_ENV} is "
                              "read too, deprecated).", envvar=TOKEN_ENV, show_default=False),
        ] = None,
        max_body: Annotated[int, typer.Option(min=1, help="Largest request body in bytes (413 above).")] = 1_000_000,
    ) -> None:
        """Serve the web application: overview, actor graph over time, map, actors, events and evidence."""
        try:
            import uvicorn

            from factiongraph.web.app import create_app
        except ImportError as e:
            err.print("[red]error:[/red] " + escape(f"the web application needs its extra: pip install "
                                                   f"'factiongraph[web]' ({e})"))
            raise typer.Exit(2) from None
        token = api_token(token, warn=lambda m: err.print(f"[yellow]warning:[/yellow] {escape(m)}"))
        if not token and not is_postgres(db) and not Path(db).exists():
            hint = f"no store at {db}: run 'factiongraph ingest PATH --db {db}' first"
            err.print("[red]error:[/red] " + escape(hint))
            raise typer.Exit(2)
        try:
            web = create_app(db, token=token, max_body=max_body)
        except StoreError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(2) from None
        mode = "writes enabled with the API token" if token else "read-only"
        err.print(escape(f"factiongraph: serving {db} ({mode}) on http://{host}:{port}/"), highlight=False)
        uvicorn.run(web, host=host, port=port, log_level="info", server_header=False)
