"""Shell completion: the scripts `tq completion SHELL` prints, and values completed from the index.

Commands, options and choices (--kind, --color, --format) come from the command line's own
definition; fact ids, tags, entity ids and source ids come from the search index of the packs in
effect (honouring --facts and --no-builtin already typed), so a TAB costs one indexed query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from tqcli.errors import BadRequest

if TYPE_CHECKING:
    from tqcli.index import Index

COMPLETE_VARIABLE = "_TQ_COMPLETE"
"""Set by the completion scripts when they ask tq for completions (the CLI checks for it)."""
SHELLS = ("bash", "zsh", "fish")


def script(shell: str) -> str:
    """The completion script for shell, calling tq back for each completion."""
    # Typer's own scripts (typer is pinned below 0.29, where these live).
    from typer._completion_shared import get_completion_script

    if shell not in SHELLS:
        raise BadRequest(f"no completion for {shell!r}; choose one of {', '.join(SHELLS)}")
    return get_completion_script(prog_name="tq", complete_var=COMPLETE_VARIABLE, shell=shell)


def enable() -> None:
    """Let Typer answer a completion script's request (this run is one)."""
    from typer._completion_classes import completion_init

    completion_init()


def topics(ctx: typer.Context, incomplete: str) -> list[str]:
    """The help topics, for tq help's argument."""
    from tqcli.topics import TOPICS

    return [topic for topic in TOPICS if topic.startswith(incomplete)]


def shells(ctx: typer.Context, incomplete: str) -> list[str]:
    """The shells, for tq completion's argument."""
    return [shell for shell in SHELLS if shell.startswith(incomplete)]


def styles(ctx: typer.Context, incomplete: str) -> list[str]:
    """The citation styles, for tq cite --format (or --style)."""
    from tqcli.cite import Style

    return [style.value for style in Style if style.value.startswith(incomplete)]


def schemas(ctx: typer.Context, incomplete: str) -> list[str]:
    """The schema names, for tq schema's argument."""
    from tqcli.schemas import SchemaName

    return [name.value for name in SchemaName if name.value.startswith(incomplete)]


def _from_index(read: Callable[[Index], Iterable[str]]) -> Callable[..., list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        import sqlite3

        from tqcli.config import load_config
        from tqcli.errors import TqError
        from tqcli.index import CachePolicy, consult
        from tqcli.packs import may_be_left_out, packs_in_effect

        try:
            packs = packs_in_effect(
                [Path(path) for path in ctx.params.get("facts") or ()],
                include_builtin=not ctx.params.get("no_builtin"),
                configured=load_config().packs,
            )
            _, names = consult(  # a pack of the user pack folder that does not load: left out
                packs,
                CachePolicy.from_environment(enabled=True),
                lambda index: list(read(index)),
                optional=may_be_left_out,
            )
        except (TqError, OSError, sqlite3.Error):  # no completions rather than noise in a prompt
            return []
        return sorted(name for name in set(names) if name.startswith(incomplete))

    return complete


FACT_IDS_UP_TO = 5_000
"""Fact ids are completed for packs of up to this many facts: listing them reads every fact
(about 0.1 ms each), where tags and entity and source ids are one query however many there are."""


def _fact_ids(index: Index) -> Iterable[str]:
    from tqcli.model import Filters

    if index.facts_count() > FACT_IDS_UP_TO:
        return ()
    return (hit.fact.id for hit in index.browse(Filters()))


fact_ids = _from_index(_fact_ids)
tags = _from_index(lambda index: index.top_tags(10_000))
entity_ids = _from_index(lambda index: iter(index.catalog.entities))
source_ids = _from_index(lambda index: iter(index.catalog.sources))
cited_ids = _from_index(lambda index: [*_fact_ids(index), *index.catalog.sources])
"""Fact ids and source ids: tq cite takes either."""
