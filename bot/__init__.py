"""briefbot: turns articles into structured, checkable analyst briefings."""

__version__ = "0.1.0"
