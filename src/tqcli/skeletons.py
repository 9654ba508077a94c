"""Consonant skeletons: names written in the Arabic script, which leaves short vowels out,
compared with their romanisations ("برادر" and "Baradar" -> "brdr").

A word's skeleton is its consonants, with the letters that romanise one Arabic letter in several
ways made one (docs/names.md). Names screened (tqcli.names) and words searched (tqcli.index)
written in the Arabic script are compared with the romanised ones by skeleton.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# Letters of the Arabic script (Arabic, Persian, Pashto, Urdu), and its article at the start of a
# word, which the lists' romanisations write apart or leave out ("الظواهري", al-Zawahiri).
_LETTERS = "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
ARABIC_SCRIPT = re.compile(_LETTERS)
ARABIC_ARTICLE = re.compile(
    "(?<![\u0600-\u06ff])\u0627\u0644(?=[\u0600-\u06ff]{2})(?!\u0644\u0647(?![\u0600-\u06ff]))"
)  # not in الله (Allah), whose article is part of the name ("Abdallah")
# Romanisations of one Arabic letter that differ from list to list (ظ and ذ as dh or z, ث as th
# or s, ق as q or k), made one; and the letters a consonant skeleton leaves out.
ARTICLES = frozenset({"al", "el", "ul"})
"""The Arabic article as romanised text writes it apart ("al-Zawahiri"), or leaves it out."""
_SKELETON_LETTERS = (("dh", "z"), ("th", "s"), ("ph", "f"), ("q", "k"), ("v", "w"), ("dj", "j"))
_OPEN_ENDS = frozenset("aeiouyw")
_ABDUL = frozenset({"abdul", "abdel", "abdal", "abdol", "abdil", "abdoul", "abdoel"})
"""Abd al- ("servant of the") written apart from the name it is part of, as عبد is."""
_SKELETON_DROPPED = str.maketrans("", "", "aeiouwy")
_DOUBLED = re.compile(r"(.)\1+")
# Each letter of the Arabic script as skeleton() spells it once romanised: alif, alif maqsura and
# ta marbuta as a vowel, hamza, ʿayn and the short-vowel marks as nothing (romanisations write
# them as vowels or apostrophes), the letters that romanise alike as one (ث ص س: s; ذ ز ظ: z;
# ك ک ق: k). Read from the letters themselves: romanised first, د+ه would read as the digraph dh.
_ARABIC_LETTERS = str.maketrans(
    {
        **dict.fromkeys("اأإآٱىة", "a"),
        **dict.fromkeys("ءئؤع\u0640\u200c\u200d", ""),
        **dict.fromkeys([chr(code) for code in range(0x064B, 0x0660)] + ["\u0670"], ""),
        **dict.fromkeys("ثصسڅ", "s"),
        **dict.fromkeys("ذزظځ", "z"),
        **dict.fromkeys("قكک", "k"),
        **dict.fromkeys("يیےۍې", "y"),
        **dict.fromkeys("هحھۀ", "h"),
        **dict.fromkeys("تطټٹ", "t"),
        **dict.fromkeys("دضډڈ", "d"),
        **dict.fromkeys("رړڑ", "r"),
        **dict.fromkeys("نڼں", "n"),
        "ب": "b", "پ": "p", "ج": "j", "چ": "ch", "خ": "kh", "ژ": "zh", "ږ": "zh", "ش": "sh",
        "ښ": "sh", "غ": "gh", "ف": "f", "گ": "g", "ل": "l", "م": "m", "و": "w",
    }
)  # fmt: skip


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """The word's consonants, as the Arabic script writes a name (without its short vowels):
    "zawahiri" and the Arabic script's "dhwhry" -> "zhr", "haqqani" and "hqny" -> "hkn".

    Both sides of a comparison go through it: vowels and the letters that also write long vowels
    (w, y) are dropped but for a first w or y, doubled letters made single, a final h (the
    Arabic ة, not the h of sh, kh or gh) dropped, variant romanisations of one letter made one,
    and "Abdul" written apart read as عبد, its article dropped as it is between words."""
    if word in _ABDUL:
        return "bd"
    return consonants(romanised(word))


def romanised(word: str) -> str:
    """A folded word with the letters that romanise one Arabic letter made one."""
    for old, new in _SKELETON_LETTERS:
        word = word.replace(old, new)
    return word


def arabic_romanised(word: str) -> str:
    """A word in the Arabic script as skeleton() reads it: letter by letter, a final ه as the
    vowel it often writes ("zadeh", "Taha")."""
    romanised = word.translate(_ARABIC_LETTERS)
    return romanised + "a" if word.endswith(("ه", "ۀ", "ھ")) else romanised


def consonants(word: str) -> str:
    """The skeleton of letters romanised() or arabic_romanised()."""
    # An open end (a vowel, a vowel and h, or the Arabic script's final long vowel or ة) is kept
    # as "a": "Husaini" is not "Hassan", nor "Ali" "Al".
    open_end = word[-1:] in _OPEN_ENDS or (word[-1:] == "h" and word[-2:-1] in _OPEN_ENDS)
    kept = word[:1] if word[:1] in ("w", "y") else ""
    consonants = _DOUBLED.sub(r"\1", kept + word[len(kept) :].translate(_SKELETON_DROPPED))
    if len(consonants) > 2 and consonants.endswith("h") and consonants[-2] not in "cgks":
        consonants = consonants[:-1]
    return consonants + "a" if open_end else consonants


def unvocalized(name: str) -> bool:
    """Whether a name is written in the Arabic script, which leaves short vowels out: it is then
    compared with other names by skeleton() as well as word by word."""
    return not name.isascii() and ARABIC_SCRIPT.search(name) is not None


def without_article(text: str) -> str:
    """Text in the Arabic script without the article at the start of its words (but in الله)."""
    return ARABIC_ARTICLE.sub("", text)


def romanise(text: str, term_of: Callable[[str], str | None]) -> list[str]:
    """The words of text, each run of the Arabic script read as the romanised words term_of()
    gives for its skeleton, two words together where it knows them ("سراج الدین": sirajuddin)
    or else one by one ("طالبان": taliban); a word it knows nothing of, a function word of the
    script's languages (من, "who", is no "Ayman"), and words in other scripts, as they are."""
    words = text.replace("\u200c", "").split()
    readable = [
        ARABIC_SCRIPT.search(word) is not None and word not in FUNCTION_WORDS for word in words
    ]
    bare = [without_article(word) for word in words]
    read: list[str] = []
    at = 0
    while at < len(words):
        if at + 1 < len(words) and readable[at] and readable[at + 1]:
            both = term_of(consonants(arabic_romanised(bare[at]) + arabic_romanised(bare[at + 1])))
            if both:
                read.append(both)
                at += 2
                continue
        found = term_of(consonants(arabic_romanised(bare[at]))) if readable[at] else None
        read.append(found or words[at])
        at += 1
    return read


FUNCTION_WORDS = frozenset(
    # Arabic: question words, pronouns, prepositions, conjunctions, particles. (A string a line
    # reads better than ninety quoted words.)
    "من ما ماذا متى أين اين كيف كم هل لماذا هو هي هم في على عن إلى الى مع و أو او ثم هذا هذه "  # noqa: SIM905
    "ذلك تلك الذي التي كان كانت قد لم لن أن ان إن بعد قبل بين عند حتى "
    # Persian.
    "چه چی کی کجا چرا چگونه چند آیا است هست بود از به در با برای که این آن یا را تا هم کیست "
    "چیست "
    # Urdu.
    "کون کیا کب کہاں کیسے کتنے ہے ہیں کا کی کے میں سے نے کو اور "
    # Pashto.
    "څوک څه چیرته کله ولې دی ده د په له او".split()
)
"""Words of the languages written in the Arabic script that name nothing: their skeletons are
short, and would read as names ("mn" is Ayman's)."""
