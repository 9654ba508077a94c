"""Screen every name and alias of the real sanctions lists against its own list: each, given
exactly as listed, must find its own entity first, at the top score, and be a match (but a weak
alias, one word once titles are set aside, which is by design a candidate only: docs/names.md).

    python bench/evaluate_names_self.py            # UN (every regime), OFAC SDN 2024, OpenSanctions
    python bench/evaluate_names_self.py --show 30  # also the first 30 failures of each list
    python bench/evaluate_names_self.py --cyrillic # Cyrillic aliases against the Latin names

Each list is imported with `tq import` into a temporary directory (never into the project) and
screened against itself alone (`--no-builtin --facts LIST`), in one process. A name that another
entity of the list also has (the same words once folded) ties at the top: its own entity among
those tied at the top score counts as first.

`--cyrillic` asks another question, on the OpenSanctions delta (its Russian and Bulgarian
aliases): does a name written in Cyrillic find its entity when the index holds only the other
names? Every Cyrillic alias of two words or more of a person or organisation is screened
against the list with its Cyrillic aliases taken out. Nothing was tuned on it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tqcli import names
from tqcli.index import Index, in_memory
from tqcli.model import EntityKind
from tqcli.packs import packs_in_effect

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data"
LISTS = {
    "UN (every regime), 2025-11-20": (
        ["un-sc", "un-sc/consolidated-2025-11-20.xml", "--all-lists"],
        "un-sc/consolidated-2025-11-20.xml",
    ),
    "OFAC SDN, 2024-05-03": (
        ["ofac-sdn", "ofac-sdn/sdn-2024-05-03.csv"],
        "ofac-sdn/sdn-2024-05-03.csv",
    ),
    "OpenSanctions delta, 2024-05-30": (
        ["ftm", "opensanctions/entities.delta-2024-05-30.json"],
        "opensanctions/entities.delta-2024-05-30.json",
    ),
    "OpenSanctions zala": (
        ["ftm", "opensanctions/zala-entities.ftm.json"],
        "opensanctions/zala-entities.ftm.json",
    ),
}
CYRILLIC_LIST = "OpenSanctions delta, 2024-05-30"
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CYRILLIC_ALIAS = re.compile(
    r'\[\[entity\.aliases\]\]\nname = "[^"\n]*[\u0400-\u04ff][^"\n]*"\n'
    r"(?:[a-z_]+ = [^\n]*\n)*"  # its other fields
)
_TIED = 25
"""Candidates asked for: enough for every entity tied at the top with a name shared."""


@dataclass(frozen=True)
class Failure:
    """A listed name that did not find its own entity first, or not as a match."""

    entity_id: str
    name: str
    weak: bool
    own: float | None
    """Its own entity's score (None: not among the candidates)."""
    top: str | None
    top_score: float


def import_list(arguments: list[str], out: Path) -> Path:
    """The list imported into out, as a user would."""
    kind, file, *rest = arguments
    subprocess.run(
        [sys.executable, "-m", "tqcli", "import", kind, str(DATA / file), "--out", str(out), *rest],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def listed_names(index: Index) -> Iterator[tuple[str, str, bool]]:
    """Each screened entity's name and aliases (entity id, name, whether a weak alias)."""
    for entity in index.catalog.entities.values():
        if entity.kind not in names.SCREENED_KINDS:
            continue
        organization = entity.kind is EntityKind.ORGANIZATION
        yield entity.id, entity.name, False
        for alias in entity.aliases:
            weak = names.candidate_only(alias.name, alias.quality, organization)
            yield entity.id, alias.name, weak


def self_screen(index: Index) -> tuple[int, int, list[Failure]]:
    """How many names were screened, how many of them weak, and the failures."""
    failures = []
    screened = weak_count = 0
    threshold = names.DEFAULT_THRESHOLD
    for entity_id, name, one_word in listed_names(index):
        if not names.name_words(name):
            continue  # nothing to screen (no letters)
        screened += 1
        found = index.screen(name, threshold, limit=_TIED).candidates
        top = found[0].score if found else 0.0
        mine = next((c for c in found if c.entity_id == entity_id), None)
        own = mine.score if mine else None
        # A Low alias of common given names alone ("Abdul-Ghani") is a candidate by design too.
        weak = one_word or bool(
            mine and mine.cap is names.Cap.COMMON_NAMES and names.weak_grade(mine.quality)
        )
        weak_count += weak
        first = own is not None and own == top
        if not first or not (weak or top >= threshold):
            failures.append(
                Failure(entity_id, name, weak, own, found[0].entity_id if found else None, top)
            )
    return screened, weak_count, failures


def cyrillic(folder: Path, show: int) -> None:
    """The Cyrillic aliases of the OpenSanctions delta against its other names alone."""
    command, file = LISTS[CYRILLIC_LIST]
    if not (DATA / file).is_file():
        print(f"{CYRILLIC_LIST}: skipped, no file at {DATA / file}")
        return
    pack = import_list(command, folder / "cyrillic")
    full = in_memory(packs_in_effect([pack], include_builtin=False, environ={}))
    entities = pack / "entities.toml"
    entities.write_text(
        _CYRILLIC_ALIAS.sub("", entities.read_text(encoding="utf-8")), encoding="utf-8"
    )
    index = in_memory(packs_in_effect([pack], include_builtin=False, environ={}))
    queries = [
        (entity.id, alias.name)
        for entity in full.catalog.entities.values()
        if entity.kind in names.SCREENED_KINDS
        for alias in entity.aliases
        if _CYRILLIC.search(alias.name) and len(names.name_words(alias.name)) >= 2
    ]
    first = matched = 0
    for entity_id, name in queries:
        found = index.screen(name, names.DEFAULT_THRESHOLD, limit=_TIED).candidates
        top = found[0].score if found else 0.0
        own = [c for c in found if c.entity_id == entity_id and c.score == top]
        first += bool(own)
        matched += bool(own) and top >= names.DEFAULT_THRESHOLD
        if not own and show > 0:
            show -= 1
            print(f"  {entity_id} {name!r}: top {found[0].entity_id if found else None} {top}")
    print(
        f"Cyrillic aliases of {CYRILLIC_LIST}: {len(queries)}; own entity first at any score "
        f"{first} ({first / len(queries):.3f}), and a match {matched} "
        f"({matched / len(queries):.3f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, metavar="N")
    parser.add_argument("--cyrillic", action="store_true")
    arguments = parser.parse_args()
    if arguments.cyrillic:
        with tempfile.TemporaryDirectory() as folder:
            cyrillic(Path(folder), arguments.show)
        return
    with tempfile.TemporaryDirectory() as folder:
        for number, (label, (command, file)) in enumerate(LISTS.items()):
            if not (DATA / file).is_file():
                print(f"{label}: skipped, no file at {DATA / file}")
                continue
            pack = import_list(command, Path(folder) / f"list-{number}")
            index = in_memory(packs_in_effect([pack], include_builtin=False, environ={}))
            screened, weak, failures = self_screen(index)
            strong = [f for f in failures if not f.weak]
            print(
                f"{label}: {screened} names screened ({weak} weak aliases); not first or no "
                f"match: {len(strong)}; weak aliases not first: {len(failures) - len(strong)}"
            )
            for failure in failures[: arguments.show]:
                print(
                    f"  {failure.entity_id} {failure.name!r}{' (weak)' if failure.weak else ''}: "
                    f"own {failure.own}, top {failure.top} {failure.top_score}"
                )


if __name__ == "__main__":
    main()
