"""The PBX page's click-to-dial part: the UCM's API user and its password (keyring), the two
dial prefixes, and a Test that logs in as that user (without dialling)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from ucm_popup import link_handler
from ucm_popup.settings import DialSettings, Settings
from ucm_popup.ui.i18n import translate
from ucm_popup.ui.settings_widgets import FieldRow, ResultBox, SecretField, check_area, plain_label

MAX_PREFIX = 8


class DialSection:
    """Rows for a settings form; ``values``/``problems`` as the pages have them."""

    def __init__(self, settings: Settings, password_env: str) -> None:
        self.title = plain_label(translate(
                "Settings", "Click-to-dial (optional): dial from the popup, the tray, the "
                                 "clipboard and tel: links"))
        self.title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        self.api_username = QLineEdit(settings.ucm.api_username)
        self.api_username.setPlaceholderText("cdrapi")
        self.api_password = SecretField(password_env)
        self.outside_prefix = QLineEdit(settings.dial.outside_prefix)
        self.outside_prefix.setPlaceholderText("none")
        self.outside_prefix.setMaximumWidth(120)
        self.international_prefix = QLineEdit(settings.dial.international_prefix)
        self.international_prefix.setMaximumWidth(120)
        for edit in (self.outside_prefix, self.international_prefix):
            edit.setMaxLength(MAX_PREFIX)
        self.test_button = QPushButton(translate("Settings", "Test dialling"))
        self.test_button.setToolTip(translate(
                "Settings", "Log in as the API user, as dialling will (nothing is "
                                    "dialled)"))
        self.result = ResultBox()
        test = check_area(self.test_button, self.result)
        self.test = test
        self.rows = {
            "api_username": FieldRow(self.api_username, translate(
                    "Settings", "The UCM's HTTPS-API user (UCM: "
                                     "Value-added Features, API Configuration), not the web "
                                     "user above. Leave empty not to dial from this computer.")),
            "api_password": FieldRow(self.api_password, translate(
                    "Settings", "That API user's password.")),
            "outside_prefix": FieldRow(self.outside_prefix, translate(
                    "Settings", "Digits your UCM's outbound routes "
                                       "need before an outside number, like 0 or 9; often none.")),
            "international_prefix": FieldRow(self.international_prefix, translate(
                    "Settings", "How numbers of other "
                                             "countries are dialled from your country: 00 in "
                                             "most of the world, 011 from the US and Canada.")),
        }
        # macOS keeps FaceTime as the tel: handler until told otherwise (link_handler.py).
        self.link_handler: QWidget | None = None
        if link_handler.OFFERED:
            self.link_button = QPushButton(translate(
                "Settings", "Make UCM Popup the handler for phone links"))
            self.link_button.setToolTip(translate(
                "Settings", "tel: and callto: links in Safari, Mail and other apps "
                            "will dial through your UCM instead of FaceTime"))
            self.link_result = ResultBox()
            self.link_handler = check_area(self.link_button, self.link_result)
            self.link_button.clicked.connect(self.make_link_handler)
        self.labels = {"api_username": translate(
                "Settings", "API user:"), "api_password": translate("Settings", "API password:"),
                       "outside_prefix": translate("Settings", "Outside prefix:"),
                       "international_prefix": translate("Settings", "International prefix:")}

    def make_link_handler(self) -> None:
        problem = link_handler.make_default_link_handler()
        self.link_result.show_text(problem or translate(
            "Settings", "tel: and callto: links now open UCM Popup"),
            ok=not problem)

    def api_user(self) -> str:
        return self.api_username.text().strip()

    def values(self) -> DialSettings:
        return DialSettings(outside_prefix=self.outside_prefix.text().strip(),
                            international_prefix=self.international_prefix.text().strip())

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if (self.api_password.typed() and not self.api_user()):
            found["api_username"] = translate(
                    "Settings", "Enter the API user whose password this is")
        for key, edit in (("outside_prefix", self.outside_prefix),
                          ("international_prefix", self.international_prefix)):
            text = edit.text().strip()
            if text and not (text.isascii() and text.isdigit()):
                found[key] = translate("Settings", "Only digits, like 0 or 00")
        return found
