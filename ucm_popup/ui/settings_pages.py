"""Building blocks of the settings dialog, and its PBX and Popup pages.

Each field sits with a short hint under it (also its tooltip) and, when its value cannot be
used, a message in words saying what to type.  Pages only read and show values; the dialog
decides when to validate, test and save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ucm_popup.settings import CORNERS, PopupSettings, UcmSettings
from ucm_popup.ui.settings_checks import readable_fingerprint

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #1b6e2a;"


def plain_label(text: str = "", *, hint: bool = False, selectable: bool = False) -> QLabel:
    """A word-wrapped label that never interprets markup (server text lands in some)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if hint:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        label.setFont(font)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FieldRow(QWidget):
    """An editor, the hint under it, and the message that says what is wrong with it."""

    def __init__(self, editor: QWidget, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        editor.setToolTip(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.hint = plain_label(hint, hint=True)
        layout.addWidget(self.hint)
        if isinstance(editor, SecretField):  # where the secret is kept reads after what it is
            layout.addWidget(editor.status)
        self.problem = plain_label()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        layout.addWidget(self.problem)

    def set_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))


class SecretField(QWidget):
    """A password box for one keyring secret; empty means "keep what is stored"."""

    edited = Signal()

    def __init__(self, env_var: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env_var = env_var
        self.stored = False
        self.from_environment = False
        self.keyring_problem: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.show_button = QToolButton()
        self.show_button.setText("Show")
        self.show_button.setCheckable(True)
        self.show_button.setToolTip("Show what you typed")
        self.show_button.toggled.connect(self._toggle_shown)
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_button)
        layout.addLayout(row)
        self.status = plain_label(hint=True)
        layout.addWidget(self.status)
        self._refresh()

    def _toggle_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)

    def set_state(
        self, *, stored: bool, from_environment: bool, keyring_problem: str | None
    ) -> None:
        self.stored, self.from_environment = stored, from_environment
        self.keyring_problem = keyring_problem
        self._refresh()

    def set_typed(self, value: str) -> None:
        self.edit.setText(value)
        self.edited.emit()

    def typed(self) -> str:
        return self.edit.text().strip()

    def has_value(self) -> bool:
        return bool(self.typed()) or self.stored or self.from_environment

    def _refresh(self) -> None:
        self.edit.setEnabled(self.keyring_problem is None)
        self.show_button.setEnabled(self.keyring_problem is None)
        self.status.setStyleSheet("")
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        if self.keyring_problem is not None:
            self.edit.setPlaceholderText("cannot be saved on this computer")
            if self.from_environment:
                words = f"Taken from the environment variable {self.env_var}."
            else:
                words = (f"No keyring on this computer, so this cannot be saved here: set the "
                         f"environment variable {self.env_var} instead.")
                self.status.setStyleSheet(ERROR_STYLE)
                self.status.setForegroundRole(QPalette.ColorRole.WindowText)
            self.status.setText(words)
        elif self.from_environment:
            self.edit.setPlaceholderText("set by the environment")
            self.status.setText(
                f"Taken from the environment variable {self.env_var}, which wins over the "
                "keyring. What you type here goes to the keyring."
            )
        elif self.stored:
            self.edit.setPlaceholderText("•••••••• saved in the keyring; type to replace")
            self.status.setText("Saved in the system keyring. Leave empty to keep it.")
        else:
            self.edit.setPlaceholderText("")
            self.status.setText("Kept in the system keyring, never in the settings file.")


