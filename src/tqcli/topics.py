"""Reference topics for `tq help TOPIC`: the documents in docs/, shipped inside the package."""

from __future__ import annotations

from pathlib import Path

from tqcli.errors import BadRequest

TOPICS = {
    "pack-format": ("pack-format.md", "the fact pack format: sources, entities, facts, archives"),
    "json": ("json.md", "the JSON output of every command, key by key"),
    "exit-codes": ("exit-codes.md", "what each exit code means"),
    "config": ("configuration.md", "the config file, pack folders, pager, colour, variables"),
}
"""Each topic's document and what it covers."""


def docs_dir() -> Path:
    """The documents: inside the installed package, or at the top of a source checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "docs"
    if installed.is_dir():
        return installed
    return package_dir.parent.parent / "docs"


def topic_text(name: str) -> str:
    """The text of a topic; BadRequest naming the topics for one that does not exist."""
    if name not in TOPICS:
        from tqcli.textnorm import did_you_mean

        raise BadRequest(f"no help topic {name!r}{did_you_mean(name, TOPICS)}; see 'tq help'")
    return (docs_dir() / TOPICS[name][0]).read_text(encoding="utf-8")


def topics_list() -> str:
    """The topics, one a line, with what each covers."""
    width = max(map(len, TOPICS))
    lines = [f"  {name.ljust(width)}  {summary}" for name, (_, summary) in TOPICS.items()]
    return "Help topics (tq help TOPIC):\n" + "\n".join(lines) + "\n"
