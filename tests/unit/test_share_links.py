"""Share links without a server: the expiry words and the plain object URL in each style."""

from __future__ import annotations

import pytest

from app.services.share import MAX_SECONDS, ShareError, parse_expires
from engine.backends.s3 import plain_url


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("7d", 7 * 86400), ("12h", 43200), ("30m", 1800), ("45s", 45), ("3600", 3600), (" 2H ", 7200)],
)
def test_expiry_words(text: str, seconds: int) -> None:
    assert parse_expires(text) == seconds


@pytest.mark.parametrize("text", ["8d", str(MAX_SECONDS + 1), "0", "soon", "-5m", "1.5h", ""])
def test_expiry_refused(text: str) -> None:
    with pytest.raises(ShareError):
        parse_expires(text)


def test_virtual_host_url() -> None:
    url = plain_url(
        "https://s3.eu-west-1.amazonaws.com", {"addressing_style": "virtual"}, "photos", "a b/c+d.jpg"
    )
    assert url == "https://photos.s3.eu-west-1.amazonaws.com/a%20b/c%2Bd.jpg"


def test_path_style_url_keeps_the_endpoint_path() -> None:
    url = plain_url("https://minio.example.com/storage/", {"addressing_style": "path"}, "photos", "x.jpg")
    assert url == "https://minio.example.com/storage/photos/x.jpg"


def test_names_a_host_cannot_carry_go_in_the_path() -> None:
    # botocore does the same for a dotted or upper-case name, and for an IP endpoint.
    assert plain_url("https://s3.amazonaws.com", {"addressing_style": "virtual"}, "my.site", "i") == (
        "https://s3.amazonaws.com/my.site/i"
    )
    assert plain_url("http://127.0.0.1:8333", {"addressing_style": "virtual"}, "b1b", "i") == (
        "http://127.0.0.1:8333/b1b/i"
    )
