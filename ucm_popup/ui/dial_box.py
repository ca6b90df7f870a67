"""The tray's **Dial…** box: a number (pre-filled from the clipboard when it holds one), a line
that shows what the UCM will be sent or why it cannot be, and Enter dials."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ucm_popup.errors import SettingsError
from ucm_popup.text import one_line
from ucm_popup.ui.i18n import arg, translate

CLIPBOARD_CHARS = 64  # longer clipboard text is a paragraph, not a number to offer
SHOWN_CHARS = 120


class DialBox(QDialog):
    submitted = Signal(str)  # the text as typed; the dial rules run again where it is dialled

    def __init__(self, rules: Callable[[str], str], *, extension: str, clipboard: str = "") -> None:
        super().__init__(None, Qt.WindowType.Dialog | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(translate("DialBox", "Dial — ucm-popup"))
        self.setObjectName("dial_box")
        self._rules = rules
        layout = QVBoxLayout(self)
        prompt = QLabel(arg(translate("DialBox", "Number to call. Your phone (extension %1) rings "
                                                 "first; pick it up and the UCM calls the number."),
                            extension))
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.number = QLineEdit()
        prompt.setBuddy(self.number)
        self.number.setAccessibleName(translate("DialBox", "Number to call"))
        self.number.setAccessibleDescription(
            translate("DialBox", "Your phone rings first; pick it up and the UCM calls the number"))
        self.number.setObjectName("number")
        self.number.setPlaceholderText("06 12 34 56 78, +33 6 12 34 56 78, 1003…")
        self.number.setMaxLength(256)
        layout.addWidget(self.number)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)  # it may quote pasted text
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(translate("DialBox", "What will be dialled"))
        layout.addWidget(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.dial_button = self.buttons.addButton(translate("DialBox", "&Dial"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.dial_button.setObjectName("dial")
        self.dial_button.setDefault(True)
        self.buttons.accepted.connect(self._dial)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.number.textChanged.connect(self._check)
        self.number.returnPressed.connect(self._dial)  # Enter dials, wherever the focus was
        self.setMinimumWidth(380)
        clip = clipboard.strip()
        if clip and len(clip) <= CLIPBOARD_CHARS and self._sendable(clip):
            self.number.setText(clip)
            self.number.selectAll()
        self._check()

    def _sendable(self, text: str) -> str:
        try:
            return self._rules(text)
        except SettingsError:
            return ""

    def _check(self) -> None:
        text = self.number.text()
        self.number.setEnabled(True)
        if not text.strip():
            self.preview.setText("")
            self.dial_button.setEnabled(False)
            return
        try:
            sent = self._rules(text)
        except SettingsError as exc:
            self._say(str(exc), problem=True)
            self.dial_button.setEnabled(False)
            return
        self._say(arg(translate("DialBox", "The UCM will dial %1"), sent), problem=False)
        self.dial_button.setEnabled(True)

    def _say(self, text: str, *, problem: bool) -> None:
        self.preview.setText(one_line(text, SHOWN_CHARS))
        self.preview.setStyleSheet("color: #B91C1C;" if problem else "color: #475569;")

    def _dial(self) -> None:
        if not self.dial_button.isEnabled():
            return
        self.dial_button.setEnabled(False)
        self.number.setEnabled(False)
        self._say(translate("DialBox", "Dialling…"), problem=False)
        self.submitted.emit(self.number.text())

    def dial_failed(self, why: str) -> None:
        """The UCM (or the settings) refused: say why and let the agent try again."""
        self.number.setEnabled(True)
        self.dial_button.setEnabled(True)
        self._say(why, problem=True)
