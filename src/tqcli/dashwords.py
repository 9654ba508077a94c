"""A command whose -word arguments are terms (exclusions), not unknown options."""

from __future__ import annotations

from typer import _click
from typer.core import TyperCommand


class DashWordsCommand(TyperCommand):
    """`tq search taliban -isis` as users type it: a -word that is not one of the command's
    options is moved after --, where Click reads it as a term. Click's ignore_unknown_options
    would not do: it reads -word letter by letter, so -hamas would show help and -nato would be
    --limit ato. The command's own options keep working: -h, -n 5, -n5, --kind figure."""

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        options: list[str] = []
        words: list[str] = []
        after: list[str] = []
        if "--" in args:
            at = args.index("--")
            args, after = args[:at], args[at + 1 :]
        valued = {
            name
            for param in self.get_params(ctx)
            if param.param_type_name == "option"
            and not getattr(param, "is_flag", False)
            and not getattr(param, "count", False)
            for name in param.opts
        }
        previous = None
        for arg in args:
            if previous not in valued and _is_term(arg, valued):
                words.append(arg)
            else:
                options.append(arg)
            previous = arg
        if words or after:
            options += ["--", *words, *after]
        return super().parse_args(ctx, options)


def _is_term(arg: str, valued: set[str]) -> bool:
    """A -word that no option of the command spells: not -h, not -n5 (-n with its value)."""
    # One dash, then anything but a dash or a space: -isis, -1267, -"bin laden" (one shell word).
    if len(arg) < 3 or arg[0] != "-" or arg[1] == "-" or arg[1].isspace():
        return False
    return not (arg[:2] in valued and arg[2:].isdigit())
