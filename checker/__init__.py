"""wirecheck: translation-quality checks for machine-translated news wire copy."""

__version__ = "0.1.0"
