"""The pure rules behind the bad-input suite (tests/reliability/test_bad_input_*.py)."""

from __future__ import annotations

import pytest

from engine.backends.errors import tls_problem
from engine.sources import key_problem
from engine.units import parse_age, parse_rate, parse_size


@pytest.mark.parametrize("text", ["9" * 400, "99999999999TiB", "-1", "1e3", "nan", "inf"])
def test_sizes_beyond_int64_or_not_numbers_are_value_errors(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)
    with pytest.raises(ValueError, match="not a rate"):
        parse_rate(text + "/s")


@pytest.mark.parametrize("text", ["9" * 400 + "w", "99999999999w", "-1d", "soon"])
def test_ages_beyond_a_thousand_years_or_not_ages_are_value_errors(text: str) -> None:
    with pytest.raises(ValueError, match="not an age"):
        parse_age(text)


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("a/../b", "'.' or '..'"),
        ("/abs", "starts with '/'"),
        ("a\x00b", "control characters"),
        ("a\x7fb", "control characters"),
        ("k" * 1025, "1025 bytes"),
        ("é" * 512, None),  # exactly 1024 bytes
        ("报告 +%#?.txt", None),
        ("", None),
    ],
)
def test_key_problems(key: str, problem: str | None) -> None:
    found = key_problem(key)
    assert (found is None) if problem is None else (found is not None and problem in found), found


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)", "does not speak TLS"),
        ("certificate verify failed: certificate has expired (_ssl.c:1006)", "has expired"),
        (
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c)",
            "(self-signed",
        ),
        ("Connection reset by peer", None),
    ],
)
def test_tls_problems_are_named_with_the_fix(text: str, words: str | None) -> None:
    said = tls_problem(text, "https://h:1", "S3")
    assert (said is None) if words is None else (said is not None and words in said), said
