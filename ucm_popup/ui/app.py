"""The tray app: one asyncio loop on Qt (qasync), the core wired to the tray and the popups.

``run_tray_app`` is what ``ucm-popup`` (no command) runs.  Every quit path (the tray's Quit,
SIGINT/SIGTERM, ``aboutToQuit``, closing the fallback window) sets the core's one stop event;
``TrayApp.run`` then closes the stream and the CRM client with timeouts.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import AsyncExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import qasync
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from ucm_popup import APP_NAME, __version__
from ucm_popup.app import PopupApp, RecentCall, internal_error, source_configured
from ucm_popup.dial import dial_available
from ucm_popup.errors import SettingsError, UcmPopupError
from ucm_popup.logs import default_log_file, log_to_file, redact
from ucm_popup.loops import run as run_on_own_loop
from ucm_popup.settings import Settings, load_settings
from ucm_popup.text import one_line
from ucm_popup.ui.bridge import CoreBridge
from ucm_popup.ui.i18n import LANGUAGE, apply_language, arg, translate
from ucm_popup.ui.icons import app_icon
from ucm_popup.ui.popup_manager import PopupManager
from ucm_popup.ui.single_instance import SingleInstance, instance_lock, server_name
from ucm_popup.ui.tray import TrayActions, TrayController

if TYPE_CHECKING:
    from ucm_popup.options import Options
    from ucm_popup.secrets import SecretStore

log = logging.getLogger(__name__)
T = TypeVar("T")
BROWSER_ENV = "UCM_POPUP_BROWSER"  # admins and tests: a command that opens a URL (URL appended)
ERROR_NOTICE_INTERVAL_S = 60.0
ERROR_NOTICE_CHARS = 200


def prefer_xwayland(environ: MutableMapping[str, str], system: str = sys.platform) -> bool:
    """On a Linux Wayland desktop, run on XWayland (Qt's xcb) unless a Qt platform was chosen.

    Wayland lets no app place its own window or keep it above the others, and the popup needs
    both (a corner of the chosen screen, on top, without taking focus); XWayland windows can.
    Without XWayland ($DISPLAY unset) Wayland it is, and popups go where the desktop puts them.
    """
    if not system.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return False
    if environ.get("XDG_SESSION_TYPE") != "wayland" and not environ.get("WAYLAND_DISPLAY"):
        return False
    if not environ.get("DISPLAY"):
        return False
    environ["QT_QPA_PLATFORM"] = "xcb"
    return True


def qt_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        prefer_xwayland(os.environ)
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setQuitOnLastWindowClosed(False)  # a tray app lives on without windows (qasync #39)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("ucm-popup")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    return app


def run_on_qt_loop(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run ``main`` on the one qasync loop, of the selector kind on every OS: Windows' default
    (``qasync.QEventLoop`` is the proactor there) has no ``add_reader``, which the relay's MQTT
    client needs (``ucm_popup/loops.py``)."""
    return run_on_own_loop(main(), qasync.QSelectorEventLoop)


def open_in_browser(url: str) -> bool:
    """Open ``url`` with $UCM_POPUP_BROWSER if set, else the desktop's default browser."""
    if not url.lower().startswith(("https://", "http://")):
        log.warning("not opening %r: only http(s) links are opened", url)
        return False
    command = os.environ.get(BROWSER_ENV, "").strip()
    if command:
        try:
            subprocess.Popen(
                [*browser_command(command), url],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                start_new_session=True,
            )
            return True
        except (OSError, ValueError) as exc:  # ValueError: an unbalanced quote
            log.error("%s=%r could not be started: %s", BROWSER_ENV, command, exc)
            return False
    return QDesktopServices.openUrl(QUrl(url))


def browser_command(command: str, system: str = sys.platform) -> list[str]:
    """$UCM_POPUP_BROWSER as a program and its arguments, split by the system's own rules:
    on Windows a path's backslashes are no escapes (``"C:\\Program Files\\...\\chrome.exe" -x``)."""
    if system != "win32":
        return shlex.split(command)
    return [part[1:-1] if len(part) > 1 and part[0] == part[-1] == '"' else part
            for part in shlex.split(command, posix=False)]


class TrayApp:
    def __init__(
        self, qapp: QApplication, options: Options, instance: SingleInstance | None
    ) -> None:
        self.qapp = qapp
        self.options = options
        self.instance = instance
        self.bridge = CoreBridge()
        self.core: PopupApp | None = None
        self.tray: TrayController | None = None
        self.popups: PopupManager | None = None
        self.demo: Any = None
        self.secrets: SecretStore | None = None
        self._settings_dialog: Any = None
        self._dial_box: Any = None
        # Links and ``ucm-popup dial`` can come while the app is still starting: they wait.
        self._early_dials: list[tuple[str, Callable[[dict[str, Any]], None]]] = []
        if instance is not None:
            instance.dial_requested.connect(self.dial_for_another)
        from ucm_popup.ui.url_events import OpenUrlFilter

        self._url_filter = OpenUrlFilter(lambda link: self.dial_for_another(link, _no_reply))
        qapp.installEventFilter(self._url_filter)
        self._last_error_notice = 0.0
        self._stop_requested = False
        self.log_file: Path | None = None  # where errors' details go, when there is one

    # -- start and stop ----------------------------------------------------------------------

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        # qasync's default executor starts ten QThreads at once; two lazy threads are plenty for
        # the few blocking calls (settings file, keyring) and keep idle memory down.
        loop.set_default_executor(ThreadPoolExecutor(max_workers=2, thread_name_prefix="io"))
        self._install_error_handlers(loop)
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, self.request_stop)
            except (NotImplementedError, RuntimeError, ValueError):
                signal.signal(sig, lambda *_: self.request_stop())
        async with AsyncExitStack() as stack:
            settings, secrets, warnings, problem = await self._environment(stack)
            self.secrets = secrets
            if language_warning := apply_language(settings.ui.language, self.qapp):
                warnings.append(language_warning)
            self.core = PopupApp(self.bridge, settings, secrets, on_error=self.report_error,
                                 settings_problem=problem, demo=self.options.demo)
            if self._stop_requested:  # a signal came while the simulators were starting
                self.core.request_stop()
            self.popups = PopupManager(
                settings.popup, open_url=self.open_url, create_url=self.create_record_url,
                dial=self.dial,
            )
            self.popups.dial_ready = dial_available(settings)
            self.popups.notes_enabled = _writes_to_crm(settings)
            self.tray = TrayController(
                TrayActions(
                    quit=self.request_stop,
                    settings=self.open_settings,
                    about=self.show_about,
                    reset_position=self.popups.reset_position,
                    open_recent=self.open_recent,
                    ring_me=self.ring_me if self.demo is not None else None,
                    dial=self.open_dial_box,
                    call_back=self.call_back,
                    focus_popup=self.popups.focus_latest,
                ),
                version=__version__,
                extension=settings.ucm.extension,
            )
            self._wire()
            self.tray.show()
            # Once the icon is up and the loop idle: what the first popup needs, made ready.
            QTimer.singleShot(0, self.popups.warm_up)
            if warnings:  # one notification, however many keys were off
                self.tray.notify(translate("App", "Settings"), "\n".join(warnings), warning=True)
            self.qapp.aboutToQuit.connect(self.request_stop)
            await self.core.start()
            early, self._early_dials = self._early_dials, []
            for number, reply in early:
                self.dial(number, reply=reply)
            if not self.options.demo and not source_configured(settings):
                self.open_settings()
            await self.core.stopping.wait()
            self.popups.dismiss_all()
            await self.core.shutdown()
            self.tray.hide()
        self.qapp.removeEventFilter(self._url_filter)
        return 0

    async def _environment(
        self, stack: AsyncExitStack
    ) -> tuple[Settings, SecretStore, list[str], str]:
        """Settings, secrets, warnings to show, and why the settings file is unusable."""
        if self.options.demo:
            from ucm_popup.demo import demo_environment

            self.demo = await stack.enter_async_context(demo_environment())
            return self.demo.settings, self.demo.secrets, [], ""
        from ucm_popup.secrets import default_secret_store

        try:
            settings, warnings = await asyncio.to_thread(load_settings, self.options.config_path)
        except SettingsError as exc:
            if self.options.config_path.exists():
                log.error("%s", exc)
                return Settings(), default_secret_store(), [], str(exc)
            return Settings(), default_secret_store(), [], ""  # first run: not configured
        return settings, default_secret_store(), list(warnings), ""

    def _wire(self) -> None:
        assert self.tray is not None and self.popups is not None
        self.bridge.health.connect(self.tray.set_health)
        self.bridge.writes.connect(self.tray.set_writes)
        assert self.core is not None
        self.popups.note_started.connect(self.core.note_started)
        self.popups.note_finished.connect(self.core.finish_note)
        self.popups.picked.connect(self.core.pick_record)
        self.bridge.call.connect(self.popups.on_call)
        self.bridge.lookup.connect(self.popups.on_lookup)
        self.bridge.recent.connect(self.tray.update_recent)
        self.tray.pause_toggled.connect(self._set_paused)
        if self.instance is not None:
            self.instance.another_started.connect(self._another_instance)

    def _another_instance(self) -> None:
        if self.tray is not None:
            self.tray.notify("ucm-popup", translate("App", "ucm-popup is already running"))

    def request_stop(self) -> None:
        self._stop_requested = True
        if self.core is not None:
            self.core.request_stop()

    # -- errors: logged, and shown once a minute at most; nothing dies silently --------------

    def _install_error_handlers(self, loop: asyncio.AbstractEventLoop) -> None:
        def excepthook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
            if issubclass(kind, KeyboardInterrupt):
                self.request_stop()
                return
            self.report_error(exc)

        def loop_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            exc = context.get("exception")
            if isinstance(exc, BaseException):
                self.report_error(exc)
            else:
                log.error("event loop: %s", context.get("message"))

        sys.excepthook = excepthook
        loop.set_exception_handler(loop_handler)

    def report_error(self, exc: BaseException) -> None:
        log.error("unexpected error: %s", exc, exc_info=(type(exc), exc, exc.__traceback__))
        now = time.monotonic()
        if self.tray is not None and now - self._last_error_notice > ERROR_NOTICE_INTERVAL_S:
            self._last_error_notice = now
            details = (arg(translate("App", "details in %1"), self.log_file) if self.log_file
                       else translate("App", "run with -v for details"))
            # The exception's text may quote a server's answer or a URL with a token in it.
            what = one_line(redact(f"{type(exc).__name__}: {exc}"), ERROR_NOTICE_CHARS)
            self.tray.notify(translate("App", "ucm-popup hit an error"), f"{what} ({details})",
                             warning=True)

    # -- menu actions ------------------------------------------------------------------------

    def open_url(self, url: str) -> None:
        if not open_in_browser(url) and self.tray is not None:
            self.tray.notify(translate("App", "Could not open the browser"), url, warning=True)

    def create_record_url(self, module: str, number: str) -> str:
        """The CRM's new-record form; Zoho cannot pre-fill it, so the number goes to the
        clipboard to paste."""
        assert self.core is not None and self.tray is not None
        url = self.core.create_record_url(module, number)
        if url and number:
            self.tray.copy_number(number)
        return url

    def open_recent(self, call: RecentCall) -> None:
        if call.url:
            self.open_url(call.url)
        elif self.tray is not None and call.number:
            self.tray.copy_number(call.number)

    def _set_paused(self, paused: bool) -> None:
        if self.popups is not None:
            self.popups.paused = paused

    def ring_me(self) -> None:
        if self.demo is None or self.demo.ucm is None or self.core is None:
            return
        result = self.demo.ucm.ring_now()
        if inspect.isawaitable(result):
            self.core.supervisor.spawn(_awaited(result), "demo-ring")

    # -- click-to-dial -----------------------------------------------------------------------

    def open_dial_box(self) -> None:
        """The **Dial…** box, pre-filled from the clipboard when it holds a number."""
        from PySide6.QtGui import QGuiApplication

        from ucm_popup.dial import dial_number
        from ucm_popup.ui.dial_box import DialBox

        if self.core is None:
            return
        if self._dial_box is not None and self._dial_box.isVisible():
            self._dial_box.raise_()
            self._dial_box.activateWindow()
            return
        core = self.core
        box = DialBox(lambda text: dial_number(core.settings, text),
                      extension=core.settings.ucm.extension or translate("App", "not set"),
                      clipboard=QGuiApplication.clipboard().text())
        box.submitted.connect(lambda text: self.dial(text, box=box))
        box.show()
        box.raise_()
        box.activateWindow()
        self._dial_box = box

    def call_back(self, call: RecentCall) -> None:
        self.dial(call.number)

    def dial_for_another(self, number: str, reply: Callable[[dict[str, Any]], None]) -> None:
        """A number from ``ucm-popup dial`` or a tel: link, handed over by the instance channel."""
        if self.core is None or self.tray is None:
            self._early_dials.append((number, reply))
            return
        self.dial(number, reply=reply)

    def dial(self, text: str, *, box: Any = None,
             reply: Callable[[dict[str, Any]], None] | None = None) -> None:
        if self.core is not None:
            self.core.supervisor.spawn(self._dial(text, box, reply), "dial")

    async def _dial(self, text: str, box: Any,
                    reply: Callable[[dict[str, Any]], None] | None) -> None:
        assert self.core is not None and self.tray is not None
        try:
            result = await self.core.dial(text)
        except Exception as exc:
            known = isinstance(exc, UcmPopupError)
            if not known:
                self.report_error(exc)  # a bug: logged with its details, and shown
            why = str(exc) if known else internal_error(exc)
            if box is not None:
                box.dial_failed(why)
            else:
                self.tray.notify(translate("App", "Could not dial"), why, warning=True)
            if reply is not None:
                reply({"ok": False, "error": why,
                       "exit_code": exc.exit_code if isinstance(exc, UcmPopupError) else 1})
            return
        if box is not None:
            box.accept()
        self.tray.notify(arg(translate("App", "Dialling %1"), result.number),
                         arg(translate("App", "Pick up your phone (extension %1) when it rings"),
                             result.extension))
        if reply is not None:
            reply({"ok": True, **result.to_json()})

    def show_about(self) -> None:
        # Where things are, for whoever helps the agent: the settings file and the log.
        places = [] if self.options.demo else [
            arg(translate("App", "Settings: %1"), self.options.config_path)]
        if self.log_file is not None:
            places.append(arg(translate("App", "Log: %1"), self.log_file))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("App", "About ucm-popup"),
            "\n\n".join([
                f"ucm-popup {__version__}",
                translate("App", "Caller popups with Zoho CRM records for Grandstream UCM "
                                 "extensions."),
                *(["\n".join(places)] if places else []),
                translate("App", "Open source (MIT licence)."),
            ]),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setModal(False)
        box.open()  # never exec(): no nested event loop under qasync (#59)
        self._about = box

    def open_settings(self) -> None:
        assert self.tray is not None
        if self.options.demo:
            self.tray.notify(
                translate("App", "Demo mode"),
                translate("App", "The demo runs on built-in settings; start ucm-popup without "
                                 "--demo to set up your own UCM and CRM."))
            return
        try:
            from ucm_popup.ui.settings_dialog import SettingsDialog
        except ImportError:
            folder = self.options.config_path.parent
            folder.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.fspath(folder)))
            self.tray.notify(translate("App", "Settings"),
                             arg(translate("App", "Edit %1 and restart ucm-popup"),
                                 self.options.config_path))
            return
        if self._settings_dialog is not None and self._settings_dialog.isVisible():
            self._settings_dialog.raise_()
            return
        assert self.secrets is not None
        self._settings_dialog = SettingsDialog(self.options.config_path, self.secrets)
        writes = self.core.writes_status if self.core is not None else None
        if writes is not None and writes.missing_scope:  # Settings names what to fix
            self._settings_dialog.crm.note_refused_scope(writes.missing_scope)
        self._settings_dialog.saved.connect(self.reload_settings)
        self._settings_dialog.show()

    def reload_settings(self, saved: object = None) -> None:
        """The settings dialog saved: reconnect with the new settings, no restart."""
        if self.core is not None:
            self.core.supervisor.spawn(self._reload(saved), "reload-settings")

    async def _reload(self, saved: object = None) -> None:
        from ucm_popup.secrets import default_secret_store

        assert self.core is not None and self.popups is not None and self.tray is not None
        warnings: list[str] = []
        if isinstance(saved, Settings):
            settings = saved
        else:
            try:
                path = self.options.config_path
                settings, warnings = await asyncio.to_thread(load_settings, path)
            except SettingsError as exc:
                self.tray.notify(translate("App", "Settings"), str(exc), warning=True)
                return
        self.secrets = default_secret_store()
        self.popups.settings = settings.popup
        self.popups.dial_ready = dial_available(settings)
        self.popups.notes_enabled = _writes_to_crm(settings)
        self.tray.extension = settings.ucm.extension
        language = LANGUAGE.code
        if language_warning := apply_language(settings.ui.language, self.qapp):
            warnings.append(language_warning)
        if LANGUAGE.code != language:  # the menu and the spare popup in the new words
            self.tray.retranslate()
            self.popups.warm_up()
        if warnings:
            self.tray.notify(translate("App", "Settings"), "\n".join(warnings), warning=True)
        await self.core.reload(settings, self.secrets)


