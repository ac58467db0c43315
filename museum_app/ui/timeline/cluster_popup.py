"""The list a click on a cluster badge opens: every event it stands for, each one click away."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from museum_app.timeline.items import TimelineItem

MAX_VISIBLE_ROWS = 14  # taller lists scroll


class ClusterPopup(QFrame):
    """A popup list of events (title and date); choosing one emits its id and closes the list."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget, heading: str, items: Sequence[TimelineItem]) -> None:
        """List events, each by its title and date, under a heading."""
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("clusterPopup")
        self.setAccessibleName(heading)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ids = [item.id for item in items]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        label = QLabel(heading, self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # data is shown as text, never markup
        layout.addWidget(label)
        self.list = QListWidget(self)
        self.list.setObjectName("clusterList")
        self.list.setAccessibleName(heading)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the date's end in sight
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        entry = self.tr("{title} ({date})")  # the date after the title, as the language writes it
        self.list.addItems([entry.format(title=item.title, date=item.date_label) for item in items])
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
        layout.addWidget(self.list)
        rows = min(len(items), MAX_VISIBLE_ROWS)
        row = self.list.sizeHintForRow(0) if items else 20
        width = min(max(self.list.sizeHintForColumn(0) + 40, 260), 760)
        self.list.setFixedHeight(rows * row + 2 * self.list.frameWidth() + 4)
        self.setFixedWidth(width)

    def ids(self) -> list[str]:
        """Return the ids listed, in order."""
        return list(self._ids)

    def _choose(self, item: QListWidgetItem) -> None:
        """Open the event of an entry."""
        event_id = self._ids[self.list.row(item)]
        self.close()
        self.chosen.emit(event_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the current entry; Escape closes the list."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentItem():
            self._choose(self.list.currentItem())
            return
        super().keyPressEvent(event)

    def show_at(self, point: QPoint) -> None:
        """Show the list with its top left near a global point, kept on the screen."""
        self.adjustSize()
        screen = self.screen().availableGeometry()
        x = max(screen.left(), min(point.x(), screen.right() - self.width()))
        y = point.y() if point.y() + self.height() <= screen.bottom() else point.y() - self.height()
        self.move(x, max(screen.top(), y))
        self.show()
        self.list.setFocus()
