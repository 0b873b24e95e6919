"""``serve``: preview a published folder on http://127.0.0.1 (not for production)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..base.errors import FileError, UsageError
from .common import EXIT_OK

STATUS_TEXT = {200: "ok", 304: "unverändert", 404: "nicht gefunden", 403: "verboten",
               301: "weitergeleitet", 400: "ungültige Anfrage", 501: "nicht unterstützt"}


def make_server(folder: Path, port: int) -> Any:
    """A threading HTTP server on 127.0.0.1:``port`` (0: a free one) serving ``folder``,
    logging one German line per request to stderr."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            number = int(code) if str(code).isdigit() else 0
            text = STATUS_TEXT.get(number, "")
            print(f"{self.log_date_time_string()} {self.command} {self.path} → {code}"
                  f"{' ' + text if text else ''}", file=sys.stderr, flush=True)

        def log_error(self, format: str, *args: Any) -> None:
            pass  # the request line above says it (German), the English text adds nothing

    handler = functools.partial(Handler, directory=str(folder))
    try:
        return ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        from ..base.fileio import os_reason

        raise UsageError(f"Der Port {port} auf 127.0.0.1 ist nicht verfügbar: "
                         f"{os_reason(exc)}.") from None


def cmd_serve(args: argparse.Namespace) -> int:
    folder = Path(args.folder).resolve()
    if not (folder / "index.html").is_file():
        raise FileError(f"Im Ordner {folder} liegt keine Veröffentlichung (index.html fehlt); "
                        "zuerst: teilhabe publish --out ORDNER", str(folder))
    if not 0 <= args.port <= 65535:
        raise UsageError(f"Der Port muss zwischen 0 und 65535 liegen, nicht {args.port}.")
    server = make_server(folder, args.port)
    port = server.server_address[1]
    print(f"Vorschau von {folder} unter http://127.0.0.1:{port}/ (Beenden mit Strg+C)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Vorschau beendet.", file=sys.stderr, flush=True)
    finally:
        server.server_close()
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("serve", help="preview a published folder on http://127.0.0.1")
    p.add_argument("folder", metavar="DIR", help="the folder 'publish --out' wrote")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free)")
    p.set_defaults(func=cmd_serve)
