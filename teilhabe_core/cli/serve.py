"""``serve``: preview a published folder on http://127.0.0.1 (not for production)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..base.errors import FileError, UsageError
from ..base.i18n import N_, _, translate
from . import common
from .common import EXIT_OK

STATUS_TEXT = {200: N_("ok"), 304: N_("unchanged"), 404: N_("not found"), 403: N_("forbidden"),
               301: N_("redirected"), 400: N_("bad request"), 501: N_("not supported")}


def make_server(folder: Path, port: int) -> Any:
    """A threading HTTP server on 127.0.0.1:``port`` (0: a free one) serving ``folder``,
    logging one line per request to stderr, in the user's language."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            number = int(code) if str(code).isdigit() else 0
            text = translate(STATUS_TEXT.get(number, ""))
            print(f"{self.log_date_time_string()} {self.command} {self.path} → {code}"
                  f"{' ' + text if text else ''}", file=sys.stderr, flush=True)

        def log_error(self, format: str, *args: Any) -> None:
            pass  # the request line above says it; http.server's English adds nothing

    handler = functools.partial(Handler, directory=str(folder))
    try:
        return ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        from ..base.fileio import os_reason

        raise UsageError(_("The port {port} on 127.0.0.1 is not available: {reason}.",
                           port=port, reason=os_reason(exc))) from None


def cmd_serve(args: argparse.Namespace) -> int:
    folder = Path(args.folder).resolve()
    if not (folder / "index.html").is_file():
        raise FileError(_("The folder {folder} holds no publication (index.html is missing); "
                          "first: teilhabe publish --out {folder}", folder=folder), str(folder))
    server = make_server(folder, args.port)
    port = server.server_address[1]
    print(_("Preview of {folder} at http://127.0.0.1:{port}/ (end it with Ctrl+C)",
            folder=folder, port=port), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(_("Preview ended."), file=sys.stderr, flush=True)
    finally:
        server.server_close()
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    text = _("preview a published folder on http://127.0.0.1")
    p = sub.add_parser("serve", help=text, description=text)
    p.add_argument("folder", metavar=_("DIR"), help=_("the folder 'publish --out' wrote"))
    p.add_argument("--port", type=common.port, default=8000, metavar="PORT",
                   help=_("port (default 8000; 0: any free one)"))
    p.set_defaults(func=cmd_serve)
