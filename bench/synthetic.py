"""Deterministic synthetic fact packs for benchmarks: all kinds, realistic field sizes.

    python bench/synthetic.py 100000 /tmp/pack-100k        # 10,000 facts a file
    python bench/synthetic.py 100000 /tmp/pack-100k 100    # in 100 files of 1,000

The same size always gives byte-identical files. The text is pseudo-words, never real claims.
One word, "zarqawix", is planted in the claim of about 1 fact in 200, so that searches have a
known selectivity.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SEARCH_TERM = "zarqawix"
FACTS_PER_FILE = 10_000
KINDS = ("figure", "quote", "event", "sanction", "agreement")


def _vocabulary(rng: random.Random) -> list[str]:
    syllables = [
        "ka",
        "ri",
        "to",
        "ma",
        "sul",
        "dan",
        "ber",
        "lo",
        "qa",
        "zi",
        "hen",
        "wa",
        "ti",
        "no",
    ]
    words = {"".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(6000)}
    words.discard(SEARCH_TERM)
    return sorted(words)


def _sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:] + "."


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


EDITED_TERM = "editedzx"
"""A word no generated pack holds: edit_one_fact plants it."""


def generate(size: int, directory: Path, files: int | None = None) -> None:
    """Write a pack of size facts into directory (created if needed), in files fact files
    (default: 10,000 facts a file)."""
    per_file = -(-size // files) if files else FACTS_PER_FILE
    rng = random.Random(size)
    words = _vocabulary(rng)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "archive").mkdir(exist_ok=True)
    sources = max(1, size // 100)
    entities = max(2, size // 20)
    archives: dict[int, list[str]] = {s: [] for s in range(sources)}

    lines = []
    for n in range(entities):
        aliases = ", ".join(_quoted(rng.choice(words).title()) for _ in range(rng.randint(0, 3)))
        name = _quoted(rng.choice(words).title() + " " + rng.choice(words).title())
        lines.append(
            f'[[entity]]\nid = "e{n}"\nname = {name}\n'
            f'kind = "{rng.choice(["person", "organization", "place"])}"\naliases = [{aliases}]\n'
            f"description = {_quoted(_sentence(rng, words, 5, 12))}\n"
        )
    (directory / "entities.toml").write_text("\n".join(lines), encoding="utf-8")

    facts_files: list[list[str]] = [[] for _ in range((size + per_file - 1) // per_file)]
    for n in range(size):
        kind = KINDS[n % len(KINDS)]
        source = rng.randrange(sources)
        passage = _sentence(rng, words, 8, 20)
        claim = _sentence(rng, words, 10, 22)
        if rng.randrange(200) == 0:
            claim = claim[:-1] + f" {SEARCH_TERM}."
        archives[source].append(passage)
        # Each entity once (a repeat is a problem tq validate reports); the same draws as before.
        named = dict.fromkeys(rng.randrange(entities) for _ in range(rng.randint(1, 3)))
        about = ", ".join(f'"e{number}"' for number in named)
        tags = ", ".join(_quoted(rng.choice(words[:50])) for _ in range(rng.randint(0, 3)))
        date = f"{rng.randint(1980, 2024)}-{rng.randint(1, 12):02d}"
        table = [
            f"[[{kind}]]",
            f'id = "f{n}"',
            f"claim = {_quoted(claim)}",
            f'date = "{date}"',
            f"about = [{about}]",
            f"tags = [{tags}]",
        ]
        if kind == "figure":
            value, unit = rng.randint(1, 100000), rng.choice(words)
            table[2] = f"claim = {_quoted(f'{claim[:-1]}: {value:,} {unit}.')}"  # as validate wants
            table += [f"value = {value}", f"unit = {_quoted(unit)}"]
        elif kind == "quote":
            words_said = " ".join(passage.split()[2:8])
            table += [
                f"text = {_quoted(words_said)}",
                f'speaker = "e{rng.randrange(entities)}"',
                f"speaker_role = {_quoted(rng.choice(words))}",
            ]
        elif kind == "sanction":
            table += [
                'authority = "Synthetic Council"',
                f'instrument = "Resolution {n}"',
                f'adopted = "{date}"',
                f'targets = ["e{rng.randrange(entities)}"]',
            ]
        elif kind == "agreement":
            table += [
                f"name = {_quoted(_sentence(rng, words, 3, 6))}",
                "parties = [{}]".format(  # each party once; the same draws as before
                    ", ".join(
                        f'"e{number}"'
                        for number in dict.fromkeys(rng.randrange(entities) for _ in range(2))
                    )
                ),
            ]
        else:
            table += [f"place = {_quoted(rng.choice(words).title())}"]
        table += [f"[[{kind}.cite]]", f'source = "s{source}"', f"passage = {_quoted(passage)}"]
        if rng.randrange(10) == 0:
            table += [f"[[{kind}.note]]", f"text = {_quoted(_sentence(rng, words, 10, 25))}"]
        facts_files[n // per_file].append("\n".join(table) + "\n")
    for index, tables in enumerate(facts_files):
        (directory / f"facts-{index:03d}.toml").write_text("\n".join(tables), encoding="utf-8")

    lines = []
    for s in range(sources):
        (directory / "archive" / f"s{s}.txt").write_text(
            " ".join(archives[s]) + "\n", encoding="utf-8"
        )
        lines.append(
            f'[[source]]\nid = "s{s}"\ntitle = {_quoted(_sentence(rng, words, 4, 10))}\n'
            f'publisher = "Synthetic Press"\nkind = "news"\npublished = 2020-01-01\n'
            f'archive = "archive/s{s}.txt"\n'
        )
    (directory / "sources.toml").write_text("\n".join(lines), encoding="utf-8")


def edit_one_fact(directory: Path) -> str:
    """Change the claim of the first fact of the middle fact file (EDITED_TERM is planted in
    it); the id of the fact edited."""
    files = sorted(directory.glob("facts-*.toml"))
    chosen = files[len(files) // 2]
    text = chosen.read_text(encoding="utf-8")
    start = text.index("claim = ") + len('claim = "')
    chosen.write_text(text[:start] + EDITED_TERM + " " + text[start:], encoding="utf-8")
    return text[text.index('id = "') + 6 : text.index('"', text.index('id = "') + 6)]


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
