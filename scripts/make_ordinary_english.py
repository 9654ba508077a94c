"""Write src/tqcli/data/ordinary-english.txt: the words APA's sentence case may lower
(tq cite --style apa), those general English uses commonly (wordfreq's small English list, Zipf
3.01 and up) that a cased English dictionary (SCOWL's, as Debian's wamerican and wbritish
install it in /usr/share/dict) writes in lower case. Names are left out, common or not:
"syria", "margaret", "brennan" (the dictionary writes them only capitalised), "pompeo" (not in
it).

    apt-get install wamerican wbritish
    python scripts/make_ordinary_english.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from wordfreq import iter_wordlist

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "tqcli" / "data" / "ordinary-english.txt"
DICTIONARIES = [Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english")]
# The dictionaries' notice, which their licence asks to be kept with their output.
NOTICE = """\
# Common English words written in lower case: wordfreq's small English list (Zipf >= 3.01;
# wordfreq by Robyn Speer, its code Apache-2.0, its data CC BY-SA 4.0, and so this list: see
# NOTICE) filtered by the lower-case words of SCOWL (as Debian's wamerican and wbritish), made
# by scripts/make_ordinary_english.py. This list: CC BY-SA 4.0, not tq's MIT licence.
# SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute
# and sell these word lists, the associated scripts, the output created from the scripts, and
# its documentation for any purpose is hereby granted without fee, provided that the above
# copyright notice appears in all copies and that both that copyright notice and this
# permission notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any purpose. It is provided "as is"
# without express or implied warranty. (SCOWL's other sources: see
# /usr/share/doc/wamerican/copyright.) The words follow the first blank line.

"""


def main() -> None:
    lower: set[str] = set()
    for dictionary in DICTIONARIES:
        lower.update(w for w in dictionary.read_text(encoding="utf-8").split() if w.islower())
    words = sorted(word for word in iter_wordlist("en", "small") if word in lower)
    OUT.write_text(NOTICE + "".join(word + "\n" for word in words), encoding="utf-8")
    sys.stdout.write(f"{OUT.relative_to(REPO)}: {len(words)} words\n")


if __name__ == "__main__":
    main()
