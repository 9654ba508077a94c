"""How common words are in general English (wordfreq's Zipf scale), for `tq ask`.

`tq ask` uses this to tell a question's content words ("budget", "soldiers") from the words that
carry its grammar ("what", "did"), independently of how often the loaded packs use a word: in a
pack about the Taliban, "Taliban" is everywhere yet still the subject of a question.

Only words at least COMMON matter (rarer ones all count fully as content words), so the index
keeps those (~7,000) when it is built, and a question looks its words up there: nothing is
loaded per question. wordfreq's own API costs ~200 ms to import and load; its English list is
read here directly instead (~10 ms, at build time), a gzipped msgpack file of words bucketed by
frequency, one bucket per centibel. If the file is not in the format this module knows,
wordfreq's API is used (slower, same values).
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Sequence

COMMON = 4.0
"""Words at least this common (Zipf) are kept; rarer ones ("Kabul") all count as content words."""


def common_words(floor: float = COMMON, language: str = "en") -> Iterator[tuple[str, float]]:
    """Every word of the language (English unless said) at least floor (COMMON unless said),
    with its Zipf value: 7.73 for "the", 4.82 for "budget". Nothing if wordfreq is not
    installed (then every word counts as content)."""
    buckets = _from_data_file(floor, language)
    if buckets is None:
        yield from _from_api(floor, language)
        return
    seen: set[str] = set()
    for zipf, words in buckets:
        for word in words:
            if word not in seen:
                seen.add(word)
                yield word, zipf


def words_at_least(floor: float, language: str) -> set[str]:
    """The words of the language at least floor, as a set (read bucket by bucket, a set's
    update each: ~6 ms a language at Zipf 3, where common_words takes ~25)."""
    buckets = _from_data_file(floor, language)
    if buckets is None:
        return {word for word, _ in _from_api(floor, language)}
    found: set[str] = set()
    for _, words in buckets:
        found.update(words)
    return found


def found_in(words: Iterable[str], floor: float, languages: Sequence[str]) -> set[str]:
    """Which of these words are at least floor in some of the languages: each language's list
    read bucket by bucket, most frequent first, and no further once every word is found (a
    given name is found early: "abdul" is 4.43 in Indonesian), nor past floor. Cheaper than
    reading the lists whole for a few words (names' _words_in_text reads five)."""
    pending = set(words)
    found: set[str] = set()
    for language in languages:
        if not pending:
            break
        buckets = _buckets(floor, language)
        try:
            for _, bucket in buckets:
                hits = pending.intersection(bucket)
                if hits:
                    found |= hits
                    pending -= hits
                    if not pending:
                        break
        except _UnreadableList:  # wordfreq's API: the same values, slower
            known = {word for word, _ in _from_api(floor, language)}
            found |= pending & known
            pending -= known
        finally:
            buckets.close()
    return found


def _from_data_file(floor: float, language: str) -> list[tuple[float, tuple[str, ...]]] | None:
    """The words at least floor straight from wordfreq's list, bucket by bucket, each with its
    Zipf value; None if it cannot be read."""
    try:
        return list(_buckets(floor, language))
    except _UnreadableList:
        return None


class _UnreadableList(Exception):
    """wordfreq's list cannot be read, is not in the format this module knows, or breaks off."""


def _buckets(floor: float, language: str) -> Generator[tuple[float, tuple[str, ...]], None, None]:
    """wordfreq's list, bucket by bucket, each with its Zipf value, read as it is iterated, down
    to floor; _UnreadableList where it cannot be read."""
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise _UnreadableList("wordfreq is not installed")
    path = Path(spec.origin).parent / "data" / f"small_{language}.msgpack.gz"
    try:
        import msgpack  # type: ignore[import-untyped]
    except ImportError as error:
        raise _UnreadableList("msgpack is not installed") from error
    try:
        with gzip.open(path) as stream:
            buckets = msgpack.Unpacker(stream, raw=False, use_list=False, strict_map_key=False)
            count = buckets.read_array_header()
            if count < 1 or buckets.unpack() != {"format": "cB", "version": 1}:
                raise _UnreadableList(f"{path}: not in the format known")
            for centibels in range(min(count - 1, round((9 - floor) * 100) + 1)):
                # Bucket n holds words of frequency 10^(-n/100): Zipf is log10 per billion.
                yield round(9 - centibels / 100, 2), buckets.unpack()
    except (OSError, ValueError, EOFError, msgpack.UnpackException) as error:
        raise _UnreadableList(f"{path}: {error}") from error


def _from_api(floor: float = COMMON, language: str = "en") -> Iterator[tuple[str, float]]:
    try:
        from wordfreq import iter_wordlist, zipf_frequency
    except ImportError:
        return
    for word in iter_wordlist(language):
        zipf = zipf_frequency(word, language)
        if zipf < floor:
            return
        yield word, zipf
