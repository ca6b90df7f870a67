"""Building blocks of the settings dialog: a field with its hint and its problem in words,
a password box for a keyring secret, a fold, the box where a Test button reports, a form grid
and a scroll area that sizes wrapped text right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ucm_popup.ui.i18n import arg, translate

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
        self._hint = hint
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
        self._describe("")

    def set_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        self._describe(text or "")

    def _describe(self, problem: str) -> None:
        """What a screen reader says after the field's name: what is wrong first, then the
        hint (the red line and the grey one a sighted user reads under the field)."""
        words = f"{problem}. {self._hint}" if problem else self._hint
        for widget in (self.editor, *self.editor.findChildren(QLineEdit)):
            widget.setAccessibleDescription(words)


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
        self.edit.textChanged.connect(lambda _text: self._refresh())  # typed or pasted in
        self.show_button = QToolButton()
        self.show_button.setText(translate("Settings", "Show"))
        self.show_button.setCheckable(True)
        self.show_button.setToolTip(translate("Settings", "Show what you typed"))
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
            self.edit.setPlaceholderText(translate("Settings", "cannot be saved on this computer"))
            if self.from_environment:
                words = arg(translate(
                        "Settings", "Taken from the environment variable %1."), self.env_var)
            else:
                words = (arg(translate(
                        "Settings", "No keyring on this computer, so this cannot be saved here: "
                        "set the environment variable %1 instead."), self.env_var))
                self.status.setStyleSheet(ERROR_STYLE)
                self.status.setForegroundRole(QPalette.ColorRole.WindowText)
            self.status.setText(words)
        elif self.from_environment:
            self.edit.setPlaceholderText(translate("Settings", "set by the environment"))
            self.status.setText(
                arg(translate(
                        "Settings", "Taken from the environment variable %1, which wins over the "
                        "keyring. What you type here goes to the keyring."), self.env_var)
            )
        elif self.stored and self.typed():
            self.status.setText(translate(
                    "Settings", "New value: it replaces the one in the keyring when you Save."))
        elif self.stored:
            self.edit.setPlaceholderText(translate(
                    "Settings", "•••••••• saved in the keyring; type to replace"))
            self.status.setText(translate(
                    "Settings", "Saved in the system keyring. Leave empty to keep it."))
        elif self.typed():
            self.status.setText(translate(
                    "Settings", "Goes to the system keyring when you Save, never in the "
                                "settings file."))
        else:
            self.edit.setPlaceholderText("")
            self.status.setText(translate(
                    "Settings", "Kept in the system keyring, never in the settings file."))


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


def check_area(button: QPushButton, result: ResultBox) -> QWidget:
    """A page's Test button on a line of its own, with the result it reports under it."""
    area = QWidget()
    layout = QVBoxLayout(area)
    layout.setContentsMargins(0, 0, 0, 0)
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addWidget(result)
    return area


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
                for inner in field.findChildren(QWidget):  # a password's line, a list, a code
                    if isinstance(inner, NAMED_BY_LABEL) and not inner.accessibleName():
                        inner.setAccessibleName(label.rstrip(":"))
                self.addWidget(text, self._rows, 0)
            self.addWidget(field, self._rows, 1)
        self._rows += 1


# Editors a screen reader names by the form's label (buttons are named by their own text).
NAMED_BY_LABEL = (QLineEdit, QPlainTextEdit, QListWidget, QComboBox, QAbstractSpinBox)


def _form() -> Form:
    return Form()


class PageScroll(QScrollArea):
    """Scrolls a page whose wrapped labels need height-for-width: the page gets exactly the
    height its layout needs at the viewport's width (QScrollArea's own resizing ignores
    height-for-width, and the surplus it hands out shows as gaps between the rows)."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(False)
        self.setWidget(page)
        page.installEventFilter(self)

    def fit(self) -> None:
        page = self.page
        layout = page.layout()
        width = self.viewport().width()
        if layout is not None and layout.hasHeightForWidth():
            height = layout.totalHeightForWidth(width)
        else:
            height = page.sizeHint().height()
        if page.size() != QSize(width, height):
            page.resize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self.fit)  # after the layout has taken in the change
        return False
