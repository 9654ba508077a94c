"""How common a word is in general English (wordfreq's Zipf scale), read fast on the ask path.

`tq ask` uses this to tell a question's content words ("budget", "soldiers") from the words that
carry its grammar ("what", "did"), independently of how often the loaded packs use a word: in a
pack about the Taliban, "Taliban" is everywhere yet still the subject of a question.

wordfreq's own API costs ~200 ms to import and load; its English list is read here directly
(~10 ms): a gzipped msgpack file of words bucketed by frequency, one bucket per centibel. If the
file is not in the format this module knows, wordfreq's API answers instead (slower, same values).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

COMMON = 4.0
"""Words at least this common are looked up; rarer ones are given RARE."""
RARE = 3.0
"""The Zipf value given to a word rarer than COMMON (or not in the list at all)."""


def zipf(words: Iterable[str]) -> dict[str, float]:
    """Each word's Zipf frequency in English: 7.7 for "the", ~5 for "budget"; RARE for a word
    rarer than COMMON ("Kabul"). Words are looked up as given (lower-case, unstemmed)."""
    wanted = set(words)
    found = _from_data_file(frozenset(wanted))
    if found is None:
        found = _from_api(wanted)
    return {word: found.get(word, RARE) for word in wanted}


@functools.lru_cache(maxsize=8)
def _from_data_file(words: frozenset[str]) -> dict[str, float] | None:
    """The words' Zipf values straight from wordfreq's English list; None if unreadable."""
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "small_en.msgpack.gz"
    try:
        import msgpack  # type: ignore[import-untyped]
    except ImportError:
        return None
    found: dict[str, float] = {}
    try:
        with gzip.open(path) as stream:
            buckets = msgpack.Unpacker(stream, raw=False, use_list=False, strict_map_key=False)
            count = buckets.read_array_header()
            if count < 1 or buckets.unpack() != {"format": "cB", "version": 1}:
                return None
            # Only words commoner than COMMON matter (rarer ones all count fully): the buckets
            # beyond it are never read, which halves the time.
            for centibels in range(min(count - 1, round((9 - COMMON) * 100) + 1)):
                bucket = buckets.unpack()
                for word in words.intersection(bucket):
                    # Bucket n holds words of frequency 10^(-n/100): Zipf is log10 per billion.
                    found.setdefault(word, round(9 - centibels / 100, 2))
    except (OSError, ValueError, EOFError, msgpack.UnpackException):
        return None
    return found


def _from_api(words: set[str]) -> dict[str, float]:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # not installed: every word counts as a content word
        return {}
    return {word: value for word in words if (value := zipf_frequency(word, "en")) >= COMMON}
