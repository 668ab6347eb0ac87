"""The guard's words: what a reader would call the same words are the same, however they are typed."""

from committee_papers.guard.words import SHINGLE, mentions_exempt, pieces, words


def test_full_width_letters_invisible_characters_and_case_are_the_same_words():
    assert words("Ｆｅｎｗｉｃｋ Mar\u200bsh\ufeff PARTNERS") == words("fenwick marsh partners") == ["fenwick", "marsh", "partners"]


def test_markup_and_punctuation_are_not_words():
    assert words("**Quarry** Lane, (depot)!") == ["quarry", "lane", "depot"]


def test_a_marker_typed_with_invisible_or_full_width_characters_still_mentions_exempt():
    assert mentions_exempt("::: ex\u200bempt") and mentions_exempt("：：： ＥＸＥＭＰＴ")
    assert not mentions_exempt("::: resolved 2025/001")


def test_a_short_block_is_looked_for_whole_and_a_long_one_by_its_shingles_too():
    assert pieces(["agreed"]) == []  # too common to mean anything
    assert pieces(["the", "offer", "stands"]) == [("the", "offer", "stands")]
    long = [f"w{i}" for i in range(SHINGLE + 2)]
    found = pieces(long)
    assert found[0] == tuple(long) and len(found) == 1 + 3 and all(len(p) == SHINGLE for p in found[1:])
