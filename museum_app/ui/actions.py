"""The window's commands: actions with standard shortcuts, in menus and on the toolbar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar

from museum_app.ui.widgets import arrow_icon, star_icon


def tr(text: str) -> str:
    """Translate a string of the window's commands."""
    return QCoreApplication.translate("Actions", text)


_NAMES = (  # in the order of the shortcuts overview
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

    __slots__ = _NAMES

    def __init__(
        self,
        *,
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
        export_bookmarks=_action(window, tr("&Export bookmarks…"), "Ctrl+E", pix.SP_DialogSaveButton),
        import_bookmarks=_action(window, tr("&Import bookmarks…")),
        export_image=_action(window, tr("Export view as &image…"), "Ctrl+Shift+E"),
        quit=_action(window, tr("&Quit"), "Ctrl+Q"),
        undo=_action(window, tr("&Undo"), key.Undo),
        find=_action(window, tr("&Find…"), key.Find),
        bookmark=_action(window, tr("&Bookmark"), "Ctrl+D", checkable=True),
        edit_note=_action(window, tr("Edit &note"), "F2"),
        back=_action(window, tr("&Back"), "Alt+Left"),
        forward=_action(window, tr("&Forward"), "Alt+Right"),
        previous_event=_action(window, tr("&Previous event"), "Alt+Up"),
        next_event=_action(window, tr("&Next event"), "Alt+Down"),
        zoom_in=_action(window, tr("Zoom &in"), key.ZoomIn),
        zoom_out=_action(window, tr("Zoom &out"), key.ZoomOut),
        fit_all=_action(window, tr("&Fit all"), "Ctrl+0"),
        show_bookmarks=_action(window, tr("Show &bookmarks"), "Ctrl+B", checkable=True),
        full_screen=_action(window, tr("F&ull screen"), "F11", checkable=True),
        shortcuts=_action(window, tr("&Keyboard shortcuts"), key.HelpContents),
        legend=_action(window, tr("Timeline &legend")),
        about=_action(window, tr("&About museum_app")),
    )
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    paint_icons(actions, window.palette())
    _menus(window, actions)
    _toolbar(window, actions)
    return actions


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
        tr("&File"): [a.export_bookmarks, a.import_bookmarks, None, a.export_image, None, a.quit],
        tr("&Edit"): [a.undo, None, a.find, a.bookmark, a.edit_note],
        tr("&View"): [*view, a.fit_all, None, a.show_bookmarks, a.full_screen],
        tr("&Help"): [a.shortcuts, a.legend, a.about],
    }
    for title, items in groups.items():
        menu = bar.addMenu(title)
        for action in items:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)


def _toolbar(window: QMainWindow, a: Actions) -> None:
    """Put the most used actions on a toolbar."""
    bar = QToolBar(tr("Main toolbar"), window)
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
        (tr("Timeline: previous / next event"), tr("Left / Right")),
        (tr("Timeline: zoom in / out around the cursor"), tr("+ / −, Ctrl+wheel")),
        (tr("Timeline: fit everything"), "F"),
        (tr("Timeline: first / last event"), tr("Home / End")),
        (tr("Timeline: a screen back / forward"), tr("Page Up / Page Down")),
        (tr("Move between parts of the window"), tr("Tab / Shift+Tab")),
    ]
    return rows + timeline
