"""The corpus: its versions (corpus.toml) and the user's match corrections (overrides.toml)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from .errors import InputError
from .model import Override

MANIFEST = "corpus.toml"
OVERRIDES = "overrides.toml"
STAGES = ("strategy", "programme", "workshop", "draft", "board", "adopted")
# Stages whose documents list measures (the strategy frames the programme, it lists none).
MEASURE_STAGES = ("programme", "draft", "board", "adopted")


@dataclass(frozen=True)
class Version:
    """One document of the corpus as the manifest records it."""

    label: str
    stage: str
    date: str
    file: str
    sha256: str
    title: str = ""
    path: Path = Path()
    layout: str | None = None  # the layout to read it with (corpus.toml `layout`), else detected


def version_date(value: str) -> dt.datetime | None:
    """A version's date (2025-12-18, 2025-12 or 2025) as a naive datetime, or None."""
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def sha256(path: str | Path) -> str:
    """The SHA-256 hex digest of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _manifest(corpus: str | Path) -> dict:
    path = Path(corpus) / MANIFEST
    if not path.is_file():
        raise InputError(f"{corpus}: no {MANIFEST} here (is this a corpus directory?)")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc


def _layout(root: Path, entry: dict) -> str | None:
    """A version's `layout` key, checked against the layouts orvers reads."""
    from .parse import LAYOUTS

    layout = entry.get("layout")
    if layout is not None and layout not in LAYOUTS:
        raise InputError(f"{root / MANIFEST}: version {entry.get('label')!r} has layout "
                         f"{layout!r} (expected one of {', '.join(LAYOUTS)})")
    return layout


def versions(corpus: str | Path) -> tuple[Version, ...]:
    """The corpus's versions in lineage order (as listed in corpus.toml)."""
    root = Path(corpus)
    out = []
    for entry in _manifest(root).get("version", []):
        try:
            out.append(Version(label=entry["label"], stage=entry["stage"],
                               date=str(entry.get("date", "")), file=entry["file"],
                               sha256=entry.get("sha256", ""), title=entry.get("title", ""),
                               path=root / entry["file"], layout=_layout(root, entry)))
        except KeyError as exc:
            raise InputError(f"{root / MANIFEST}: a [[version]] lacks {exc.args[0]!r}") from exc
    return tuple(out)


def version(corpus: str | Path, label: str) -> Version:
    """The version with this label (InputError naming the known labels if absent)."""
    known = versions(corpus)
    for v in known:
        if v.label == label:
            return v
    raise InputError(f"no version {label!r} in {corpus} (known: "
                     f"{', '.join(v.label for v in known)})")


def add(corpus: str | Path, file: str | Path, label: str, stage: str, date: str,
        title: str = "") -> Version:
    """Copy FILE into the corpus and record it as the newest version."""
    root, src = Path(corpus), Path(file)
    if not src.is_file():
        raise InputError(f"{file}: no such file")
    if stage not in STAGES:
        raise InputError(f"unknown stage {stage!r} (one of: {', '.join(STAGES)})")
    data = _manifest(root)
    digest = sha256(src)
    for entry in data.get("version", []):
        if entry["label"] == label:
            raise InputError(f"the corpus already has a version labelled {label!r}")
        if entry.get("sha256") == digest:
            raise InputError(f"{file} is identical to version {entry['label']!r} "
                             f"({entry['file']}); nothing added")
    name = f"{date}_{label}{src.suffix.lower()}"
    if (root / name).exists():
        raise InputError(f"{root / name} already exists")
    shutil.copyfile(src, root / name)
    entry = {"label": label, "stage": stage, "date": date, "file": name, "sha256": digest}
    if title:
        entry["title"] = title
    data.setdefault("version", []).append(entry)
    (root / MANIFEST).write_text(tomli_w.dumps(data), encoding="utf-8")
    return Version(label, stage, date, name, digest, title, root / name)


def _key(ref: str) -> tuple[str, str]:
    label, sep, measure_id = ref.partition(":")
    if not sep or not label or not measure_id:
        raise InputError(f"{ref!r}: write a measure as LABEL:ID, e.g. utkast:3.4.2")
    return label, measure_id


def load_overrides(corpus: str | Path) -> tuple[Override, ...]:
    """The user's link/unlink corrections from overrides.toml (empty if there is none)."""
    path = Path(corpus) / OVERRIDES
    if not path.is_file():
        return ()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc
    out = []
    for action in ("link", "unlink"):
        for entry in data.get(action, []):
            if "old" not in entry or "new" not in entry:
                raise InputError(f"{path}: each [[{action}]] needs old and new")
            old, new = _key(entry["old"]), _key(entry["new"])
            out.append(Override(action, old[0], old[1], new[0], new[1]))
    return tuple(out)


def set_override(corpus: str | Path, action: str, old: str, new: str, note: str = "") -> Path:
    """Record `link`/`unlink` OLD NEW (LABEL:ID each) in overrides.toml, replacing its opposite."""
    root = Path(corpus)
    (old_label, _), (new_label, _) = _key(old), _key(new)
    known = {v.label for v in versions(root)}
    for label in (old_label, new_label):
        if label not in known:
            raise InputError(f"no version {label!r} in {root} (known: {', '.join(sorted(known))})")
    path = root / OVERRIDES
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    for kind in ("link", "unlink"):
        data[kind] = [e for e in data.get(kind, []) if (e["old"], e["new"]) != (old, new)]
    entry = {"old": old, "new": new}
    if note:
        entry["note"] = note
    data[action].append(entry)
    header = ("# Corrections of orvers's matching, honoured by compare, trace, history and\n"
              "# redline. [[link]] forces OLD ↔ NEW to be linked; [[unlink]] forbids it.\n")
    body = "".join(f"\n[[{kind}]]\n{tomli_w.dumps(e)}" for kind in ("link", "unlink")
                   for e in data[kind])  # one table per override: reads well in a diff
    path.write_text(header + body, encoding="utf-8")
    return path
