"""The copy editor's terminal UI (``wirecheck review``): the only package importing Textual.

It shows what the core returns and drives :mod:`checker.review`; it computes nothing of
its own about the copy.
"""
