"""What differs between the Pythons tq supports: assert_never is in typing from 3.11."""

import sys

if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # pragma: no cover - exercised on 3.10 only
    from typing_extensions import assert_never

__all__ = ["assert_never"]
