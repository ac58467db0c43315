"""Explore the China Internet Museum's history milestones on a zoomable timeline."""

__version__ = "0.1.0"
