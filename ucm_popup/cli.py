"""Entry point: parse the command line and run the tray app or a headless command.

Every failure ends here as exactly one line on stderr and its documented exit code
(docs/json-output.md); no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from ucm_popup import APP_NAME, __version__
from ucm_popup.errors import SettingsError, UcmPopupError
from ucm_popup.logs import setup_logging
from ucm_popup.loops import run as run_on_own_loop
from ucm_popup.options import Options
from ucm_popup.settings import resolve_config_path
from ucm_popup.text import one_line

log = logging.getLogger(__name__)
# Long enough for the longest line of our own (an untrusted certificate: its fingerprint twice
# and how to pin it), short enough that a server's 200 KB answer is no screenful.
ERROR_LINE_CHARS = 800


def _add_common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # On sub-commands the defaults are suppressed so that an option given before the command
    # word is not overwritten by the sub-parser's default (``--demo watch`` == ``watch --demo``).
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="run against built-in simulators of a UCM and of Zoho CRM (no network, no login)",
    )
    parser.add_argument(
        "--config", metavar="PATH", default=default, help="the settings file to use"
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="debug logging to stderr (never shows secrets)",
    )


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2 (docs/json-output.md)
        raise SettingsError(f"{message} (see {APP_NAME} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=APP_NAME,
        description="Caller popups with Zoho CRM records for a Grandstream UCM extension. "
        "Without a command, starts the tray app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _add_common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    watch = sub.add_parser("watch", help="print the extension's call events as JSON lines")
    _add_common(watch, suppress=True)
    lookup = sub.add_parser("lookup", help="look a number up in the CRM and print JSON")
    lookup.add_argument("number", metavar="NUMBER")
    _add_common(lookup, suppress=True)
    dial = sub.add_parser(
        "dial", help="ring the extension's phone, then call NUMBER (also tel: and callto: links)"
    )
    dial.add_argument("number", metavar="NUMBER")
    _add_common(dial, suppress=True)
    relay = sub.add_parser(
        "relay", help="the site relay: every extension's call events to an MQTT broker"
    )
    _add_common(relay, suppress=True)
    view_user = sub.add_parser(
        "view-user", help="add, change (password from a prompt or stdin) or --delete a "
        "user of the relay's site view")
    view_user.add_argument("name", metavar="NAME")
    view_user.add_argument("--delete", action="store_true", help="delete NAME")
    _add_common(view_user, suppress=True)
    authorize = sub.add_parser(
        "authorize-zoho",
        help="exchange a Zoho self-client grant code for a refresh token (stored in the keyring)",
    )
    authorize.add_argument("code", metavar="CODE")
    _add_common(authorize, suppress=True)
    check = sub.add_parser(
        "zoho-check",
        help="write one test call to Zoho CRM, read it back and delete it (prints JSON)",
    )
    _add_common(check, suppress=True)
    return parser


LINK_SCHEMES = ("tel:", "callto:")


def with_link_as_dial(argv: Sequence[str]) -> list[str]:
    """``ucm-popup tel:+33…`` (how the desktop opens a link with us) is ``ucm-popup dial …``."""
    args = list(argv)
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--config":
            index += 2
            continue
        if not arg.startswith("-"):
            if arg.lower().startswith(LINK_SCHEMES):
                args.insert(index, "dial")
            break
        index += 1
    return args


def parse_options(argv: Sequence[str]) -> Options:
    args = build_parser().parse_args(with_link_as_dial(argv))
    return Options(
        command=args.command,
        config_path=resolve_config_path(args.config),
        demo=bool(args.demo),
        verbose=bool(args.verbose),
        number=getattr(args, "number", ""),
        code=getattr(args, "code", ""),
        name=getattr(args, "name", ""),
        delete=bool(getattr(args, "delete", False)),
    )


def run_until_signal(main: Callable[[], Coroutine[Any, Any, int]]) -> int:
    """Run ``main`` on a fresh loop (a selector loop on every OS: ``loops.py``); SIGINT/SIGTERM
    cancel it and give a clean exit 0."""

    async def runner() -> int:
        task = asyncio.current_task()
        assert task is not None
        loop = asyncio.get_running_loop()
        stopped = False

        def stop() -> None:
            nonlocal stopped
            stopped = True
            task.cancel()

        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop)
            except (NotImplementedError, RuntimeError):  # Windows: KeyboardInterrupt instead
                pass
        try:
            return await main()
        except asyncio.CancelledError:
            if stopped:
                return 0
            raise

    try:
        return run_on_own_loop(runner())
    except KeyboardInterrupt:
        return 0


def dispatch(options: Options) -> int:
    if options.command == "watch":
        from ucm_popup.commands.watch import run_watch

        return run_until_signal(lambda: run_watch(options))
    if options.command == "lookup":
        from ucm_popup.commands.lookup import run_lookup

        return run_until_signal(lambda: run_lookup(options))
    if options.command == "dial":
        from ucm_popup.commands.dial import run_dial

        return run_until_signal(lambda: run_dial(options))
    if options.command == "relay":
        from ucm_popup.commands.relay import run_relay

        return run_until_signal(lambda: run_relay(options))
    if options.command == "view-user":
        from ucm_popup.commands.view_user import run_view_user

        return run_view_user(options)
    if options.command == "authorize-zoho":
        from ucm_popup.commands.authorize import run_authorize

        return run_until_signal(lambda: run_authorize(options))
    if options.command == "zoho-check":
        from ucm_popup.commands.zoho_check import run_zoho_check

        return run_until_signal(lambda: run_zoho_check(options))
    from ucm_popup.ui.app import run_tray_app

    return run_tray_app(options)


def fail(message: str) -> None:
    """The one stderr line of a failure.  Its text may quote a server (a reason, an answer):
    control characters are escaped and it is cut, so that it stays one line a person can read
    and cannot steer the terminal."""
    line = f"{APP_NAME}: {one_line(message, ERROR_LINE_CHARS)}"
    if sys.stderr is None:  # the windowed Windows program (a tel: link's handler): no console
        show_message_box(line)
        return
    print(line, file=sys.stderr)


def show_message_box(text: str) -> None:
    """Where a windowed program without a running tray can say why a link was not dialled:
    a Windows message box (user32, no Qt to load for one line)."""
    log.error("%s", text)
    if sys.platform == "win32":
        import ctypes

        mb_iconwarning, mb_setforeground = 0x30, 0x10000
        ctypes.windll.user32.MessageBoxW(None, text, "UCM Popup",
                                         mb_iconwarning | mb_setforeground)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        options = parse_options(argv)
    except SettingsError as exc:
        fail(str(exc))
        return exc.exit_code
    setup_logging(options.verbose)
    try:
        return dispatch(options)
    except UcmPopupError as exc:
        log.debug("command failed", exc_info=True)
        fail(str(exc))
        return exc.exit_code
    except Exception as exc:  # the last net: one line, never a traceback
        log.error("unexpected failure", exc_info=True)
        fail(f"unexpected error: {type(exc).__name__}: "
             f"{one_line(str(exc), ERROR_LINE_CHARS // 2)} (run with -v for details)")
        return 1
