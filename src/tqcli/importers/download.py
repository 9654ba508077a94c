"""Downloading an import's input over HTTP(S), with a progress line on a terminal."""

from __future__ import annotations

import http.client
import re
import sys
import urllib.error
import urllib.request

from tqcli import __version__
from tqcli.errors import BadRequest, InvalidInput, Unavailable
from tqcli.progress import ProgressLine

TIMEOUT_SECONDS = 60
"""How long a silent server is waited for, at connection and between chunks."""

_CHUNK = 1 << 16


def download(url: str, *, limit: int, what: str) -> bytes:
    """The whole body at url; refuses an error answer, a cut-off body and more than limit bytes."""
    from tqcli.importers.shared import too_large

    _refuse_credentials(url)
    request = urllib.request.Request(url, headers={"User-Agent": f"tq/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            length = _content_length(response.headers.get("Content-Length"))
            if length is not None and length > limit:
                raise too_large(url, limit, what)
            data = bytearray()
            # The index build's progress line: at a terminal only, never an escape code.
            with ProgressLine(sys.stderr, "tq: downloading") as progress:
                progress.stage(_received(0, length))
                while chunk := response.read(_CHUNK):
                    data += chunk
                    if len(data) > limit:
                        raise too_large(url, limit, what)
                    progress.stage(_received(len(data), length))
    except urllib.error.HTTPError as error:
        answer = f"{url}: the server answered {error.code} {error.reason}"
        if error.code >= 500:  # the server's fault, not the address's
            raise Unavailable(f"{answer}; try again later") from None
        raise BadRequest(answer) from None
    except http.client.IncompleteRead as error:
        raise InvalidInput(
            f"{url}: the download stopped after {len(error.partial):,} bytes, before the end; "
            "nothing was imported"
        ) from None
    except urllib.error.URLError as error:
        raise Unavailable(f"{url}: cannot download: {_reason(error.reason)}") from None
    except (OSError, http.client.HTTPException) as error:
        raise Unavailable(f"{url}: cannot download: {_reason(error)}") from None
    if length is not None and len(data) < length:
        raise InvalidInput(
            f"{url}: the download stopped after {len(data):,} of {length:,} bytes; "
            "nothing was imported"
        )
    return bytes(data)


def _refuse_credentials(url: str) -> None:
    """A user name or password in the URL (`https://user:pass@host/`): urllib would take the
    text before `@` for part of the host name; tq does not send credentials, nor echo them."""
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return
    shown = parts._replace(netloc="…@" + parts.netloc.rpartition("@")[2]).geturl()
    raise BadRequest(
        f"{shown}: a user name or password in the URL is not supported (tq sends no "
        "credentials); download the file yourself and import it from disk"
    )


def _reason(error: object) -> str:
    """Why a connection failed, in words ("Connection refused", not "[Errno 111] ...")."""
    if isinstance(error, TimeoutError):
        return f"no answer within {TIMEOUT_SECONDS} seconds"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _content_length(header: str | None) -> int | None:
    text = (header or "").strip()
    return int(text) if re.fullmatch(r"[0-9]{1,18}", text) else None


def _received(received: int, length: int | None) -> str:
    """How much has come: "40,960 of 100,000 bytes (40%)", or "40,960 bytes" of an unsaid length."""
    if not length:
        return f"{received:,} bytes"
    return f"{received:,} of {length:,} bytes ({100 * received // length}%)"
