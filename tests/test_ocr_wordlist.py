"""The word list is compiled once into the user's cache and compiled again (in place of the
old copy) when it changes."""

from __future__ import annotations

import os

from orvers.cache import user_cache
from orvers.ocr.lexicon import build_lexicon
from orvers.ocr.repair import repair
from orvers.ocr.wordlist import load_wordlist


def test_compiled_once_and_again_when_the_word_list_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    words = tmp_path / "words"
    words.write_text("følge\nmøte\nUiO\nNHO\n", encoding="latin-1")
    load_wordlist.cache_clear()
    first = load_wordlist(words)
    assert "følge" in first.words and "nho" in first.acronyms and first.name("uio") == "UiO"
    assert repair("fglge mgte", build_lexicon(wordlist=words)) == "følge møte"
    compiled = sorted(p.name for p in user_cache("wordlist").rglob("*") if p.is_file())
    assert compiled == ["acronyms.marisa", "names.marisa", "words.marisa"]  # no pickle

    words.write_text("følge\nmøte\nsjø\n", encoding="latin-1")
    os.utime(words, ns=(1, 1))  # a new modification time, as an upgrade of the package gives
    load_wordlist.cache_clear()
    assert "sjø" in load_wordlist(words).words
    # the copy of the word list as it was is removed: one compiled copy stays
    assert len([p for p in user_cache("wordlist").iterdir() if p.is_dir()]) == 1
    load_wordlist.cache_clear()


def test_a_missing_word_list_is_empty_not_an_error(tmp_path):
    assert not load_wordlist(tmp_path / "none").words


def test_a_damaged_compiled_copy_is_compiled_again(tmp_path, monkeypatch):
    """A compiled word list or frequency list that marisa refuses (a damaged file in the
    user's cache) is compiled again and replaced, not a traceback for every command."""
    from orvers.trace import frequency

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    words = tmp_path / "words"
    words.write_text("følge\nmøte\n", encoding="latin-1")
    load_wordlist.cache_clear()
    load_wordlist(words)
    frequency._table.cache_clear()
    common = frequency.zipf("kommune")
    damaged = [*user_cache("wordlist").rglob("words.marisa"),
               *user_cache("wordfreq").rglob("nb.marisa")]
    assert len(damaged) == 2 and common > 3
    for path in damaged:
        path.write_bytes(b"not a trie" * 100)
    load_wordlist.cache_clear()
    frequency._table.cache_clear()
    assert "følge" in load_wordlist(words).words and frequency.zipf("kommune") == common
    for path in damaged:  # put right in the cache, so the next command maps it again
        assert path.read_bytes()[:10] != b"not a trie"
    load_wordlist.cache_clear()
    frequency._table.cache_clear()