def _writes_to_crm(settings: Settings) -> bool:
    """Answered calls get a note field when this desk writes calls to the CRM."""
    from ucm_popup.crm.writes import desk_writes  # imported late: start-up stays light

    return desk_writes(settings)


def _no_reply(_answer: dict[str, Any]) -> None:
    """A link opened by the desktop itself waits for no answer (failures are notified)."""


async def _awaited(awaitable: Any) -> None:
    await awaitable


# macOS hands a tel: link to the app as an open-URL event, and may give it to a copy it starts
# although one runs already (``open -n``, a second bundle): that copy forwards it and exits.
# Elsewhere a link arrives as a ``dial`` command line, never as an event.
LINKS_COME_AS_EVENTS = sys.platform == "darwin"
LINK_EVENT_WAIT_S = 2.0


def forward_opened_links(qapp: QApplication, demo: bool,
                         wait_s: float = LINK_EVENT_WAIT_S) -> list[str]:
    """The link this second copy was started for, handed to the running tray, which dials it
    (and shows a failure); waits for the event at most ``wait_s``."""
    from PySide6.QtCore import QEventLoop, QTimer

    from ucm_popup.instance_channel import ask_running_instance
    from ucm_popup.ui.url_events import OpenUrlFilter

    links: list[str] = []
    waiting = QEventLoop()

    def take(link: str) -> None:
        links.append(link)
        waiting.quit()

    url_filter = OpenUrlFilter(take)
    qapp.installEventFilter(url_filter)
    QTimer.singleShot(int(wait_s * 1000), waiting.quit)
    try:
        waiting.exec()
    finally:
        qapp.removeEventFilter(url_filter)
    for link in links:
        if ask_running_instance(demo, link) is None:
            log.warning("the running ucm-popup did not take the link %s", one_line(link, 80))
    return links


def run_tray_app(options: Options) -> int:
    qapp = qt_application()
    qapp.setWindowIcon(app_icon())
    instance = SingleInstance(server_name(options.demo), instance_lock(options.demo))
    if not instance.acquire():
        if LINKS_COME_AS_EVENTS:
            forward_opened_links(qapp, options.demo)
        what = "the ucm-popup demo" if options.demo else "ucm-popup"
        print(f"{APP_NAME}: {what} is already running (see its icon in the system tray)",
              file=sys.stderr)
        return 0
    app = TrayApp(qapp, options, instance)
    # One writer (after the single-instance check); the demo leaves no trace on the desk.
    log_file = None if options.demo else default_log_file()
    if log_file is not None and log_to_file(log_file, options.verbose):
        app.log_file = log_file
        log.info("ucm-popup %s started (Qt %s)", __version__, qapp.platformName())
    logging.getLogger("qasync").setLevel(max(logging.INFO, logging.getLogger().level))
    try:
        code = run_on_qt_loop(app.run)
    except KeyboardInterrupt:
        code = 0
    finally:
        instance.release()
    log.info("ucm-popup stopped")  # a clean stop only: its absence in the log file marks a crash
    return code
