"""The corpus: its versions (corpus.toml) and the user's match corrections (overrides.toml)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError

from .errors import InputError
from .model import Override
from .read.limits import regular_file

MANIFEST = "corpus.toml"
OVERRIDES = "overrides.toml"
STAGES = ("strategy", "programme", "workshop", "draft", "board", "adopted")
# Stages whose documents list measures (the strategy frames the programme, it lists none).
MEASURE_STAGES = ("programme", "draft", "board", "adopted")
# A label names output files, sheets and anchors: lowercase letters, digits and . _ - only.
LABEL_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


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


def check_label(label: object, where: str = "") -> str:
    """LABEL if it is a valid version label, else an InputError saying what one looks like."""
    if not isinstance(label, str) or not LABEL_RE.fullmatch(label):
        raise InputError(f"{where}label {label!r} is not a valid version label: use lowercase "
                         "letters, digits, '.', '_' and '-', starting with a letter or digit")
    return label


def check_date(date: object, where: str = "") -> str:
    """DATE (YYYY, YYYY-MM or YYYY-MM-DD; a TOML date too) as text, else an InputError."""
    text = date.isoformat() if isinstance(date, dt.date) else date
    if not isinstance(text, str) or not DATE_RE.fullmatch(text) or version_date(text) is None:
        raise InputError(f"{where}date {date!r} is not a date: write YYYY, YYYY-MM or "
                         "YYYY-MM-DD")
    return text


def inside(root: Path, file: object, where: str = "") -> Path:
    """ROOT/FILE, checked to be a relative path that stays inside ROOT (symlinks resolved)."""
    if not isinstance(file, str) or not file:
        raise InputError(f"{where}file {file!r} is not a file name")
    relative = Path(file)
    if relative.is_absolute() or ".." in relative.parts:
        raise InputError(f"{where}file {file!r} is outside the corpus (give a path relative "
                         "to the corpus folder, without '..')")
    path = root / relative
    if not path.resolve().is_relative_to(root.resolve()):
        raise InputError(f"{where}file {file!r} is outside the corpus (a link to "
                         f"{path.resolve()})")
    return path


def sha256(path: str | Path) -> str:
    """The SHA-256 hex digest of a file's bytes (a regular file's: never a device or a pipe)."""
    digest = hashlib.sha256()
    with open(regular_file(Path(path)), "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verified_sha256(v: Version) -> str:
    """The SHA-256 of V's file, which must be the one corpus.toml records (InputError if the
    file changed since it was added)."""
    digest = sha256(v.path)
    if v.sha256 and digest != v.sha256:
        raise InputError(f"{v.path}: the file changed since it was recorded (SHA-256 "
                         f"{digest[:12]}…, corpus.toml has {v.sha256[:12]}…); if the new file "
                         f"is right, record it with: orvers add {v.path} --label {v.label} "
                         f"--replace --corpus {v.path.parent}")
    return digest


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
    """The corpus's versions in lineage order (as listed in corpus.toml), each checked: a valid
    and unique label, a known stage, an ISO date, a file inside the corpus."""
    root = Path(corpus)
    entries = _manifest(root).get("version", [])
    if not isinstance(entries, list):
        raise InputError(f"{root / MANIFEST}: 'version' must be a list of [[version]] tables")
    out: list[Version] = []
    for number, entry in enumerate(entries, 1):
        where = f"{root / MANIFEST}: [[version]] {number}: "
        if not isinstance(entry, dict):
            raise InputError(f"{where}not a table")
        for name in ("label", "stage", "file"):
            if name not in entry:
                raise InputError(f"{where}lacks {name!r}")
        label = check_label(entry["label"], where)
        if entry["stage"] not in STAGES:
            raise InputError(f"{where}unknown stage {entry['stage']!r} "
                             f"(one of: {', '.join(STAGES)})")
        date = check_date(entry["date"], where) if "date" in entry else ""
        texts = {name: entry.get(name, "") for name in ("sha256", "title")}
        for name, value in texts.items():
            if not isinstance(value, str):
                raise InputError(f"{where}{name} must be a string")
        if any(v.label == label for v in out):
            raise InputError(f"{root / MANIFEST}: the label {label!r} twice; each version "
                             "needs its own")
        out.append(Version(label=label, stage=entry["stage"], date=date, file=entry["file"],
                           sha256=texts["sha256"], title=texts["title"],
                           path=inside(root, entry["file"], where),
                           layout=_layout(root, entry)))
    return tuple(out)


def version(corpus: str | Path, label: str) -> Version:
    """The version with this label (InputError naming the known labels if absent)."""
    known = versions(corpus)
    for v in known:
        if v.label == label:
            return v
    raise InputError(f"no version {label!r} in {corpus} (known: "
                     f"{', '.join(v.label for v in known)})")


def _edit_manifest(root: Path):
    """corpus.toml as a tomlkit document: edits keep the user's comments, order and tables."""
    path = root / MANIFEST
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, TOMLKitError) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from exc


