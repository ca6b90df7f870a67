"""The agent's language: every window in each shipped language, nothing left in English,
nothing cut off, Arabic mirrored; the language chosen from the desktop or the setting."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ARTIFACTS
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from ucm_popup import secrets
from ucm_popup import translations as catalogues
from ucm_popup.app import LookupOutcome, RecentCall
from ucm_popup.crm.model import Match
from ucm_popup.settings import Settings, UiSettings, parse_settings, save_settings
from ucm_popup.ucm.events import Ringing
from ucm_popup.ui.i18n import (
    LANGUAGE,
    NATIVE_NAMES,
    apply_language,
    choose_language,
    desktop_language,
)

pytestmark = pytest.mark.qt
SHIPPED = ("fr", "de", "es", "it", "pt", "ar")
JANE = Match("Contacts", "1", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78", "06 11 22 33 44",
             "jane@acme.example", "Sam Agent", "https://crm.zoho.com/crm/tab/Contacts/1")
MARC = Match("Leads", "2", "Marc Dubois", "Dubois & Fils", "01 44 55 66 77", "",
             "marc@dubois.example", "Léa Moreau", "https://crm.zoho.com/crm/tab/Leads/2")
# What the windows show that is data, not words of the app: callers, records, numbers, paths.
DATA = {"Jane Doe", "ACME Corp", "Marc Dubois", "Dubois & Fils", "Sam Agent", "Léa Moreau",
        "jane@acme.example", "marc@dubois.example", "0612345678", "0145678900", "ucm-popup",
        "ACME", "Orange SIP", "1002", "Zoho CRM", "Contacts", "Leads", "Accounts", "✕"}


# -- the catalogues --------------------------------------------------------------------------


def catalogue(language: str) -> dict[tuple[str, str], list[str]]:
    return catalogues.read(catalogues.HERE / f"ucm_popup_{language}.ts")


def test_the_catalogues_hold_every_string_of_the_sources_and_no_other() -> None:
    wanted = catalogues.extract(sorted((catalogues.HERE.parent / "ui").glob("*.py")))
    for language in ("en", *SHIPPED):
        root = ET.parse(catalogues.HERE / f"ucm_popup_{language}.ts").getroot()
        held = {(context.findtext("name"), message.findtext("source"))
                for context in root.iter("context") for message in context.iter("message")}
        assert held == set(wanted), f"{language}: run python -m ucm_popup.translations --update"


@pytest.mark.parametrize("language", SHIPPED)
def test_every_string_is_translated_with_its_placeholders_and_markup(language: str) -> None:
    source_of = catalogues.extract(sorted((catalogues.HERE.parent / "ui").glob("*.py")))
    done = catalogue(language)
    assert set(done) == set(source_of), "unfinished translations"
    plural_forms = 6 if language == "ar" else 2
    for (context, source), numerus in source_of.items():
        forms = done[(context, source)]
        assert all(form.strip() for form in forms), (context, source)
        if numerus:
            assert len(forms) == plural_forms, source
            continue
        (text,) = forms
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), source
        assert re.findall(r"</?\w+", text) == re.findall(r"</?\w+", source), source
        assert source.count("&") - 2 * source.count("&&") == text.count("&") - 2 * text.count(
            "&&"), f"mnemonic: {source}"


def test_plurals_follow_each_language(qapp) -> None:  # type: ignore[no-untyped-def]
    from ucm_popup.crm.outbox import OutboxStatus
    from ucm_popup.ui.tray import writes_lines

    seen = {}
    for language, counts in (("en", (1, 2)), ("fr", (1, 2)), ("de", (1, 2)), ("ar", (1, 2, 3))):
        LANGUAGE.install(language)
        seen[language] = [writes_lines(OutboxStatus(waiting=n))[0] for n in counts]
    assert seen["en"] == ["1 call waiting to be written", "2 calls waiting to be written"]
    assert seen["fr"] == ["1 appel en attente d'écriture", "2 appels en attente d'écriture"]
    assert seen["de"] == ["1 Anruf wartet auf das Schreiben", "2 Anrufe warten auf das Schreiben"]
    assert seen["ar"] == ["مكالمة واحدة تنتظر الكتابة", "مكالمتان تنتظران الكتابة",
                          "٣ مكالمات تنتظر الكتابة"]  # Arabic-Indic digits: the locale's own


# -- choosing the language ------------------------------------------------------------------


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, "de"),
    ({"LANG": "de_DE.UTF-8", "LC_ALL": "pt_BR.UTF-8"}, "pt"),
    ({"LANG": "es_ES.UTF-8", "LANGUAGE": "it:en"}, "it"),
    ({"LANG": "ar_EG.UTF-8"}, "ar"),
    ({"LC_ALL": "C", "LANGUAGE": "fr"}, ""),  # the C locale: gettext ignores LANGUAGE too
    ({}, ""),
])
def test_the_desktop_language_is_read_as_gettext_reads_it(environ: dict[str, str],
                                                          expected: str) -> None:
    assert desktop_language(environ, "linux") == expected


def test_the_setting_wins_and_an_unknown_language_is_english_with_a_warning() -> None:
    assert choose_language("", "fr").language == "fr"
    assert choose_language("de", "fr").language == "de"
    assert choose_language("", "ja") == choose_language("", "") == choose_language("en", "fr")
    assert choose_language("", "ja").language == "en" and not choose_language("", "ja").warning
    unknown = choose_language("klingon", "fr")
    assert unknown.language == "en"
    assert "klingon" in unknown.warning and "English" in unknown.warning


def test_the_language_setting_is_read_and_saved(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[ui]\nlanguage = "fr"\n', encoding="utf-8")
    from ucm_popup.settings import load_settings

    settings, warnings = load_settings(path)
    assert settings.ui.language == "fr" and warnings == []
    save_settings(path, Settings(ui=UiSettings(language="ar")))
    assert load_settings(path)[0].ui.language == "ar"
    assert parse_settings({"ui": {"language": "xx"}})[0].ui.language == "xx"  # warned at start


def test_an_unknown_language_in_the_file_shows_english_and_says_so(qapp) -> None:  # type: ignore[no-untyped-def]
    warning = apply_language("xx")
    assert LANGUAGE.code == "en" and "'xx'" in warning
    assert QCoreApplication.translate("Popup", "Incoming call") == "Incoming call"


def test_the_desktop_language_applies_without_a_setting(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    assert apply_language("") == ""
    assert QCoreApplication.translate("Popup", "Missed call · %1") == "Llamada perdida · %1"


# -- every window, in every language -----------------------------------------------------------


def widget_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every text a user can meet on ``root``: titles, labels, buttons, tooltips, placeholders,
    list items, tabs, menus, and what a screen reader says (accessible names)."""
    for widget in (root, *root.findChildren(QWidget)):
        if widget.isWindow():
            yield widget, widget.windowTitle()
        texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox) and widget.objectName() != "country":
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.specialValueText())
            texts.append(getattr(widget, "suffix", str)().strip())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
        for text in texts:
            if text:
                yield widget, text


