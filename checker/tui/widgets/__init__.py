"""Widgets of the review UI: the side-by-side unit view, the findings table, the story list."""
