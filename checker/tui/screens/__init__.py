"""Screens of the review UI: the story list, the story view, help and dialogs."""
