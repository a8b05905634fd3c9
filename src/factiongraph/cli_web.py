"""`factiongraph serve`: the web application over a store (needs the `web` extra)."""

from __future__ import annotations

import ipaddress
import os
import stat
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from factiongraph.cli_common import DbOpt
from factiongraph.config import DEPRECATED_TOKEN_ENV, ENV_PREFIX, REGISTRY_ENV, TOKEN_ENV, api_token
from factiongraph.store.core import DEFAULT_DB, StoreError, is_postgres

err = Console(stderr=True, soft_wrap=True)
ALLOWED_HOSTS_ENV = ENV_PREFIX + "ALLOWED_HOSTS"


class TokenError(ValueError):
    """A token file that cannot be used."""


def is_loopback(host: str) -> bool:
    """Whether listening on `host` keeps the server on this machine (localhost, 127.0.0.0/8, ::1)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def read_token_file(path: Path) -> tuple[str, str | None]:
    """The token in `path` (its first line, stripped) and a warning when others may read the file."""
    try:
        text = path.read_text(encoding="utf-8")
        mode = path.stat().st_mode
    except (OSError, UnicodeDecodeError) as e:
        raise TokenError(f"cannot read the token file {path}: {e}") from None
    token = (text.splitlines() or [""])[0].strip()
    if not token:
        raise TokenError(f"the token file {path} is empty")
    warning = None
    if os.name == "posix" and mode & (stat.S_IRGRP | stat.S_IROTH):
        warning = f"the token file {path} is readable by other users (chmod 600 {path})"
    return token, warning


def hosts_from_env(value: str | None) -> list[str]:
    """Host names from a comma- or space-separated environment variable."""
    return [h for h in (value or "").replace(",", " ").split() if h]


def register(app: typer.Typer) -> None:
    """Adds the `serve` command to the `factiongraph` command line."""

    @app.command()
    def serve(
        db: DbOpt = DEFAULT_DB,
        host: Annotated[
            str, typer.Option(help="Address to listen on. Anything but a loopback address is reachable from the "
                                   "network, which is warned about.")  # fmt: skip
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
        token_file: Annotated[
            Path | None,
            typer.Option(help="File whose first line is the API token enabling POST /api/documents "
                              f"(or set ${TOKEN_ENV}; ${DEPRECATED_TOKEN_ENV} is read too, deprecated; none: "
                              "read-only).", show_default=False),  # fmt: skip
        ] = None,
        token: Annotated[
            str | None,
            typer.Option(help="The API token itself. Visible to every user in the process list: prefer "
                              f"--token-file or ${TOKEN_ENV}.", show_default=False),  # fmt: skip
        ] = None,
        allow_host: Annotated[
            list[str] | None,
            typer.Option(help="Host name the server may be reached under besides localhost, 127.0.0.1 and ::1 "
                              f"(repeatable; '*.example.org' for subdomains, '*' for any; also ${ALLOWED_HOSTS_ENV}, "
                              "comma-separated). Other Host headers get 400, which stops DNS rebinding.",
                         show_default=False),  # fmt: skip
        ] = None,
        registry: Annotated[
            list[Path] | None,
            typer.Option(help="Your own actor registry YAML file, as given to ingest (repeatable): actor pages "
                              "show its profiles.", envvar=REGISTRY_ENV, show_default=False),  # fmt: skip
        ] = None,
        max_body: Annotated[int, typer.Option(min=1, help="Largest request body in bytes (413 above).")] = 1_000_000,
    ) -> None:
        """Serve the web application: overview, actor graph over time, map, actors, events and evidence."""
        try:
            import uvicorn

            from factiongraph.actors.registry import Registry, RegistryError
            from factiongraph.web.app import create_app
        except ImportError as e:
            err.print("[red]error:[/red] " + escape(f"the web application needs its extra: pip install "
                                                   f"'factiongraph[web]' ({e})"))
            raise typer.Exit(2) from None
        if token and token_file:
            err.print("[red]error:[/red] give the token once: --token-file or --token, not both")
            raise typer.Exit(2)
        if token:
            err.print("[yellow]warning:[/yellow] " + escape(
                f"--token is visible to every user of this machine in the process list; use --token-file FILE "
                f"or ${TOKEN_ENV} instead"))  # fmt: skip
        elif token_file is not None:
            try:
                token, warning = read_token_file(token_file)
            except TokenError as e:
                err.print(f"[red]error:[/red] {escape(str(e))}")
                raise typer.Exit(2) from None
            if warning:
                err.print("[yellow]warning:[/yellow] " + escape(warning))
        token = token or api_token(None, warn=lambda m: err.print(f"[yellow]warning:[/yellow] {escape(m)}"))
        if not token and not is_postgres(db) and not Path(db).exists():
            hint = f"no store at {db}: run 'factiongraph ingest PATH --db {db}' first"
            err.print("[red]error:[/red] " + escape(hint))
            raise typer.Exit(2)
        hosts = [*(allow_host or []), *hosts_from_env(os.environ.get(ALLOWED_HOSTS_ENV))]
        if not is_loopback(host):
            err.print("[yellow]warning:[/yellow] " + escape(
                f"listening on {host}: the store can be read by anyone who can reach this machine"
                + (" and the API token travels unencrypted (use a TLS proxy)" if token else "")
                + ("" if hosts else "; add --allow-host NAME for the name or address clients will use")))  # fmt: skip
            if host not in ("0.0.0.0", "::", ""):
                hosts.append(host)  # the address it listens on is a name clients use
        try:
            reg = Registry.load(registry or ())
        except (RegistryError, OSError) as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(2) from None
        try:
            web = create_app(db, token=token, max_body=max_body, hosts=hosts, registry=reg)
        except StoreError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}")
            raise typer.Exit(2) from None
        mode = "writes enabled with the API token" if token else "read-only"
        shown = f"[{host}]" if ":" in host else host
        err.print(escape(f"factiongraph: serving {db} ({mode}) on http://{shown}:{port}/"), highlight=False)
        uvicorn.run(web, host=host, port=port, log_level="info", server_header=False)