def is_data(text: str) -> bool:
    """Data, or an example of data (a placeholder like "cdrapi" or "1000.XXXX"), not words."""
    words = re.sub(r"<[^>]+>|&(?=\w)", "", text)
    parts = [part for part in re.split(r"\s{2,}| · | — ", words) if part]
    return all(part in DATA or part in NATIVE_NAMES.values()
               or not re.search(r"[^\W\d_]{2}", part)
               or re.fullmatch(r"[a-z0-9/][\w.:/@+-]*|1000\.X+", part) is not None
               for part in parts)


def open_windows(tmp_path: Path, qtbot) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Each window of the app, in the states that show the most words."""
    from ucm_popup.ui.dial_box import DialBox
    from ucm_popup.ui.popup import CallPopup
    from ucm_popup.ui.settings_dialog import SettingsDialog
    from ucm_popup.ui.tray import TrayActions, TrayController

    windows: list[QWidget] = []

    def popup(event: Ringing) -> CallPopup:
        card = CallPopup(event)
        card.can_dial = card.notes_enabled = True
        qtbot.addWidget(card)
        windows.append(card)
        return card

    found = popup(Ringing("c1", "1002", "inbound", "0612345678", "ACME", "Orange SIP"))
    found.show_lookup(LookupOutcome("0612345678", (JANE,)))
    found.show_answered()
    several = popup(Ringing("c2", "1002", "inbound", "0612345678", "", "", queue="Support",
                            transferred_by="1003"))
    several.show_lookup(LookupOutcome("0612345678", (JANE, MARC)))
    unknown = popup(Ringing("c3", "1002", "inbound", "0145678900", "", ""))
    unknown.show_lookup(LookupOutcome("0145678900"))
    unknown.show_ended(answered=False, elsewhere=False, close_after_answered=0,
                       close_after_missed=0)
    failing = popup(Ringing("c4", "1002", "internal", "1003", "", ""))
    failing.show_lookup(LookupOutcome("1003", error="Zoho answered 503"))
    for card in windows:
        card.show()

    def nothing(*_args: object) -> None:
        return None

    tray = TrayController(TrayActions(quit=nothing, settings=nothing, about=nothing,
                                      reset_position=nothing, open_recent=nothing,
                                      ring_me=nothing, dial=nothing, call_back=nothing,
                                      focus_popup=nothing), version="1", extension="1002")
    tray.update_recent([RecentCall("c3", "0145678900", "", unknown.ringing.time, ended=True),
                        RecentCall("c1", "0612345678", "ACME", found.ringing.time, ended=True,
                                   answered=True, matches=(JANE,))])
    if tray.window is not None:
        windows.append(tray.window)
    menus = QWidget()
    qtbot.addWidget(menus)
    for menu in (tray.menu, tray.recent_menu, tray.call_back_menu):
        if menu is not None:
            menus.addActions(menu.actions())
    menus.setToolTip(tray.tooltip())
    windows.append(menus)

    box = DialBox(lambda text: text, extension="1002", clipboard="")
    qtbot.addWidget(box)
    windows.append(box)

    config = tmp_path / "config.toml"
    save_settings(config, Settings())
    dialog = SettingsDialog(config, secrets.MemorySecretStore())
    qtbot.addWidget(dialog)
    dialog.resize(760, 860)
    dialog.show()
    windows.append(dialog)
    return windows


@pytest.fixture
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    LANGUAGE.install(request.param, qapp)
    yield request.param
    LANGUAGE.install("en", qapp)


@pytest.mark.parametrize("language", SHIPPED, indirect=True)
def test_no_window_shows_an_english_string_of_the_catalogue(language: str, tmp_path: Path,
                                                           qtbot) -> None:  # type: ignore[no-untyped-def]
    done = catalogue(language)
    english = {source: forms[0] for (_context, source), forms in done.items()
               if forms[0] != source and not is_data(source)}
    translations = {form.rstrip(":") for forms in done.values() for form in forms}  # "Account"
    patterns = [re.compile(re.escape(source).replace("%1", ".+").replace("%2", ".+"))
                for source in english if "%1" in source]
    left = []
    for window in open_windows(tmp_path, qtbot):
        for widget, text in widget_texts(window):
            english_left = text in english and text not in translations
            if english_left or any(pattern.fullmatch(text) for pattern in patterns):
                left.append(f"{type(widget).__name__} {widget.objectName()!r}: "
                            f"{text!r}")
    assert left == []


def test_every_visible_word_goes_through_the_catalogue(tmp_path: Path, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """A pseudo-language marks every translated string: a word on screen without the mark was
    never handed to Qt's translation system."""

    class Marked(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str:
            return f"⟦{source}⟧"

        def isEmpty(self) -> bool:
            return False

    LANGUAGE.install("en", qapp)
    marker = Marked()
    QCoreApplication.installTranslator(marker)
    try:
        unmarked = [f"{type(widget).__name__} {widget.objectName()!r}: {text!r}"
                    for window in open_windows(tmp_path, qtbot)
                    for widget, text in widget_texts(window)
                    if "⟦" not in text and not is_data(text)]
    finally:
        QCoreApplication.removeTranslator(marker)
    assert unmarked == []


def fits(widget: QWidget) -> bool:
    """Is the whole text of a label or button inside the widget (nothing cut off)?"""
    if isinstance(widget, QLabel):
        if widget.objectName() in ("owner", "phone", "mobile", "email", "via"):
            return True  # CRM data on one line, elided on purpose (its tooltip-free row)
        if widget.wordWrap():
            return widget.height() >= widget.heightForWidth(widget.width())
        return widget.width() >= widget.minimumSizeHint().width()
    if isinstance(widget, QAbstractButton):
        return widget.width() >= widget.minimumSizeHint().width()
    return True


@pytest.mark.parametrize("language", ["de", "fr"], indirect=True)
def test_long_words_are_never_cut_off(language: str, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    cut = []
    for window in open_windows(tmp_path, qtbot):
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()
        pages = window.findChild(QTabWidget)
        for index in range(pages.count() if pages is not None else 1):
            if pages is not None:
                pages.setCurrentIndex(index)
                QApplication.processEvents()
            for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
                if widget.isVisible() and (widget.text() if hasattr(widget, "text") else ""):
                    if not fits(widget):
                        cut.append(f"{widget.objectName() or type(widget).__name__}: "
                                   f"{widget.text()!r} at {widget.width()}x{widget.height()}")
    assert cut == []


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_a_missed_call_card_says_missed_in_the_agents_language(language: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ucm_popup.ui.popup import CallPopup

    card = CallPopup(Ringing("c9", "1002", "inbound", "0612345678", "ACME", ""))
    qtbot.addWidget(card)
    card.show_lookup(LookupOutcome("0612345678", (JANE,)))
    assert card.windowTitle() == "Jane Doe — Appel — ucm-popup"
    card.show_ended(answered=False, elsewhere=False, close_after_answered=3,
                    close_after_missed=0)
    assert card.windowTitle() == "Jane Doe — Appel manqué — ucm-popup"
    assert card.status.text().startswith("Appel manqué · ")
    ARTIFACTS.mkdir(exist_ok=True)
    card.show()
    qtbot.waitExposed(card)
    card.grab().save(str(ARTIFACTS / "popup-missed-fr.png"))


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_arabic_mirrors_the_popup_and_the_settings(language: str, tmp_path: Path,
                                                    qtbot) -> None:  # type: ignore[no-untyped-def]
    windows = open_windows(tmp_path, qtbot)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    found, dialog = windows[1], windows[-1]
    assert found.layoutDirection() == dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    found.show()
    qtbot.waitExposed(found)
    close = found.close_button  # type: ignore[attr-defined]
    status = found.status  # type: ignore[attr-defined]
    # Mirrored: the dismiss cross sits at the card's left, the status to its right.
    assert close.mapTo(found, close.rect().center()).x() < status.mapTo(found, status.rect(
        ).center()).x()
    assert status.text() == "مكالمة واردة"


def test_headless_json_stays_english_whatever_the_language(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[ui]\nlanguage = "fr"\n', encoding="utf-8")
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}
    result = subprocess.run(
        [sys.executable, "-m", "ucm_popup", "lookup", "--demo", "--config", str(config),
         "+33612345678"], capture_output=True, text=True, timeout=60, env=env, check=False)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) >= {"number", "normalized", "provider", "matches"}
    assert "PySide6" not in result.stderr


@pytest.mark.e2e
def test_the_language_and_accessibility_tests_pass_on_a_real_x_server(tmp_path: Path) -> None:
    """The same windows on Xvfb (Qt's xcb platform, real fonts and window system), not only
    offscreen: the walks, the cut-off check, Arabic's mirror, the announcement, Tab, Escape."""
    from conftest import require_tool

    require_tool(shutil.which("Xvfb"), "Xvfb")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                             "1280x800x24", "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            display = ":" + numbers.readline().strip()
        here = Path(__file__).parent
        env = {**os.environ, "DISPLAY": display, "UCM_POPUP_TEST_QPA": "xcb",
               "QT_QPA_PLATFORM": "xcb"}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
             "-m", "not e2e", "--basetemp", str(tmp_path / "run"),
             str(here / "test_ui_i18n.py"), str(here / "test_ui_a11y.py")],
            capture_output=True, text=True, timeout=300, env=env, cwd=here.parent, check=False)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
        assert " passed" in result.stdout and "failed" not in result.stdout
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
