"""Measure the "did you mean" of an unknown entity name (--about): how many one-letter typos of
the built-in pack's names and aliases get the name they were made from, and how many strings of
random letters (and a few words that are nobody's name) get any suggestion, at several cutoffs.

    python bench/evaluate_suggestions.py          # seed 7
    python bench/evaluate_suggestions.py 11       # another draw of typos and nonsense

The chosen cutoff is tqcli.textnorm.ONE_LETTER_OFF.
"""

from __future__ import annotations

import difflib
import random
import string
import sys

from tqcli.index import in_memory
from tqcli.packs import packs_in_effect
from tqcli.textnorm import ONE_LETTER_OFF

CUTOFFS = (0.6, 0.7, ONE_LETTER_OFF, 0.8, 0.85)
NOT_NAMES = "nope hello test foo bar bob yes none nothing something help asdf qwerty banana water"


def _typo(rng: random.Random, name: str) -> str:
    """name with one letter deleted, replaced, or swapped with the next."""
    at = rng.randrange(len(name))
    change = rng.choice("dst")
    if change == "d":
        return name[:at] + name[at + 1 :]
    if change == "s":
        return name[:at] + rng.choice(string.ascii_lowercase) + name[at + 1 :]
    return name[:at] + name[at + 1 : at + 2] + name[at] + name[at + 2 :]


def main(seed: int) -> None:
    index = in_memory(packs_in_effect([], include_builtin=True, configured=()))
    rows = index._connection.execute("SELECT name FROM entity_names")
    names = sorted({row[0] for row in rows})
    rng = random.Random(seed)
    typos = [(_typo(rng, name), name) for name in names if len(name) >= 4 for _ in range(2)]
    typos = [(typo, name) for typo, name in typos if typo not in names]
    nonsense = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 10)))
        for _ in range(300)
    ] + NOT_NAMES.split()
    print(f"{len(names)} names; {len(typos)} typos; {len(nonsense)} strings that are no name")
    for cutoff in sorted(set(CUTOFFS)):
        right = sum(difflib.get_close_matches(t, names, 1, cutoff) == [n] for t, n in typos)
        suggested = [word for word in nonsense if difflib.get_close_matches(word, names, 1, cutoff)]
        chosen = "  (tq's)" if cutoff == ONE_LETTER_OFF else ""
        print(
            f"cutoff {cutoff:.2f}: typos given their name {right}/{len(typos)}; "
            f"nonsense given a suggestion {len(suggested)}/{len(nonsense)} "
            f"{' '.join(suggested[:6])}{chosen}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
