"""tq: look up sourced facts from curated TOML fact packs."""

__version__ = "0.1.0"
