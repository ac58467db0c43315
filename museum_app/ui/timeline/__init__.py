"""The timeline widget: events in lanes over a zoomable time axis, with an overview strip."""

from museum_app.ui.timeline.view import TimelineView

__all__ = ["TimelineView"]
