"""The PBX page's choice of where calls come from: the UCM itself, or the site relay through
the MQTT broker (its address, this desk's broker user and password, the site's prefix, and a
Test that reads the relay's status)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ucm_popup.settings import MqttSettings, SourceSettings, check_broker_url
from ucm_popup.ui.i18n import translate
from ucm_popup.ui.settings_widgets import (
    FieldRow,
    Form,
    ResultBox,
    SecretField,
    check_area,
    plain_label,
)

DIRECT_HINT = QT_TRANSLATE_NOOP(
    "Settings", "This computer logs in to the UCM itself, with a UCM user and password.")
RELAY_HINT = QT_TRANSLATE_NOOP(
    "Settings", "Your administrator runs a site relay: this computer gets its calls through "
    "the company's message broker and needs no UCM password.")


class RelaySourceBox(QWidget):
    """The two choices and, for the relay, the broker's fields; ``rows`` as on every page."""

    changed = Signal()

    def __init__(self, source: SourceSettings, mqtt: MqttSettings, password_env: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direct = QRadioButton(translate("Settings", "Directly to the UCM"))
        self.via_relay = QRadioButton(translate("Settings", "Through the site relay"))
        self._group = QButtonGroup(self)
        for button in (self.direct, self.via_relay):
            self._group.addButton(button)
        (self.via_relay if source.kind == "relay" else self.direct).setChecked(True)
        self.choice_hint = plain_label(hint=True)

        self.url = QLineEdit(mqtt.url)
        self.url.setPlaceholderText("mqtts://broker.example.com:8883")
        self.username = QLineEdit(mqtt.username)
        self.username.setPlaceholderText("1002")
        self.password = SecretField(password_env)
        self.topic_prefix = QLineEdit(mqtt.topic_prefix)
        self.ca_file = QLineEdit(mqtt.ca_file)
        self.ca_file.setPlaceholderText("/etc/ssl/certs/my-company-ca.pem")
        self.rows = {
            "mqtt.url": FieldRow(self.url, translate(
                    "Settings", "The message broker's address, from your "
                                 "administrator (mqtts:// is encrypted).")),
            "mqtt.username": FieldRow(self.username, translate(
                    "Settings", "Your broker user: usually your "
                                      "extension number.")),
            "mqtt.password": FieldRow(self.password, translate(
                    "Settings", "That broker user's password.")),
            "mqtt.topic_prefix": FieldRow(self.topic_prefix, translate(
                    "Settings", "The site's name on the broker; "
                                          "leave ucm-popup unless told otherwise.")),
            "mqtt.ca_file": FieldRow(self.ca_file, translate(
                    "Settings", "Optional: a PEM file with the certificate "
                                     "authority that signed the broker's certificate.")),
        }
        broker_form = Form()
        broker_form.addRow(translate("Settings", "Broker:"), self.rows["mqtt.url"])
        broker_form.addRow(translate("Settings", "Broker user:"), self.rows["mqtt.username"])
        broker_form.addRow(translate("Settings", "Broker password:"), self.rows["mqtt.password"])
        broker_form.addRow(translate("Settings", "Site prefix:"), self.rows["mqtt.topic_prefix"])
        broker_form.addRow(translate("Settings", "CA file:"), self.rows["mqtt.ca_file"])
        self.test_button = QPushButton(translate("Settings", "Test the relay"))
        self.test_button.setToolTip(translate(
                "Settings", "Log in to the broker with these settings and read the "
                                    "relay's status"))
        self.result = ResultBox()
        test = check_area(self.test_button, self.result)
        broker_form.addRow("", test)
        self.broker = QWidget()
        self.broker.setLayout(broker_form)

        choice = QWidget()
        choice_layout = QVBoxLayout(choice)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.setSpacing(2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.direct)
        buttons.addWidget(self.via_relay)
        buttons.addStretch(1)
        choice_layout.addLayout(buttons)
        choice_layout.addWidget(self.choice_hint)
        form = Form()
        form.addRow(translate("Settings", "Calls come:"), choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.broker)
        self.via_relay.toggled.connect(lambda _on: self._refresh())
        self._refresh()

    def _refresh(self) -> None:
        relay = self.relay_mode()
        self.choice_hint.setText(translate("Settings", str(RELAY_HINT if relay else DIRECT_HINT)))
        self.broker.setVisible(relay)
        self.changed.emit()

    def relay_mode(self) -> bool:
        return self.via_relay.isChecked()

    def source_values(self) -> SourceSettings:
        return SourceSettings(kind="relay" if self.relay_mode() else "ucm")

    def mqtt_values(self) -> MqttSettings:
        return MqttSettings(url=self.url.text().strip(), username=self.username.text().strip(),
                            topic_prefix=self.topic_prefix.text().strip(),
                            ca_file=self.ca_file.text().strip())

    def problems(self) -> dict[str, str]:
        """Field -> what to type there; nothing while calls come directly from the UCM."""
        if not self.relay_mode():
            return {}
        found: dict[str, str] = {}
        values = self.mqtt_values()
        if not values.url:
            found["mqtt.url"] = translate(
                    "Settings", "Enter the broker's address, like mqtts://broker.example.com:8883")
        elif (problem := check_broker_url(values.url)) is not None:
            found["mqtt.url"] = problem
        if not values.username:
            found["mqtt.username"] = translate(
                    "Settings", "Enter your broker user, usually your extension")
        if not self.password.has_value() and self.password.keyring_problem is None:
            found["mqtt.password"] = translate("Settings", "Enter that broker user's password")
        prefix = values.topic_prefix
        if (not prefix or any(c in prefix for c in "+#\0") or prefix.startswith("/")
                or prefix.endswith("/") or len(prefix) > 200):
            found["mqtt.topic_prefix"] = translate(
                    "Settings", "Enter the site's prefix, like ucm-popup")
        if values.ca_file and not Path(values.ca_file).expanduser().is_file():
            found["mqtt.ca_file"] = translate(
                    "Settings", "No file there: choose an existing PEM file, or leave it empty")
        return found


def set_row_visible(form: Form, field: QWidget, visible: bool) -> None:
    """Show or hide one row of a ``Form``: the field and the label beside it."""
    index = form.indexOf(field)
    if index < 0:
        return
    position: tuple[int, int, int, int] = form.getItemPosition(index)  # type: ignore[assignment]
    row = position[0]
    for column in (0, 1):
        item = form.itemAtPosition(row, column)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setVisible(visible)
