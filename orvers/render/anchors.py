"""One measure, one address: the anchor every page gives a measure and the link to its version
page (`versions/<label>.html#<label>-<id>`, e.g. `#utkast-3.4.2`)."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def anchor(label: str, measure_id: str) -> str:
    """The HTML id of measure MEASURE_ID of version LABEL (characters outside [A-Za-z0-9._-]
    become _, so an id from an untrusted document cannot break out of the attribute)."""
    return _UNSAFE.sub("_", f"{label}-{measure_id}")


def version_page(label: str) -> str:
    """The version page's path inside the report, relative to its root."""
    return f"versions/{_UNSAFE.sub('_', label)}.html"


def measure_href(label: str, measure_id: str, base: str = "") -> str:
    """A link to the measure on its version page, from a page BASE (e.g. "../") below the root."""
    return f"{base}{version_page(label)}#{anchor(label, measure_id)}"