class Fold(QWidget):
    """A "more options" section, closed until the user opens it."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.button = QToolButton()
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.toggled.connect(self.set_open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(content)
        content.hide()

    def set_open(self, shown: bool) -> None:
        self.button.setChecked(shown)
        self.button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.content.setVisible(shown)


class ResultBox(QWidget):
    """Where a Test button reports: one sentence, a technical line, an optional action."""

    def __init__(self, action_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.text = plain_label(selectable=True)
        self.details = plain_label(hint=True, selectable=True)
        layout.addWidget(self.text)
        layout.addWidget(self.details)
        self.action = QPushButton(action_text)
        self.action.hide()
        if action_text:
            row = QHBoxLayout()
            row.addWidget(self.action)
            row.addStretch(1)
            layout.addLayout(row)
        self.clear()

    def clear(self) -> None:
        self.show_text("", ok=None)

    def show_text(
        self, text: str, *, ok: bool | None, details: str = "", action: bool = False
    ) -> None:
        self.text.setText(text)
        self.text.setStyleSheet({True: OK_STYLE, False: ERROR_STYLE, None: ""}[ok])
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.action.setVisible(action)
        self.setVisible(bool(text))


LABEL_WIDTH = 112  # one label column width for every form, so the pages line up


class Form(QGridLayout):
    """Label and field rows, like QFormLayout, but sized right for wrapped hints
    (QFormLayout hands rows of word-wrapped labels more height than they need)."""

    def __init__(self) -> None:
        super().__init__()
        self.setColumnMinimumWidth(0, LABEL_WIDTH)
        self.setColumnStretch(1, 1)
        self.setVerticalSpacing(10)
        self.setContentsMargins(0, 0, 0, 0)  # the page's own layout gives the margins
        self._rows = 0

    def addRow(self, label: str | QWidget, field: QWidget | None = None) -> None:
        if field is None and isinstance(label, QWidget):
            self.addWidget(label, self._rows, 0, 1, 2)
        elif isinstance(label, str) and field is not None:
            if label:
                text = QLabel(label)
                text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                text.setContentsMargins(0, 3, 0, 0)  # level with the editor's text
                editor = getattr(field, "editor", field)
                text.setBuddy(editor)
                editor.setAccessibleName(label.rstrip(":"))
                self.addWidget(text, self._rows, 0)
            self.addWidget(field, self._rows, 1)
        self._rows += 1


def _form() -> Form:
    return Form()


def _normalise_fingerprint(text: str) -> str:
    return text.replace(":", "").replace(" ", "").upper()


class PbxPage(QWidget):
    """The UCM: where it is, who logs in, whose calls pop up, which certificate to trust."""

    def __init__(
        self, settings: UcmSettings, password_env: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        form = _form()
        self.host = QLineEdit(settings.host)
        self.host.setPlaceholderText("pbx.example.com or 192.168.1.10")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(settings.port)
        self.port.setMaximumWidth(110)
        self.username = QLineEdit(settings.username)
        self.username.setPlaceholderText("popup")
        self.password = SecretField(password_env)
        self.extension = QLineEdit(settings.extension)
        self.extension.setPlaceholderText("1002")
        self.extension.setMaximumWidth(140)
        self.rows = {
            "host": FieldRow(self.host, "The name or IP address of your Grandstream UCM phone "
                             "system, as in your browser's address bar (without https://)."),
            "port": FieldRow(self.port, "The UCM's web (HTTPS) port: 8089 unless your "
                             "administrator changed it."),
            "username": FieldRow(self.username, "A user of the UCM's web interface that may see "
                                 "call status; ask your administrator."),
            "password": FieldRow(self.password, "That UCM user's password."),
            "extension": FieldRow(self.extension, "Your own phone's extension number: calls that "
                                  "ring it pop up on this computer."),
        }
        form.addRow("UCM address:", self.rows["host"])
        form.addRow("Web port:", self.rows["port"])
        form.addRow("UCM user:", self.rows["username"])
        form.addRow("Password:", self.rows["password"])
        form.addRow("Your extension:", self.rows["extension"])

        self.fingerprint = settings.fingerprint
        self.presented_fingerprint = ""
        cert = QWidget()
        cert_layout = QVBoxLayout(cert)
        cert_layout.setContentsMargins(0, 0, 0, 0)
        self.cert_status = plain_label(selectable=True)
        cert_layout.addWidget(self.cert_status)
        buttons = QHBoxLayout()
        self.show_cert_button = QPushButton("Show the UCM's certificate")
        self.trust_button = QPushButton("Trust this certificate")
        self.forget_button = QPushButton("Forget the pinned certificate")
        for button in (self.show_cert_button, self.trust_button, self.forget_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        cert_layout.addLayout(buttons)
        self.trust_button.clicked.connect(lambda: self.pin(self.presented_fingerprint))
        self.forget_button.clicked.connect(lambda: self.pin(""))
        self.rows["certificate"] = FieldRow(
            cert, "Most UCMs use a certificate they made themselves. Compare its fingerprint "
            "with the one on the UCM's web page (or ask your administrator), then trust it.")
        form.addRow("Certificate:", self.rows["certificate"])

        self.legacy_tls = QCheckBox("Allow the older, weaker encryption of UCM62xx firmware")
        self.legacy_tls.setChecked(settings.legacy_tls)
        self.rows["legacy_tls"] = FieldRow(self.legacy_tls, "Only for old UCMs the test cannot "
                                           "reach otherwise; newer UCMs never need it.")
        form.addRow("Old UCM:", self.rows["legacy_tls"])

        advanced = QWidget()
        advanced_form = _form()
        advanced.setLayout(advanced_form)
        self.ca_file = QLineEdit(settings.ca_file)
        self.ca_file.setPlaceholderText("/etc/ssl/certs/my-company-ca.pem")
        self.rows["ca_file"] = FieldRow(self.ca_file, "Optional: a PEM file with your company's "
                                        "certificate authority, if it signed the UCM's "
                                        "certificate.")
        advanced_form.addRow("CA file:", self.rows["ca_file"])
        self.advanced = Fold("Advanced", advanced)
        form.addRow("", self.advanced)

        self.test_button = QPushButton("Test connection")
        self.test_button.setToolTip("Log in to the UCM with these settings and ask for call "
                                    "events, as the app will")
        self.result = ResultBox("Trust this certificate")
        test = QWidget()
        test_layout = QVBoxLayout(test)
        test_layout.setContentsMargins(0, 0, 0, 0)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        test_layout.addLayout(test_row)
        test_layout.addWidget(self.result)
        form.addRow("", test)
        form.setContentsMargins(9, 9, 9, 9)
        self.setLayout(form)
        self._show_certificate()

    def pin(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self._show_certificate()

    def show_presented(self, fingerprint: str) -> None:
        self.presented_fingerprint = fingerprint
        self._show_certificate()

    def _show_certificate(self) -> None:
        pinned = _normalise_fingerprint(self.fingerprint)
        presented = _normalise_fingerprint(self.presented_fingerprint)
        lines = []
        if presented and presented == pinned:
            lines += ["Pinned (trusted), and the UCM presents this one:",
                      readable_fingerprint(self.fingerprint)]
        else:
            if self.fingerprint:
                lines += ["Pinned (trusted):", readable_fingerprint(self.fingerprint)]
            else:
                lines.append("None pinned: the UCM's certificate must be signed by an "
                             "authority this computer trusts.")
            if presented:
                lines += ["The UCM presents:", readable_fingerprint(self.presented_fingerprint)]
        self.cert_status.setText("\n".join(lines))
        offered_beside_test = not self.result.action.isHidden()  # one Trust button at a time
        self.trust_button.setVisible(
            bool(presented) and presented != pinned and not offered_beside_test
        )
        self.forget_button.setVisible(bool(self.fingerprint))

    def values(self) -> UcmSettings:
        return UcmSettings(
            host=self.host.text().strip(),
            port=self.port.value(),
            username=self.username.text().strip(),
            extension=self.extension.text().strip(),
            ca_file=self.ca_file.text().strip(),
            fingerprint=self.fingerprint,
            legacy_tls=self.legacy_tls.isChecked(),
        )

    def problems(self) -> dict[str, str]:
        """Field -> what to type there, for every field whose value cannot be used."""
        found: dict[str, str] = {}
        host = self.host.text().strip()
        if not host:
            found["host"] = "Enter the UCM's address, like pbx.example.com"
        elif "://" in host or "/" in host:
            found["host"] = "Enter only the address, like pbx.example.com (no https://, no /)"
        elif " " in host:
            found["host"] = "An address has no spaces, like pbx.example.com or 192.168.1.10"
        elif ":" in host and not host.startswith("["):
            if host.count(":") == 1:
                found["host"] = "Put the port in the Web port field, not after the address"
        if not self.username.text().strip():
            found["username"] = "Enter the UCM user name this app logs in with"
        if not self.password.has_value() and self.password.keyring_problem is None:
            found["password"] = "Enter the password of that UCM user"
        extension = self.extension.text().strip()
        if not extension:
            found["extension"] = "Enter your extension number, like 1002"
        elif not extension.isdigit():
            found["extension"] = "An extension is a number, like 1002"
        ca_file = self.ca_file.text().strip()
        if ca_file:
            from pathlib import Path

            if not Path(ca_file).expanduser().is_file():
                found["ca_file"] = "No file there: choose an existing PEM file, or leave it empty"
        return found


SCREEN_HINT = "Where popups appear when you have several screens."


class PopupPage(QWidget):
    """When the popup shows, which calls pop up, how long it stays, and where."""

    def __init__(self, settings: PopupSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = _form()
        show_on = QWidget()
        show_layout = QVBoxLayout(show_on)
        show_layout.setContentsMargins(0, 0, 0, 0)
        self.on_ringing = QRadioButton("When my phone rings")
        self.on_answered = QRadioButton("When I answer the call")
        self._show_group = QButtonGroup(self)
        for button in (self.on_ringing, self.on_answered):
            self._show_group.addButton(button)
            show_layout.addWidget(button)
        (self.on_answered if settings.show_on == "answered" else self.on_ringing).setChecked(True)
        self.internal_calls = QCheckBox("Also for calls from colleagues' extensions")
        self.internal_calls.setChecked(settings.internal_calls)
        self.close_answered = QSpinBox()
        self.close_answered.setRange(0, 3600)
        self.close_answered.setSuffix(" s")
        self.close_answered.setSpecialValueText("at once")
        self.close_answered.setValue(settings.close_after_answered_s)
        self.close_answered.setMaximumWidth(120)
        self.close_missed = QSpinBox()
        self.close_missed.setRange(0, 86400)
        self.close_missed.setSuffix(" s")
        self.close_missed.setSpecialValueText("until I close it")
        self.close_missed.setValue(settings.close_after_missed_s)
        self.close_missed.setMaximumWidth(160)
        self.screen_choice = QComboBox()
        screens = QGuiApplication.screens()  # Qt lists the primary screen first
        for index, screen in enumerate(screens):
            size = screen.size()
            name = screen.name() or "unnamed"
            label = f"Screen {index + 1}: {name} ({size.width()} x {size.height()})"
            if index == 0:
                label += ", the main screen"
            self.screen_choice.addItem(label, index)
        if settings.screen >= len(screens):
            missing = f"Screen {settings.screen + 1} (not connected now)"
            self.screen_choice.addItem(missing, settings.screen)
        self.screen_choice.setCurrentIndex(self.screen_choice.findData(settings.screen))
        self.corner = QComboBox()
        for corner in CORNERS:
            self.corner.addItem(corner.replace("-", " ").capitalize(), corner)
        self.corner.setCurrentIndex(self.corner.findData(settings.corner))
        self.rows = {
            "show_on": FieldRow(show_on, "Ringing shows who calls before you pick up; answering "
                                "keeps the screen quiet until you take the call."),
            "internal_calls": FieldRow(self.internal_calls, "Off: only calls from outside "
                                       "(customers) pop up."),
            "close_after_answered_s": FieldRow(self.close_answered, "How long the popup stays "
                                               "after a call you answered has ended."),
            "close_after_missed_s": FieldRow(self.close_missed, "How long a missed call's card "
                                             "stays; it also stays in the recent calls list."),
            "screen": FieldRow(self.screen_choice, SCREEN_HINT),
            "corner": FieldRow(self.corner, "The corner of that screen where popups appear."),
        }
        form.addRow("Show the popup:", self.rows["show_on"])
        form.addRow("Internal calls:", self.rows["internal_calls"])
        form.addRow("Close after a call:", self.rows["close_after_answered_s"])
        form.addRow("Missed-call card:", self.rows["close_after_missed_s"])
        form.addRow("Screen:", self.rows["screen"])
        form.addRow("Corner:", self.rows["corner"])
        form.setContentsMargins(9, 9, 9, 9)
        self.setLayout(form)

    def values(self) -> PopupSettings:
        return PopupSettings(
            show_on="answered" if self.on_answered.isChecked() else "ringing",
            internal_calls=self.internal_calls.isChecked(),
            close_after_answered_s=self.close_answered.value(),
            close_after_missed_s=self.close_missed.value(),
            screen=int(self.screen_choice.currentData()),
            corner=str(self.corner.currentData()),
        )

    def problems(self) -> dict[str, str]:
        return {}  # every control here only offers valid choices
