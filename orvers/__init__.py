"""orvers: version and compare the successive drafts of an action programme."""

__version__ = "0.1.0"
