"""Another pack's curator notes on the same words of the same source, for `tq ask`: the logic
moved to tqcli.corrections, one home that `show`, `search` and `validate` use too (kept here,
re-exported, so that ask's import of it stands)."""

from tqcli.corrections import with_others_notes

__all__ = ["with_others_notes"]
