"""Words of a command tq suggests, quoted for a POSIX shell the way a person types them."""

from __future__ import annotations

import re
import shlex

_DOUBLE_QUOTED = re.compile(r'[^"$`\\!]*')
"""Text that double quotes keep as it is: none of the characters a shell reads inside them (a
quote, $, a backquote, a backslash; ! in an interactive bash)."""


def shell_word(text: str) -> str:
    """text as one word of a shell command: as it is where that is safe, in single quotes where
    it has no apostrophe, else in double quotes where they keep it ("al-qa'ida's", not
    shlex.quote's 'al-qa'"'"'ida'"'"'s', which is as correct and hard to read), else as
    shlex.quote has it."""
    quoted = shlex.quote(text)
    if "'" in text and quoted != text and _DOUBLE_QUOTED.fullmatch(text):
        return f'"{text}"'
    return quoted