def _save(path: Path, text: str) -> None:
    """Write TEXT to PATH atomically (a temporary file beside it, then a rename)."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


def add(corpus: str | Path, file: str | Path, label: str, stage: str | None = None,
        date: str | None = None, title: str = "", replace: bool = False) -> Version:
    """Copy FILE into the corpus and record it as the newest version; with REPLACE, record it
    as the new file of the existing version LABEL (stage, date and title kept unless given)."""
    root, src = Path(corpus), Path(file)
    check_label(label)
    if date is not None:
        date = check_date(date)
    if stage is not None and stage not in STAGES:
        raise InputError(f"unknown stage {stage!r} (one of: {', '.join(STAGES)})")
    if not src.is_file():
        raise InputError(f"{file}: no such file")
    known = {v.label: v for v in versions(root)}
    digest = sha256(src)
    for v in known.values():
        if v.sha256 == digest and not (replace and v.label == label):
            raise InputError(f"{file} is identical to version {v.label!r} ({v.file}); "
                             "nothing added")
    if replace:
        if label not in known:
            raise InputError(f"no version {label!r} to replace in {root} (known: "
                             f"{', '.join(known)})")
        return _replace(root, known[label], src, digest, stage, date, title)
    if label in known:
        raise InputError(f"the corpus already has a version labelled {label!r} "
                         "(--replace records a new file for it)")
    if stage is None or date is None:
        raise InputError("a new version needs --stage and --date")
    name = f"{date}_{label}{src.suffix.lower()}"
    if (root / name).exists():
        raise InputError(f"{root / name} already exists")
    doc = _edit_manifest(root)
    shutil.copyfile(src, root / name)
    entry = tomlkit.table()
    for key, value in (("label", label), ("stage", stage), ("date", date), ("file", name),
                       ("sha256", digest), ("title", title)):
        if value:
            entry.add(key, value)
    if "version" not in doc:
        doc.add("version", tomlkit.aot())
    doc["version"].append(entry)
    _save(root / MANIFEST, tomlkit.dumps(doc))
    return Version(label, stage, date, name, digest, title, root / name)


def _replace(root: Path, old: Version, src: Path, digest: str, stage: str | None,
             date: str | None, title: str) -> Version:
    """Record SRC (copied over OLD's file unless it is that file) as version OLD's content."""
    if not (src.exists() and old.path.exists() and src.samefile(old.path)):
        if src.suffix.lower() != old.path.suffix.lower():
            raise InputError(f"{src}: --replace needs a {old.path.suffix} file like {old.file}")
        shutil.copyfile(src, old.path)
    doc = _edit_manifest(root)
    entry = next(e for e in doc["version"] if e.get("label") == old.label)
    entry["sha256"] = digest
    for key, value in (("stage", stage), ("date", date), ("title", title)):
        if value:
            entry[key] = value
    _save(root / MANIFEST, tomlkit.dumps(doc))
    return Version(old.label, stage or old.stage, date or old.date, old.file, digest,
                   title or old.title, old.path)


def _key(ref: str) -> tuple[str, str]:
    label, sep, measure_id = ref.partition(":")
    if not sep or not label or not measure_id:
        raise InputError(f"{ref!r}: write a measure as LABEL:ID, e.g. utkast:3.4.2")
    return label, measure_id


def _overrides_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def load_overrides(corpus: str | Path) -> tuple[Override, ...]:
    """The user's link/unlink corrections from overrides.toml (empty if there is none); each
    must name two versions of the corpus as LABEL:ID."""
    root = Path(corpus)
    path = root / OVERRIDES
    if not path.is_file():
        return ()
    try:
        data = tomllib.loads(_overrides_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc
    labels = {v.label for v in versions(root)}
    out = []
    for action in ("link", "unlink"):
        entries = data.get(action, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise InputError(f"{path}: {action} must be [[{action}]] tables")
        for entry in entries:
            if not isinstance(entry.get("old"), str) or not isinstance(entry.get("new"), str):
                raise InputError(f"{path}: each [[{action}]] needs old and new as strings, "
                                 "e.g. old = \"utkast:3.4.2\"")
            try:
                old, new = _key(entry["old"]), _key(entry["new"])
            except InputError as exc:
                raise InputError(f"{path}: {exc}") from None
            for label in (old[0], new[0]):
                if label not in labels:
                    raise InputError(f"{path}: [[{action}]] {entry['old']} {entry['new']} names "
                                     f"no version {label!r} (known: {', '.join(labels)})")
            out.append(Override(action, old[0], old[1], new[0], new[1]))
    return tuple(out)


def unknown_ids(overrides: tuple[Override, ...], programmes: dict) -> list[str]:
    """Warnings for overrides naming a measure id that PROGRAMMES (label → Programme) lack."""
    out = []
    for o in overrides:
        for label, measure_id in ((o.old_label, o.old_id), (o.new_label, o.new_id)):
            p = programmes.get(label)
            if p is not None and measure_id not in {m.id for m in p.measures}:
                out.append(f"{OVERRIDES}: [[{o.action}]] {o.old_label}:{o.old_id} "
                           f"{o.new_label}:{o.new_id}: {label} has no measure {measure_id!r}; "
                           "ignored")
    return out


_OVERRIDES_HEADER = (
    "# Corrections of orvers's matching, honoured by compare, trace, history and\n"
    "# redline. [[link]] forces OLD ↔ NEW to be linked; [[unlink]] forbids it.\n")


def set_override(corpus: str | Path, action: str, old: str, new: str, note: str = "") -> Path:
    """Record `link`/`unlink` OLD NEW (LABEL:ID each) in overrides.toml, replacing its opposite;
    the rest of the file (comments, order, other tables) is kept as the user wrote it."""
    root = Path(corpus)
    (old_label, _), (new_label, _) = _key(old), _key(new)
    load_overrides(root)  # the file as it stands must be valid before it is edited
    known = {v.label for v in versions(root)}
    for label in (old_label, new_label):
        if label not in known:
            raise InputError(f"no version {label!r} in {root} (known: {', '.join(sorted(known))})")
    path = root / OVERRIDES
    try:
        doc = tomlkit.parse(_overrides_text(path) if path.is_file() else _OVERRIDES_HEADER)
    except TOMLKitError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc
    for kind in ("link", "unlink"):
        entries = doc.get(kind)
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise InputError(f"{path}: {kind} must be [[{kind}]] tables")
        for i in reversed(range(len(entries))):
            if (entries[i].get("old"), entries[i].get("new")) == (old, new):
                del entries[i]
    entry = tomlkit.table()
    entry.add("old", old)
    entry.add("new", new)
    if note:
        entry.add("note", note)
    if action not in doc:
        doc.add(action, tomlkit.aot())
    doc[action].append(entry)
    _save(path, tomlkit.dumps(doc))
    return path
