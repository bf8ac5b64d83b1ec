"""The word list compiled once into marisa tries in the user's cache directory (no pickle)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

import marisa_trie

from ..cache import user_cache

WORDLIST = Path("/usr/share/dict/bokmaal")  # Debian's wnorwegian: 935 000 bokmål forms
_FORMAT = "1"  # bump when what is compiled changes
_PARTS = ("words", "acronyms", "names")
T = TypeVar("T")


@dataclass(frozen=True)
class WordList:
    """A word list's casefolded forms, apart its all-caps entries (acronyms: "pa" is no word,
    "PA" is), and how names never written in lowercase are spelt (uio → UiO)."""

    words: marisa_trie.Trie
    acronyms: marisa_trie.Trie
    names: marisa_trie.BytesTrie

    def name(self, folded: str) -> str:
        """A name as the word list spells it, or ""."""
        found = self.names.get(folded)
        return found[0].decode("utf-8") if found else ""


EMPTY = WordList(marisa_trie.Trie(), marisa_trie.Trie(), marisa_trie.BytesTrie())


def identity(path: Path = WORDLIST) -> str:
    """Which word list PATH is (its place, size and modification time), "" when it is missing:
    the compiled copy is named by it, and a cached parse that repaired OCR text depends on it."""
    try:
        stat = path.stat()
    except OSError:
        return ""
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{_FORMAT}"


@cache
def load_wordlist(path: Path = WORDLIST) -> WordList:
    """The word list at `path`, compiled on first use and whenever the file changes (its size
    and modification time are part of the compiled copy's name); EMPTY when it is missing.
    A damaged compiled copy is compiled again and replaced."""
    key = identity(path)
    if not key:
        return EMPTY
    folder = user_cache("wordlist", hashlib.sha256(key.encode()).hexdigest()[:24])
    return compiled(folder, [f"{part}.marisa" for part in _PARTS], _mapped,
                    lambda: _compile(path), _save)


def compiled(folder: Path, files: list[str], mapped: Callable[[Path], T],
             build: Callable[[], T], save: Callable[[T, Path], None]) -> T:
    """A compiled copy kept in FOLDER (its FILES): MAPPED from there when it is whole and
    marisa takes it; else BUILT, SAVED into a fresh folder published in its place (see
    publishing) and mapped, or the one built in memory when the cache cannot be written."""
    if all((folder / name).exists() for name in files):
        try:
            return mapped(folder)
        except RuntimeError:  # marisa refuses a damaged file
            pass
    built = build()
    try:
        with publishing(folder) as building:
            save(built, building)
    except OSError:  # no writable cache
        return built
    return mapped(folder)


def _mapped(folder: Path) -> WordList:
    """The compiled word list in FOLDER, memory-mapped."""
    words, acronyms, names = marisa_trie.Trie(), marisa_trie.Trie(), marisa_trie.BytesTrie()
    for trie, part in zip((words, acronyms, names), _PARTS, strict=True):
        trie.mmap(str(folder / f"{part}.marisa"))
    return WordList(words, acronyms, names)


def _compile(path: Path) -> WordList:
    """The word list's entries sorted into words, acronyms and names."""
    entries = [w.strip() for w in path.read_text(encoding="latin-1").splitlines()]
    entries = [w for w in entries if w]
    caps = {w.casefold() for w in entries if len(w) > 1 and w.isupper()}
    words = {w.casefold() for w in entries if not (len(w) > 1 and w.isupper())}
    lower = {w for w in entries if w.islower()}
    names = {w.casefold(): w for w in entries
             if not w.islower() and not w.isupper() and w.casefold() not in lower}
    return WordList(marisa_trie.Trie(words), marisa_trie.Trie(caps - words),
                    marisa_trie.BytesTrie((k, v.encode("utf-8")) for k, v in names.items()))


def _save(built: WordList, folder: Path) -> None:
    """Write the tries into FOLDER."""
    for trie, part in zip((built.words, built.acronyms, built.names), _PARTS, strict=True):
        trie.save(str(folder / f"{part}.marisa"))


@contextmanager
def publishing(folder: Path) -> Iterator[Path]:
    """A fresh directory to fill, moved into place as folder in one step when the block ends,
    so a reader never sees half a copy (two processes building at once both succeed); then
    the copies compiled before beside it are removed (see _remove_older)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".building-"))
    try:
        yield building
        shutil.rmtree(folder, ignore_errors=True)  # a copy left incomplete
        try:
            os.replace(building, folder)
        except OSError:  # another process put its copy there first
            if not folder.exists():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    _remove_older(folder)


_FOLDER_RE = re.compile(r"[0-9a-f]{24}")  # how the compiled copies' folders are named


def _remove_older(folder: Path) -> None:
    """Remove the copies compiled before beside folder (of another word list, wordfreq or
    py3langid version: the language model's is 66 MB): only real folders named as the
    compiled copies are, never a link, a file or anything else there; a link inside one is
    removed, not followed. (Two installs of different versions used in turn compile in
    turn.)"""
    for entry in folder.parent.iterdir():
        if entry.name == folder.name or not _FOLDER_RE.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):  # gone already, or not this user's to remove
            if stat.S_ISDIR(entry.lstat().st_mode):
                shutil.rmtree(entry)  # removes links inside, does not follow them
