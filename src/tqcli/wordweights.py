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

RARE = 3.0
"""The Zipf value given to a word the list does not hold (rarer than about 1 in a million)."""


def zipf(words: Iterable[str]) -> dict[str, float]:
    """Each word's Zipf frequency in English: 7.7 for "the", ~5 for "budget", under 3 if rare.

    Words are looked up as given (lower-case, unstemmed); unknown words get RARE.
    """
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

        with gzip.open(path) as stream:
            buckets = msgpack.load(stream, raw=False, use_list=False, strict_map_key=False)
    except (OSError, ValueError, ImportError, EOFError):
        return None
    if not buckets or buckets[0] != {"format": "cB", "version": 1}:
        return None
    found: dict[str, float] = {}
    for centibels, bucket in enumerate(buckets[1:]):
        for word in words.intersection(bucket):
            # A word in bucket n occurs with frequency 10^(-n/100); Zipf is log10 per billion.
            found.setdefault(word, round(9 - centibels / 100, 2))
    return found


def _from_api(words: set[str]) -> dict[str, float]:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # not installed: every word counts as a content word
        return {}
    return {word: value for word in words if (value := zipf_frequency(word, "en")) > 0}
