"""The window's commands: actions with standard shortcuts, in menus and on the toolbar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from museum_app.ui.language import LANGUAGES
from museum_app.ui.widgets import arrow_icon, star_icon

_NAMES = (  # in the order of the shortcuts overview
    "open_file",
    "export_bookmarks",
    "import_bookmarks",
    "export_image",
    "quit",
    "undo",
    "find",
    "bookmark",
    "edit_note",
    "back",
    "forward",
    "previous_event",
    "next_event",
    "zoom_in",
    "zoom_out",
    "fit_all",
    "show_bookmarks",
    "full_screen",
    "shortcuts",
    "legend",
    "about",
)


class Actions:
    """Every command of the main window.

    A plain class with slots: a dataclass takes a millisecond or two to define, at every start.
    """

    __slots__ = (*_NAMES, "languages")

    def __init__(
        self,
        *,
        open_file: QAction,
        export_bookmarks: QAction,
        import_bookmarks: QAction,
        export_image: QAction,
        quit: QAction,
        undo: QAction,
        find: QAction,
        bookmark: QAction,
        edit_note: QAction,
        back: QAction,
        forward: QAction,
        previous_event: QAction,
        next_event: QAction,
        zoom_in: QAction,
        zoom_out: QAction,
        fit_all: QAction,
        show_bookmarks: QAction,
        full_screen: QAction,
        shortcuts: QAction,
        legend: QAction,
        about: QAction,
    ) -> None:
        self.open_file = open_file
        self.export_bookmarks = export_bookmarks
        self.import_bookmarks = import_bookmarks
        self.export_image = export_image
        self.quit = quit
        self.undo = undo
        self.find = find
        self.bookmark = bookmark
        self.edit_note = edit_note
        self.back = back
        self.forward = forward
        self.previous_event = previous_event
        self.next_event = next_event
        self.zoom_in = zoom_in
        self.zoom_out = zoom_out
        self.fit_all = fit_all
        self.show_bookmarks = show_bookmarks
        self.full_screen = full_screen
        self.shortcuts = shortcuts
        self.legend = legend
        self.about = about
        self.languages: list[QAction] = []

    def all(self) -> list[QAction]:
        """Return every action."""
        return [getattr(self, name) for name in _NAMES]


def _action(
    window: QMainWindow,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    icon: QStyle.StandardPixmap | None = None,
    checkable: bool = False,
) -> QAction:
    """Make one action owned by the window."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.setCheckable(checkable)
    return action


def create_actions(window: QMainWindow) -> Actions:
    """Make the actions; the main window connects them."""
    pix = QStyle.StandardPixmap
    key = QKeySequence.StandardKey
    actions = Actions(
        open_file=_action(window, "", key.Open, pix.SP_DialogOpenButton),
        export_bookmarks=_action(window, "", "Ctrl+E", pix.SP_DialogSaveButton),
        import_bookmarks=_action(window, ""),
        export_image=_action(window, "", "Ctrl+Shift+E"),
        quit=_action(window, "", "Ctrl+Q"),
        undo=_action(window, "", key.Undo),
        find=_action(window, "", key.Find),
        bookmark=_action(window, "", "Ctrl+D", checkable=True),
        edit_note=_action(window, "", "F2"),
        back=_action(window, "", "Alt+Left"),
        forward=_action(window, "", "Alt+Right"),
        previous_event=_action(window, "", "Alt+Up"),
        next_event=_action(window, "", "Alt+Down"),
        zoom_in=_action(window, "", key.ZoomIn),
        zoom_out=_action(window, "", key.ZoomOut),
        fit_all=_action(window, "", "Ctrl+0"),
        show_bookmarks=_action(window, "", "Ctrl+B", checkable=True),
        full_screen=_action(window, "", "F11", checkable=True),
        shortcuts=_action(window, "", key.HelpContents),
        legend=_action(window, ""),
        about=_action(window, ""),
    )
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    group = QActionGroup(window)
    for code, name in LANGUAGES:
        language = QAction(name, group)
        language.setCheckable(True)
        language.setData(code)
        language.setObjectName(f"language_{code}")
        actions.languages.append(language)
    paint_icons(actions, window.palette())
    _menus(window, actions)
    _toolbar(window, actions)
    retranslate(window, actions)
    return actions


