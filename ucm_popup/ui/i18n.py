"""The agent's language: which one (the setting, else the desktop's), and Qt set up to speak it.

Every visible string goes through ``QCoreApplication.translate(context, text)``; the catalogues
are ``ucm_popup/translations/ucm_popup_<lang>.ts`` (kept in the repository) compiled to ``.qm``
by ``pyside6-lrelease`` at build time (``python -m ucm_popup.translations``).  Qt's own
catalogue (``qtbase_<lang>.qm``, the standard buttons: Cancel, OK) is loaded too where the Qt
installation ships it.  The headless commands never come here: their JSON stays English.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

log = logging.getLogger(__name__)
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ar")
RIGHT_TO_LEFT = ("ar",)
CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "translations"
# Names as each language calls itself: the Popup page's choice shows them so.
NATIVE_NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "es": "Español",
                "it": "Italiano", "pt": "Português", "ar": "العربية"}


@dataclass(frozen=True)
class LanguageChoice:
    language: str  # one of LANGUAGES
    warning: str = ""  # why the asked-for language is not the one used ("" when it is)


def _language_of(locale_name: str) -> str:
    """``fr_FR.UTF-8`` → ``fr``; ``C``/``POSIX`` and empty → ``""``."""
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return "" if base in ("c", "posix") else base


def desktop_language(environ: Mapping[str, str] | None = None,
                     platform: str = sys.platform) -> str:
    """The desktop's language: on Linux as gettext reads it (``LANGUAGE``'s first entry, then
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG``); on Windows and macOS the OS setting (QLocale)."""
    environ = os.environ if environ is None else environ
    if platform.startswith(("win", "darwin")):
        languages = QLocale.system().uiLanguages()
        return _language_of(languages[0]) if languages else ""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(variable, ""):
            if not _language_of(value):
                return ""  # the C locale: gettext ignores LANGUAGE then, and so do we
            break
    preferred = environ.get("LANGUAGE", "").split(":")[0]
    for value in (preferred, environ.get("LC_ALL", ""), environ.get("LC_MESSAGES", ""),
                  environ.get("LANG", "")):
        if language := _language_of(value):
            return language
    return ""


def choose_language(setting: str, desktop: str) -> LanguageChoice:
    """``[ui] language`` wins; "" follows the desktop; a language we do not ship is English
    with a warning (never a crash).  An unshipped desktop language is English without one."""
    asked = _language_of(setting.strip())
    if asked:
        if asked in LANGUAGES:
            return LanguageChoice(asked)
        return LanguageChoice("en", f"[ui] language = {setting.strip()!r} is not one of "
                                    f"{', '.join(LANGUAGES)}: showing English")
    return LanguageChoice(desktop if desktop in LANGUAGES else "en")


def formats_for(language: str) -> QLocale:
    """Numbers and times: the desktop's own locale when it speaks ``language`` (de_AT, en_US
    keep their ways), else the language's usual one; English without a desktop locale writes
    a 24-hour clock, as most call centres outside the US do."""
    system = QLocale.system()
    wanted = QLocale("en_GB" if language == "en" else language)
    if system.language() == wanted.language() and system.name() not in ("C", "en_US_POSIX"):
        return system
    return wanted


class Language:
    """The translators installed in the application, replaced when the language changes."""

    def __init__(self) -> None:
        self.code = "en"
        self.installed = ""  # what install() last put in place ("" before the first time)
        self._translators: list[QTranslator] = []

    def install(self, language: str, app: QCoreApplication | None = None) -> str:
        """Speak ``language`` from now on: its catalogue, Qt's, its number and time formats,
        its writing direction.  Returns a warning ("" when all went well)."""
        app = app or QCoreApplication.instance()
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators = []
        warning = ""
        ours = QTranslator()  # English too: its plural forms ("1 record", "2 records")
        if ours.load(f"ucm_popup_{language}", os.fspath(CATALOGUE_DIR)):
            self._translators.append(ours)
        else:
            warning = (f"the {language!r} translation is missing from {CATALOGUE_DIR} "
                       "(build it with: python -m ucm_popup.translations): showing English")
            language = "en"
        if language != "en":
            qt_own = QTranslator()
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            # By locale: Portuguese is qtbase_pt_BR in Qt's own set
            if language != "en" and qt_own.load(QLocale(language), "qtbase", "_", qt_dir):
                self._translators.append(qt_own)
        for translator in self._translators:
            QCoreApplication.installTranslator(translator)
        self.code = self.installed = language
        QLocale.setDefault(formats_for(language))
        if app is not None and hasattr(app, "setLayoutDirection"):
            app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language in RIGHT_TO_LEFT
                                   else Qt.LayoutDirection.LeftToRight)
        if warning:
            log.warning("%s", warning)
        return warning


LANGUAGE = Language()


def apply_language(setting: str, app: QCoreApplication | None = None) -> str:
    """Choose and install the language for ``[ui] language = setting``; the warning to show
    ("" when none)."""
    choice = choose_language(setting, desktop_language())
    if choice.warning:
        log.warning("%s", choice.warning)
    problem = LANGUAGE.install(choice.language, app)
    return choice.warning or problem


# ``translate(context, text[, None, n])``: the one spelling of a visible string, which
# ``pyside6-lupdate`` finds in the sources (``n`` picks the plural form of "%n call(s)").
translate = QCoreApplication.translate
_PLACE = re.compile(r"%([1-9])")


def arg(text: str, *values: object) -> str:
    """``%1``, ``%2``… of a translated text filled in one pass (as QString::arg does): a value
    that itself holds "%2" (a caller's name) is never filled again."""
    return _PLACE.sub(lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values)
                      else m.group(0), text)


def number(value: int) -> str:
    """An integer in the agent's locale (1 234 in French, 1.234 in German)."""
    return QLocale().toString(value)


def clock(when: object) -> str:
    """A time of day, hours and minutes, as the agent's locale writes it."""
    from datetime import datetime

    from PySide6.QtCore import QTime

    assert isinstance(when, datetime)
    return QLocale().toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
