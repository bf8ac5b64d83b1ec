"""Trace workshop proposals through later versions of the programme."""

from .core import stage_names, trace
from .model import Origin, ProposalTrace, Trace, TraceLink, TraceSettings

__all__ = ["Origin", "ProposalTrace", "Trace", "TraceLink", "TraceSettings", "stage_names",
           "trace"]
