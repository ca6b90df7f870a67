"""The CRM page of the settings dialog: provider, Zoho credentials, modules, country, Test.

Zoho's OAuth steps are where setups fail, so the page walks through them: pick the data
centre (which fills the three addresses together), paste the Self Client's id and secret,
then paste a grant code and press "Get refresh token".
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtGui import QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ucm_popup.crm.datacentres import DATA_CENTRES, host_of
from ucm_popup.crm.zoho_oauth import missing_scopes, scopes_for, write_scopes
from ucm_popup.settings import (
    CrmSettings,
    Settings,
    ZohoV1Settings,
    ZohoV2Settings,
    check_server_url,
)
from ucm_popup.ui.i18n import arg, translate
from ucm_popup.ui.settings_widgets import (
    FieldRow,
    Fold,
    Form,
    ResultBox,
    SecretField,
    _form,
    plain_label,
)

# Words of module-level tables are marked for the catalogue here and translated where shown.
PROVIDERS = (
    ("none", QT_TRANSLATE_NOOP("Settings", "None: show only the number and name the UCM gives")),
    ("zoho-v2", "Zoho CRM"),
    ("zoho-v1", QT_TRANSLATE_NOOP("Settings", "Zoho CRM, old v1 API (legacy, end of life)")),
)
# The data centres' names (crm/datacentres.py, the core: no Qt there) for the catalogue.
DATA_CENTRE_WORDS = (
    QT_TRANSLATE_NOOP("Settings", "United States (zoho.com)"),
    QT_TRANSLATE_NOOP("Settings", "Europe (zoho.eu)"),
    QT_TRANSLATE_NOOP("Settings", "India (zoho.in)"),
    QT_TRANSLATE_NOOP("Settings", "Australia (zoho.com.au)"),
    QT_TRANSLATE_NOOP("Settings", "China (zoho.com.cn)"),
    QT_TRANSLATE_NOOP("Settings", "Japan (zoho.jp)"),
    QT_TRANSLATE_NOOP("Settings", "Canada (zohocloud.ca)"),
    QT_TRANSLATE_NOOP("Settings", "Saudi Arabia (zoho.sa)"),
)
MODULE_WORDS = {"Contacts": "Contacts", "Leads": "Leads", "Accounts": "Accounts"}
OTHER_DC = ""
ADD_UNKNOWN = (("", QT_TRANSLATE_NOOP("Settings", "Don't add them")),
               ("Leads", QT_TRANSLATE_NOOP("Settings", "as a new Lead")),
               ("Contacts", QT_TRANSLATE_NOOP("Settings", "as a new Contact")))
V1_READ_ONLY = QT_TRANSLATE_NOOP(
    "Settings", "Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are "
    "written and callers added with Zoho CRM (v2) only.")


def _url_problem(url: str, example: str) -> str | None:
    if not url:
        return arg(translate("Settings", "Enter the address, like %1"), example)
    problem = check_server_url(url)
    if problem is None:
        return None
    if url.lower().startswith("http://"):
        return translate(
                "Settings", "Use https:// (plain http:// is only allowed for this computer's own "
                "address)")
    return arg(translate(
            "Settings", "Enter a full address starting with https://, like %1"), example)


def console_url(accounts_url: str) -> str:
    """The Zoho API console of the data centre whose accounts server is ``accounts_url``."""
    host = host_of(accounts_url)
    if host.startswith("accounts."):
        return "https://api-console." + host.removeprefix("accounts.")
    return "https://api-console.zoho.com"


def country_choices() -> list[tuple[str, str]]:
    """(code, "Name (code)") for every region phonenumbers can read, sorted by name."""
    from phonenumbers import SUPPORTED_REGIONS

    choices = []
    for code in SUPPORTED_REGIONS:
        territory = QLocale.codeToTerritory(code)
        name = QLocale.territoryToString(territory) if territory.value else code
        choices.append((code, f"{name} ({code})"))
    return sorted(choices, key=lambda choice: choice[1].casefold())


class CrmPage(QWidget):
    def __init__(
        self, settings: Settings, env_vars: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        crm = settings.crm
        self._crm = crm  # keys this page does not edit are kept as they are
        self._granted: tuple[str, ...] = ()  # scopes of the last grant code exchanged here
        self._refused_scope = ""  # the scope the running app's writes were refused for
        outer = QVBoxLayout(self)
        top = _form()
        self.provider = QComboBox()
        for code, words in PROVIDERS:
            self.provider.addItem(translate("Settings", str(words)), code)
        self.provider.setCurrentIndex(max(0, self.provider.findData(crm.provider)))
        self.rows: dict[str, FieldRow] = {
            "provider": FieldRow(self.provider, translate(
                    "Settings", "The CRM where the popup looks the caller "
                                 "up; choose None if you use none."))
        }
        top.addRow(translate("Settings", "CRM:"), self.rows["provider"])
        outer.addLayout(top)

        # one panel per provider; only the chosen one is shown (and takes room)
        self.panels = {
            "none": plain_label(translate(
                    "Settings", "Popups show the caller's number and the name the UCM gives, "
                                "with no CRM lookup.")),
            "zoho-v2": self._v2_panel(settings.zoho_v2, env_vars),
            "zoho-v1": self._v1_panel(settings.zoho_v1, env_vars),
        }
        for panel in self.panels.values():
            outer.addWidget(panel)

        self.common = QWidget()
        common = _form()
        self.common.setLayout(common)
        self.modules = QListWidget()
        known = ("Contacts", "Leads", "Accounts")
        for module in (*crm.modules, *(m for m in known if m not in crm.modules)):
            item = QListWidgetItem(MODULE_WORDS[module])
            item.setData(Qt.ItemDataRole.UserRole, module)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if module in crm.modules else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.modules.addItem(item)
        self.modules.setCurrentRow(0)
        self.modules.setFixedHeight(self.modules.sizeHintForRow(0) * 3 + 8)
        self.move_up = QToolButton()
        self.move_up.setText(translate("Settings", "Up"))
        self.move_up.setToolTip(translate("Settings", "Search this module earlier"))
        self.move_down = QToolButton()
        self.move_down.setText(translate("Settings", "Down"))
        self.move_down.setToolTip(translate("Settings", "Search this module later"))
        self.move_up.clicked.connect(lambda: self._move(-1))
        self.move_down.clicked.connect(lambda: self._move(1))
        modules_box = QWidget()
        modules_layout = QHBoxLayout(modules_box)
        modules_layout.setContentsMargins(0, 0, 0, 0)
        modules_layout.addWidget(self.modules, 1)
        arrows = QVBoxLayout()
        arrows.addWidget(self.move_up)
        arrows.addWidget(self.move_down)
        arrows.addStretch(1)
        modules_layout.addLayout(arrows)
        self.region = QComboBox()
        self.region.setObjectName("country")  # names from Qt, in English (no catalogue of them)
        for code, words in country_choices():
            self.region.addItem(words, code)
        if self.region.findData(crm.default_region) < 0:
            self.region.addItem(crm.default_region, crm.default_region)
        self.region.setCurrentIndex(self.region.findData(crm.default_region))
        self.rows["modules"] = FieldRow(modules_box, translate(
                "Settings", "Where to look for the caller, top first. "
                                        "Tick the record types your team keeps phone numbers in."))
        self.rows["default_region"] = FieldRow(self.region, translate(
                "Settings", "Your country: numbers the UCM "
                                               "gives without a country code are read as this "
                                               "country's."))
        common.addRow(translate("Settings", "Search in:"), self.rows["modules"])
        common.addRow(translate("Settings", "Country:"), self.rows["default_region"])
        self._writes_rows(common, crm)

        self.test_number = QLineEdit()
        self.test_number.setPlaceholderText(translate(
                "Settings", "a customer's phone number, like +33 6 12 34 56 78"))
        self.test_button = QPushButton(translate("Settings", "Test lookup"))
        self.test_button.setToolTip(translate(
                "Settings", "Look this number up in the CRM with these settings"))
        test_row = QWidget()
        test_layout = QHBoxLayout(test_row)
        test_layout.setContentsMargins(0, 0, 0, 0)
        test_layout.addWidget(self.test_number, 1)
        test_layout.addWidget(self.test_button)
        self.rows["test_number"] = FieldRow(test_row, translate(
                "Settings", "Type a number you know is in the CRM, "
                                            "then Test lookup."))
        self.result = ResultBox()
        common.addRow(translate("Settings", "Try a number:"), self.rows["test_number"])
        common.addRow("", self.result)
        outer.addWidget(self.common)
        outer.addStretch(1)

        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._provider_changed()

    # -- writing to the CRM ---------------------------------------------------------------------

    def _writes_rows(self, form: Form, crm: CrmSettings) -> None:
        self.log_calls = QCheckBox(translate(
                "Settings", "Log every call of my extension in Zoho CRM (Calls)"))
        self.log_calls.setChecked(crm.log_calls)
        self.add_unknown = QComboBox()
        for code, words in ADD_UNKNOWN:
            self.add_unknown.addItem(translate("Settings", str(words)), code)
        self.add_unknown.setCurrentIndex(max(0, self.add_unknown.findData(crm.add_unknown)))
        self.rows["log_calls"] = FieldRow(self.log_calls, translate(
                "Settings", "Answered, outgoing and missed calls "
                                          "appear in Zoho's call reports, with your note."))
        self.rows["add_unknown"] = FieldRow(self.add_unknown, translate(
                "Settings", "A caller the CRM does not know "
                                            "becomes a record, shown in the popup."))
        self.writes_note = plain_label("")
        self.writes_note.setObjectName("writes_note")
        self.writes_note.setWordWrap(True)
        form.addRow(translate("Settings", "Write calls:"), self.rows["log_calls"])
        form.addRow(translate("Settings", "Unknown callers:"), self.rows["add_unknown"])
        form.addRow("", self.writes_note)
        self.log_calls.toggled.connect(self._writes_changed)
        self.add_unknown.currentIndexChanged.connect(self._writes_changed)

    def needed_scopes(self) -> str:
        if not hasattr(self, "log_calls"):  # the Zoho panel is built before these rows
            return scopes_for(self._crm.log_calls, self._crm.add_unknown)
        return scopes_for(self.log_calls.isChecked(), str(self.add_unknown.currentData()))

    def note_refused_scope(self, scope: str) -> None:
        """The running app's writes were refused for lack of ``scope``."""
        self._refused_scope = scope
        self._writes_changed()

    def note_granted_scopes(self, scopes: tuple[str, ...]) -> None:
        """A grant code was exchanged: say which write scope it lacks, if any."""
        self._granted = scopes
        self._writes_changed()

    def _writes_changed(self) -> None:
        log_calls, add_unknown = self.log_calls.isChecked(), str(self.add_unknown.currentData())
        writes = bool(write_scopes(log_calls, add_unknown))
        if hasattr(self, "scopes"):
            self.scopes.setPlainText(self.needed_scopes())
        if self.provider_code() == "zoho-v1" and writes:
            text, warn = translate("Settings", str(V1_READ_ONLY)), True
        elif not writes:
            text, warn = "", False
        elif missing := (missing_scopes(self._granted, log_calls, add_unknown)
                         if self._granted else ()):
            text, warn = (arg(translate(
                    "Settings", "The refresh token just received lacks %1: generate a new code "
                    "with the scopes under Get refresh token."), ', '.join(missing))), True
        elif self._refused_scope and not self._granted:
            text, warn = (arg(translate(
                    "Settings", "Zoho refused this app's writes: the refresh token lacks %1. "
                    "Generate a new code with the scopes under Get refresh token."),
                self._refused_scope)), True
        else:
            text, warn = (translate(
                    "Settings", "Writing needs more permissions than reading: generate the refresh "
                          "token's code with the scopes under Get refresh token (they include "
                          "them).")), False
        self.writes_note.setText(text)
        self.writes_note.setVisible(bool(text))
        self.writes_note.setStyleSheet(
            "background: #fff4ce; color: #5c4400; padding: 6px; border: 1px solid #e0c060; "
            "border-radius: 3px;" if warn else "color: #475569;")

    # -- Zoho v2 ------------------------------------------------------------------------------

    def _v2_panel(self, v2: ZohoV2Settings, env_vars: dict[str, str]) -> QWidget:
        panel = QWidget()
        form = _form()
        form.setContentsMargins(0, 0, 0, 0)
        panel.setLayout(form)
        self.data_centre = QComboBox()
        for dc in DATA_CENTRES.values():
            self.data_centre.addItem(translate("Settings", dc.label), dc.code)
        self.data_centre.addItem(translate(
                "Settings", "Other: the addresses under Advanced"), OTHER_DC)
        self.v2_server = QLineEdit(v2.server)
        self.v2_accounts = QLineEdit(v2.accounts_url)
        self.v2_web = QLineEdit(v2.web_url)
        self.client_id = QLineEdit(v2.client_id)
        self.client_id.setPlaceholderText("1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        self.client_secret = SecretField(env_vars["client_secret"])
        self.refresh_token = SecretField(env_vars["refresh_token"])
        self.rows["data_centre"] = FieldRow(self.data_centre, translate(
                "Settings", "Where your Zoho account lives: "
                                            "the end of the address you log in at, e.g. "
                                            "crm.zoho.eu is Europe."))
        advanced = QWidget()
        advanced_form = _form()
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced.setLayout(advanced_form)
        self.rows["zoho_v2.server"] = FieldRow(self.v2_server, translate(
                "Settings", "Zoho's API address for this "
                                               "data centre."))
        self.rows["zoho_v2.accounts_url"] = FieldRow(self.v2_accounts, translate(
                "Settings", "Zoho's sign-in (OAuth) "
                                                     "server for this data centre."))
        self.rows["zoho_v2.web_url"] = FieldRow(self.v2_web, translate(
                "Settings", "Where \"Open in CRM\" opens "
                                                "records."))
        advanced_form.addRow(translate("Settings", "API:"), self.rows["zoho_v2.server"])
        advanced_form.addRow(translate("Settings", "Accounts:"), self.rows["zoho_v2.accounts_url"])
        advanced_form.addRow(translate("Settings", "Web:"), self.rows["zoho_v2.web_url"])
        self.v2_advanced = Fold(translate(
                "Settings", "Advanced: the data centre's addresses"), advanced)
        self.rows["client_id"] = FieldRow(self.client_id, translate(
                "Settings", "From your Self Client in the Zoho API "
                                          "console (steps below); it starts with 1000."))
        self.rows["client_secret"] = FieldRow(self.client_secret, translate(
                "Settings", "Shown next to the Client ID "
                                              "in the Zoho API console."))
        self.rows["refresh_token"] = FieldRow(self.refresh_token, translate(
                "Settings", "Lets this app read the CRM "
                                              "without your Zoho password. Get one below."))
        form.addRow(translate("Settings", "Data centre:"), self.rows["data_centre"])
        form.addRow("", self.v2_advanced)
        form.addRow(translate("Settings", "Client ID:"), self.rows["client_id"])
        form.addRow(translate("Settings", "Client secret:"), self.rows["client_secret"])
        form.addRow(translate("Settings", "Refresh token:"), self.rows["refresh_token"])
        self.grant_fold = Fold(translate("Settings", "Get refresh token"), self._grant_helper())
        form.addRow("", self.grant_fold)
        self._sync_data_centre()
        self.data_centre.activated.connect(self._data_centre_chosen)
        for edit in (self.v2_server, self.v2_accounts, self.v2_web):
            edit.textEdited.connect(self._sync_data_centre)
        return panel

    def _grant_helper(self) -> QWidget:
        helper = QWidget()
        layout = QVBoxLayout(helper)
        layout.setContentsMargins(12, 0, 0, 0)
        steps = QGridLayout()
        steps.setColumnStretch(1, 1)
        steps.setVerticalSpacing(4)
        self.grant_steps: list[QLabel] = []
        for number in range(4):
            step = QLabel()
            step.setTextFormat(Qt.TextFormat.RichText)  # our own text, with one link
            step.setWordWrap(True)
            step.setOpenExternalLinks(True)
            step.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            steps.addWidget(QLabel(f"{number + 1}."), number, 0, Qt.AlignmentFlag.AlignTop)
            steps.addWidget(step, number, 1)
            self.grant_steps.append(step)
        layout.addLayout(steps)
        scopes_row = QHBoxLayout()
        self.scopes = QPlainTextEdit(self.needed_scopes())
        self.scopes.setReadOnly(True)
        self.scopes.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.scopes.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.scopes.setFixedHeight(self.scopes.fontMetrics().lineSpacing() * 3 + 12)
        self.scopes.setToolTip(translate(
                "Settings", "The permissions this app needs: reading, and writing calls "
                               "if you chose to"))
        self.scopes.setAccessibleName(translate("Settings", "Scopes"))
        copy = QPushButton(translate("Settings", "Copy scopes"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.needed_scopes()))
        scopes_row.addWidget(self.scopes, 1)
        scopes_row.addWidget(copy)
        layout.addLayout(scopes_row)
        code_row = QHBoxLayout()
        self.grant_code = QLineEdit()
        self.grant_code.setPlaceholderText(translate(
                "Settings", "paste the code here, like 1000.a1b2c3…"))
        self.grant_code.setToolTip(
            translate(
                    "Settings", "The code Zoho shows after Create; it works once, for a few "
                    "minutes")
        )
        self.grant_code.setAccessibleName(translate("Settings", "Code from Zoho"))
        self.grant_button = QPushButton(translate("Settings", "Get refresh token"))
        code_row.addWidget(self.grant_code, 1)
        code_row.addWidget(self.grant_button)
        layout.addLayout(code_row)
        self.grant_result = ResultBox()
        layout.addWidget(self.grant_result)
        self._update_steps()
        return helper

    def _update_steps(self) -> None:
        console = console_url(self.v2_accounts.text().strip())
        steps = (
            arg(translate(
                    "Settings", "Open the Zoho API console, <a href='%1'>%2</a>, and sign in with "
                    "your Zoho CRM account."), escape(console), escape(console)),
            translate(
                    "Settings", "Add Client → <b>Self Client</b> → Create (once). Copy its Client "
                    "ID and Client "
            "Secret into the fields above."),
            translate(
                    "Settings", "On the <b>Generate Code</b> tab, paste the scopes below, pick 10 "
                    "minutes, type any "
            "description and press Create (choose your CRM organisation if asked)."),
            translate(
                    "Settings", "Copy the code Zoho shows, paste it here and press <b>Get refresh "
                    "token</b>."),
        )
        for label, text in zip(self.grant_steps, steps, strict=True):
            label.setText(text)

    def _data_centre_chosen(self) -> None:
        code = self.data_centre.currentData()
        dc = DATA_CENTRES.get(code)
        if dc is None:
            self.v2_advanced.set_open(True)
            return
        self.v2_server.setText(dc.server)
        self.v2_accounts.setText(dc.accounts_url)
        self.v2_web.setText(dc.web_url)
        self._update_steps()

    def _sync_data_centre(self) -> None:
        """Show the data centre whose three addresses are in the fields, else "Other"."""
        current = (self.v2_server.text().strip(), self.v2_accounts.text().strip(),
                   self.v2_web.text().strip())
        code = next((dc.code for dc in DATA_CENTRES.values()
                     if (dc.server, dc.accounts_url, dc.web_url) == current), OTHER_DC)
        self.data_centre.setCurrentIndex(self.data_centre.findData(code))
        if hasattr(self, "grant_steps"):
            self._update_steps()

    def apply_grant(self, refresh_token: str, api_domain: str) -> None:
        """A grant-code exchange worked: the new token (kept on Save) and Zoho's API domain."""
        self.refresh_token.set_typed(refresh_token)
        if api_domain and api_domain.rstrip("/") != self.v2_server.text().strip().rstrip("/"):
            self.v2_server.setText(api_domain.rstrip("/"))  # Zoho's answer names the right DC
            self._sync_data_centre()
        self.grant_code.clear()

    # -- Zoho v1 ------------------------------------------------------------------------------

    def _v1_panel(self, v1: ZohoV1Settings, env_vars: dict[str, str]) -> QWidget:
        panel = QWidget()
        form = _form()
        form.setContentsMargins(0, 0, 0, 0)
        panel.setLayout(form)
        warning = plain_label(
            translate(
                    "Settings", "Legacy: Zoho has retired the v1 API and its auth tokens (end of "
                    "life). Use it "
            "only if your CRM still accepts them; otherwise choose Zoho CRM above.")
        )
        warning.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px; "
                              "border: 1px solid #e0c060; border-radius: 3px;")
        form.addRow(warning)
        self.v1_server = QComboBox()
        self.v1_server.setEditable(True)
        for dc in DATA_CENTRES.values():
            if dc.v1_server:
                self.v1_server.addItem(dc.v1_server)
        self.v1_server.setEditText(v1.server)
        self.authtoken = SecretField(env_vars["authtoken"])
        self.rows["zoho_v1.server"] = FieldRow(self.v1_server, translate(
                "Settings", "CRM server address: "
                                               "https://crm.zoho.com, .eu, .in, .com.au or "
                                               ".com.cn, as in your browser."))
        self.rows["authtoken"] = FieldRow(self.authtoken, translate(
                "Settings", "The v1 auth token from Zoho CRM's "
                                          "settings (a long hexadecimal string)."))
        form.addRow(translate("Settings", "Server:"), self.rows["zoho_v1.server"])
        form.addRow(translate("Settings", "Auth token:"), self.rows["authtoken"])
        return panel

    # -- modules and values ---------------------------------------------------------------------

    def _move(self, step: int) -> None:
        row = self.modules.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.modules.count():
            return
        item = self.modules.takeItem(row)
        self.modules.insertItem(target, item)
        self.modules.setCurrentRow(target)

    def _provider_changed(self) -> None:
        code = self.provider.currentData()
        for provider, panel in self.panels.items():
            panel.setVisible(provider == code)
        self.common.setVisible(code != "none")
        self.result.clear()
        self._writes_changed()

    def provider_code(self) -> str:
        return str(self.provider.currentData())

    def crm_values(self) -> CrmSettings:
        modules = tuple(
            str(self.modules.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.modules.count())
            if self.modules.item(i).checkState() == Qt.CheckState.Checked
        )
        return replace(
            self._crm, provider=self.provider_code(), modules=modules,
            default_region=str(self.region.currentData()), log_calls=self.log_calls.isChecked(),
            add_unknown=str(self.add_unknown.currentData()),
        )

    def v1_values(self) -> ZohoV1Settings:
        return ZohoV1Settings(server=self.v1_server.currentText().strip())

    def v2_values(self) -> ZohoV2Settings:
        return ZohoV2Settings(
            server=self.v2_server.text().strip(),
            accounts_url=self.v2_accounts.text().strip(),
            web_url=self.v2_web.text().strip(),
            client_id=self.client_id.text().strip(),
        )

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        provider = self.provider_code()
        if provider == "none":
            return found
        if not self.crm_values().modules:
            found["modules"] = translate("Settings", "Tick at least one module to search")
        if provider == "zoho-v1":
            problem = _url_problem(self.v1_values().server, "https://crm.zoho.com")
            if problem:
                found["zoho_v1.server"] = problem
            if not self.authtoken.has_value() and self.authtoken.keyring_problem is None:
                found["authtoken"] = translate("Settings", "Enter the v1 auth token")
            return found
        v2 = self.v2_values()
        for key, url, example in (
            ("zoho_v2.server", v2.server, "https://www.zohoapis.eu"),
            ("zoho_v2.accounts_url", v2.accounts_url, "https://accounts.zoho.eu"),
            ("zoho_v2.web_url", v2.web_url, "https://crm.zoho.eu"),
        ):
            problem = _url_problem(url, example)
            if problem:
                found[key] = problem
        if any(key.startswith("zoho_v2.") for key in found):
            found["data_centre"] = translate(
                    "Settings", "Some of the data centre's addresses are wrong: see Advanced")
        if not v2.client_id:
            found["client_id"] = translate(
                    "Settings", "Paste the Client ID of your Self Client (it starts with 1000.)")
        elif " " in v2.client_id:
            found["client_id"] = translate(
                    "Settings", "A client ID has no spaces: copy it again from the API console")
        if not self.client_secret.has_value() and self.client_secret.keyring_problem is None:
            found["client_secret"] = translate(
                    "Settings", "Paste the Client Secret shown next to the Client ID")
        if not self.refresh_token.has_value() and self.refresh_token.keyring_problem is None:
            found["refresh_token"] = translate(
                    "Settings", "Get a refresh token with the steps below")
        return found