def retranslate(window: QMainWindow, a: Actions) -> None:
    """Give the actions, menus and toolbar their text in the current language."""
    a.open_file.setText(QCoreApplication.translate("Actions", "&Open/Import…"))
    a.open_file.setToolTip(
        QCoreApplication.translate(
            "Actions", "Import a timeline: TimelineJS, Timeline Project, a calendar or a pack"
        )
    )
    a.export_bookmarks.setText(QCoreApplication.translate("Actions", "&Export bookmarks…"))
    a.import_bookmarks.setText(QCoreApplication.translate("Actions", "&Import bookmarks…"))
    a.export_image.setText(QCoreApplication.translate("Actions", "Export view as &image…"))
    a.quit.setText(QCoreApplication.translate("Actions", "&Quit"))
    a.undo.setText(QCoreApplication.translate("Actions", "&Undo"))
    a.find.setText(QCoreApplication.translate("Actions", "&Find…"))
    a.bookmark.setText(QCoreApplication.translate("Actions", "&Bookmark"))
    a.edit_note.setText(QCoreApplication.translate("Actions", "Edit &note"))
    a.back.setText(QCoreApplication.translate("Actions", "&Back"))
    a.forward.setText(QCoreApplication.translate("Actions", "&Forward"))
    a.previous_event.setText(QCoreApplication.translate("Actions", "&Previous event"))
    a.next_event.setText(QCoreApplication.translate("Actions", "&Next event"))
    a.zoom_in.setText(QCoreApplication.translate("Actions", "Zoom &in"))
    a.zoom_out.setText(QCoreApplication.translate("Actions", "Zoom &out"))
    a.fit_all.setText(QCoreApplication.translate("Actions", "&Fit all"))
    a.show_bookmarks.setText(QCoreApplication.translate("Actions", "Show &bookmarks"))
    a.full_screen.setText(QCoreApplication.translate("Actions", "F&ull screen"))
    a.shortcuts.setText(QCoreApplication.translate("Actions", "&Keyboard shortcuts"))
    a.legend.setText(QCoreApplication.translate("Actions", "Timeline &legend"))
    a.about.setText(QCoreApplication.translate("Actions", "&About museum_app"))
    titles = {
        "fileMenu": QCoreApplication.translate("Actions", "&File"),
        "editMenu": QCoreApplication.translate("Actions", "&Edit"),
        "viewMenu": QCoreApplication.translate("Actions", "&View"),
        "languageMenu": QCoreApplication.translate("Actions", "&Language"),
        "helpMenu": QCoreApplication.translate("Actions", "&Help"),
    }
    for name, title in titles.items():
        menu = window.findChild(QMenu, name)
        if menu is not None:
            menu.setTitle(title)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    if toolbar is not None:
        toolbar.setWindowTitle(QCoreApplication.translate("Actions", "Main toolbar"))


def paint_icons(actions: Actions, palette: QPalette) -> None:
    """Draw the toolbar's icons in the palette's text colour, so they show on light and dark."""
    colour = palette.color(QPalette.ColorRole.ButtonText)
    actions.back.setIcon(arrow_icon(colour, left=True))
    actions.forward.setIcon(arrow_icon(colour, left=False))
    actions.previous_event.setIcon(arrow_icon(colour, left=True, double=True))
    actions.next_event.setIcon(arrow_icon(colour, left=False, double=True))
    actions.bookmark.setIcon(star_icon(colour))


def _menus(window: QMainWindow, a: Actions) -> None:
    """Put the actions in the menu bar."""
    bar = window.menuBar()
    view = [a.back, a.forward, None, a.previous_event, a.next_event, None, a.zoom_in, a.zoom_out]
    groups: dict[str, list[QAction | None]] = {
        "fileMenu": [
            a.open_file,
            None,
            a.export_bookmarks,
            a.import_bookmarks,
            None,
            a.export_image,
            None,
            a.quit,
        ],
        "editMenu": [a.undo, None, a.find, a.bookmark, a.edit_note],
        "viewMenu": [*view, a.fit_all, None, a.show_bookmarks, a.full_screen, None],
        "helpMenu": [a.shortcuts, a.legend, a.about],
    }
    for name, items in groups.items():
        menu = bar.addMenu("")  # titled by retranslate
        menu.setObjectName(name)
        for action in items:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        if name == "viewMenu":
            languages = menu.addMenu("")
            languages.setObjectName("languageMenu")
            languages.addActions(a.languages)


def _toolbar(window: QMainWindow, a: Actions) -> None:
    """Put the most used actions on a toolbar."""
    bar = QToolBar(window)
    bar.setObjectName("mainToolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (a.back, a.forward, None, a.previous_event, a.next_event, None,
                   a.zoom_out, a.zoom_in, a.fit_all, None, a.bookmark, a.show_bookmarks):  # fmt: skip
        if action is None:
            bar.addSeparator()
        else:
            bar.addAction(action)
    window.addToolBar(bar)


def shortcut_rows(actions: Actions) -> list[tuple[str, str]]:
    """List every shortcut with what it does, for the shortcuts overview."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = [
        (a.text().replace("&", "").rstrip("…"), a.shortcut().toString(native))
        for a in actions.all()
        if not a.shortcut().isEmpty()
    ]
    timeline = [
        (
            QCoreApplication.translate("Actions", "Timeline: previous / next event"),
            QCoreApplication.translate("Actions", "Left / Right"),
        ),
        (
            QCoreApplication.translate("Actions", "Timeline: zoom in / out around the cursor"),
            QCoreApplication.translate("Actions", "+ / −, Ctrl+wheel"),
        ),
        (QCoreApplication.translate("Actions", "Timeline: fit everything"), "F"),
        (
            QCoreApplication.translate("Actions", "Timeline: first / last event"),
            QCoreApplication.translate("Actions", "Home / End"),
        ),
        (
            QCoreApplication.translate("Actions", "Timeline: a screen back / forward"),
            QCoreApplication.translate("Actions", "Page Up / Page Down"),
        ),
        (
            QCoreApplication.translate("Actions", "Move between parts of the window"),
            QCoreApplication.translate("Actions", "Tab / Shift+Tab"),
        ),
    ]
    return rows + timeline
