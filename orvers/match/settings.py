"""Every weight and threshold of the matcher, with documented defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatchSettings:
    """Weights (combined into one score in [0, 1]) and thresholds of measure matching.

    w_title: token_sort_ratio of normalised titles (word order free, whole text counted).
    w_set: token_set_ratio of normalised titles (100 when one side's words are a subset).
    w_ngram: cosine of character n-gram counts of the whole measure text (robust to OCR
        damage), n-grams found in nearly every text left out (see common).
    w_fields: token_set_ratio of targets + partners, used only when both sides have them.
    w_idf: rare shared words: the weighted mean of the signals above moves this share of
        the way to 1 per unit of the "idf" signal, the cosine of what the measures say
        (title, sub-items) as word stems weighted by their rarity in both versions' texts.
        A name or compound few measures use links a measure reworded or laid out anew
        (a programme's label blocks against a draft's outline); words every measure uses
        add nothing, and a pair without rare words keeps its mean.
    w_title_idf: rare shared title words: the score (after w_idf) moves this share of the
        way to 1 per unit of the "title_idf" signal, the cosine of the normalised titles as
        word stems (see stem_letters) weighted (1 + log count) × log(titles / titles with
        the stem) over both versions' titles. token_sort/token_set count every word alike, so
        a set phrase ("etablere en arbeidsgruppe i Osloregionen") weighs as much as the
        subject ("sirkulær økonomi"); here a stem most titles use weighs nothing. A boost
        beside them, not in their place: as a term of the weighted mean (0.1–0.4, with or
        without token_sort/token_set) it lowers every cross-layout score, and hp2025 → draft
        labels fell from F1 0.85 to 0.59–0.82 even with the threshold retuned. 0 skips it.
    w_section: prior for measures in matched sections (same section after section matching).
        w_section and w_position count times the trust in the old section's mapping: the
        share of its first links that agree with it (one agreeing assumed). A catch-all
        theme whose measures went to several new sections, or an unmapped section, leaves
        the content score nearly as it is, neither for a pair nor against it.
    w_position: prior for the same position inside the matched section.
    ocr_letters: "unchanged" titles have the same content words in the same order, each
        differing run of words within OCR noise: at most one wrong letter per this many
        letters (one is always allowed). Stop words do not count (OCR drops short words).
    threshold: an assigned pair scoring below this is not a link (added + removed instead).
        Set with ngram_idf (weighted cosines run a little lower than raw ones) and w_title_idf
        (0.44 → 0.45: the boost lifts most true pairs by about 0.01; hp2025 → draft labels
        keep F1 0.85 at 0.45–0.46, fall to 0.81 at 0.44 and 0.75 at 0.47).
    link_power: the assignment maximises the sum over links of (margin above threshold, as a
        share of 1 − threshold) to this power. 1 adds margins up, so two marginal links
        outweigh one clearly better link competing with both; 2 makes a link with twice the
        margin worth four marginal ones, so doubtful links give way to a clear one.
    ngram: length of the character n-grams.
    stem_letters: a word's stem for "idf" is its first this many letters once an
        inflectional ending is cut (a longer stem counts whole as well): inflections and
        compounds with the same head meet ("energistasjoner" / "energistasjonsprosjektet").
    dense_pairs: up to this many pairs every pair is scored; above, only each measure's
        top_k candidates by n-gram cosine.
    common: n-grams found in more than this share of all texts (and in more than 50) are
        left out of the n-gram cosine: they tell little and cost much.
    ngram_idf: the n-gram counts of the cosine are weighted (1 + log count) × idf ** this,
        idf = log((texts + 1) / (texts with the n-gram + 1)) + 1 over both versions' texts;
        0 leaves raw counts. A set phrase many measures share ("etablere en arbeidsgruppe",
        "i Osloregionen") then weighs a little less than a subject word few measures use.
        A mild power: full idf (1) lowers every cosine, so real rewordings fall below
        threshold (hp2025 → draft labels: F1 0.79 raw at threshold 0.45, 0.85 at 0.25 with
        threshold 0.44, 0.77 at 1; draft → board and the benchmark unchanged).
    top_k: candidates kept per measure (its best by n-gram cosine) for scoring.
    assign_k: of those, a pair enters the assignment only among the best this many by score
        of its old or its new measure. Fewer choices stop a measure's weak candidates from
        pulling the assignment and keep it fast. From 8 to 3, F1 on generated programmes:
        bench_scale's 5 000 and 20 000 measures 0.980 → 0.986 and 0.972 → 0.976;
        bench_match's 1 000 and 5 000 0.982 → 0.984 and 0.959 → 0.965. 2 is a little better
        at 5 000 and up, a little worse at 1 000; the labelled pairs score the same with 2,
        3 or 8.
    cover: share of a measure's n-grams (title and sub-items: a label block's title may only
        name a project whose sub-items the next version splits off) another measure must
        contain for a split or merge part.
    cover_linked: the same share for a measure the one-to-one assignment linked elsewhere:
        it becomes a part when its whole contains it nearly entirely (a split-off piece) ...
    cover_ratio: ... or when its whole contains at least cover of it and this many times as
        much as the partner it was linked to (that link was a weak stand-in: a sub-item of
        a project split off and was first given to a measure sharing a few of its words).
    novel: share of a part's n-grams found in the measure it belongs to but not in that
        measure's own match: a part brings what the one-to-one link leaves unexplained (a
        near-copy of the matched measure is a sibling, not a part).
    second: consolidation chosen in the assignment itself (match/consolidate.py): a measure
        may take a second partner there when the pair scores at least part_min and one side's
        title and sub-items are covered (cover_linked) by the other's; that link is worth this
        share of a first link's gain (0 turns it off). Merges and splits then come out of the
        same optimisation as the one-to-one links; find_parts adds the parts that the cover
        ratios reveal afterwards.
    part_min: least pair score for a split/merge part. Above threshold: a part shares only
        some of its whole's words, and with sub-items counted a few general words they share
        ("kunnskap", "bærekraftig") would otherwise be enough.
    """

    w_title: float = 0.25
    w_set: float = 0.15
    w_ngram: float = 0.35
    w_fields: float = 0.10
    w_title_idf: float = 0.1
    w_idf: float = 0.5
    w_section: float = 0.10
    w_position: float = 0.05
    ocr_letters: int = 4
    threshold: float = 0.45
    link_power: float = 2.0
    ngram: int = 3
    stem_letters: int = 7
    dense_pairs: int = 250_000
    common: float = 0.10
    ngram_idf: float = 0.25
    top_k: int = 8
    assign_k: int = 3
    cover: float = 0.45
    cover_linked: float = 0.8
    cover_ratio: float = 2.0
    novel: float = 0.15
    part_min: float = 0.5
    second: float = 0.9
