"""The benchmark's arithmetic and tables: pure functions, no servers, no clients."""

from __future__ import annotations

import math

from bench.report import targets, w5_table, w7_tables, w8_tables
from bench.stats import (
    GiB,
    RunResult,
    find,
    fmt_ratio,
    markdown_table,
    median,
    ratio,
    ratio_rows,
    summarize,
    summary_table,
)

MiB = 1024 * 1024


def run(
    wl: str, client: str, setting: str, wall: float, cpu: float = 1.0, ok: bool = True, **kw: object
) -> RunResult:
    r = RunResult(wl, client, setting, 0, ok, wall_s=wall, user_s=cpu, sys_s=0.0, bytes=GiB, files=1)
    for k, v in kw.items():
        setattr(r, k, v)
    return r


def test_median_ignores_nan_and_is_nan_when_empty() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([1.0, math.nan, 3.0]) == 2.0
    assert math.isnan(median([]))
    assert math.isnan(median([math.nan]))


def test_ratio_is_nan_without_both_sides() -> None:
    assert ratio(3.0, 2.0) == 1.5
    assert math.isnan(ratio(1.0, 0.0))
    assert math.isnan(ratio(math.nan, 1.0))
    assert fmt_ratio(1.234) == "1.23×"
    assert fmt_ratio(math.nan) == "–"


def test_run_result_derived_figures() -> None:
    r = run("W1", "skylift", "tuned", wall=2.0, cpu=1.5)
    assert r.mb_s == GiB / 1e6 / 2.0
    assert r.cpu_per_gib == 1.5


def test_summarize_takes_medians_of_successful_runs_only() -> None:
    rs = [
        run("W1", "boto3", "tuned", wall=4.0),
        run("W1", "boto3", "tuned", wall=2.0),
        run("W1", "boto3", "tuned", wall=3.0),
        run("W1", "boto3", "tuned", wall=0.1, ok=False),
    ]
    (s,) = summarize(rs)
    assert (s.runs, s.ok_runs) == (4, 3)
    assert s.wall_s == 3.0
    assert s.mb_s == GiB / 1e6 / 3.0


def test_a_client_that_never_succeeded_shows_dashes() -> None:
    (s,) = summarize([run("W1", "crt", "default", wall=1.0, ok=False)])
    assert math.isnan(s.mb_s)
    assert "| crt | default | 0/1 | – |" in summary_table([s])


def test_find_without_setting_picks_the_fastest() -> None:
    ss = summarize([run("W2", "raw", "default", wall=2.0), run("W2", "raw", "tuned", wall=1.0)])
    best = find(ss, "W2", "raw")
    assert best is not None and best.setting == "tuned"
    assert find(ss, "W2", "raw", "default") is not None
    assert find(ss, "W1", "raw") is None


def test_markdown_table_aligns_numbers_right_and_escapes_pipes() -> None:
    text = markdown_table(["name", "n"], [["a|b", "1"]])
    assert text.splitlines() == ["| name | n |", "| --- | ---: |", "| a\\|b | 1 |"]


def test_ratio_rows_compare_skylift_with_each_peer() -> None:
    ss = summarize(
        [
            run("W1", "skylift", "tuned", wall=1.0, cpu=1.0),
            run("W1", "boto3", "tuned", wall=2.0, cpu=2.0),
        ]
    )
    rows = ratio_rows(ss[0], ss)
    assert rows == [["skylift tuned", "boto3 tuned", "2.00×", "0.50×"]]


def test_targets_met_not_met_and_not_measured() -> None:
    rs = [
        run("W1", "skylift", "tuned", wall=1.0, cpu=1.0),
        run("W1", "boto3", "tuned", wall=1.2, cpu=2.0),  # skylift 1.2× faster: met
        run("W1", "raw", "default", wall=0.5, cpu=0.1),  # skylift 0.5× raw: not met
        run("W4a", "skylift", "tuned", wall=1.0, peak_rss_mb=100.0),
        run("W4b", "skylift", "tuned", wall=1.0, peak_rss_mb=110.0),
    ]
    w5 = [
        run(
            "W5",
            "skylift",
            "tuned",
            wall=1.0,
            extra={"resent_bytes": 10 * MiB, "limit_bytes": 128 * MiB, "first_part_s": 1.5},
        )
    ]
    got = {t.name: t for t in targets(summarize(rs), w5)}
    assert got["W1: throughput ≥ 1.1× boto3 tuned"].met is True
    assert got["W1: throughput ≥ 0.85× raw PUT"].met is False
    assert got["W1: client CPU/GiB ≤ boto3 tuned's"].met is True
    assert got["W2: throughput ≥ 1.1× boto3 tuned"].met is None
    assert got["W4 (tuned): RSS(large) ≤ 1.2 × RSS(small)"].met is True
    assert got["W5 (tuned): re-sent ≤ concurrency × part size"].met is True
    assert got["W5 (tuned): resume to first new part < 1 s"].met is False
    assert got["W5 (default): resume to first new part < 1 s"].met is None
    assert "| skylift tuned | 1/1 |" in w5_table(w5)


def test_w7_tables_compare_wall_and_cpu_time_and_show_what_skylift_skipped() -> None:
    rs = [
        run("W7", "skylift", "default", wall=2.0, cpu=1.0, extra={"skipped": 200}),
        run("W7", "rclone", "default", wall=0.5, cpu=0.25),
        run("W7", "awscli", "default", wall=1.0, cpu=1.0, ok=False),
    ]
    summary, ratios = w7_tables(rs)
    assert "| skylift | default | 1/1 | 2.00 | 1.00 |" in summary
    assert summary.splitlines()[2].endswith("| 200 |")
    assert "| rclone | default | 1/1 | 0.50 | 0.25 |" in summary
    assert "| skylift default | rclone default | 4.00× | 4.00× |" in ratios
    assert "| skylift default | awscli default | – | – |" in ratios


def test_w8_ratio_is_the_median_of_the_rounds_and_judged_against_2x() -> None:
    def w8(wall: float, nocache: float, list_s: float, hash_s: float) -> RunResult:
        extra = {
            "list_wall_s": list_s,
            "hash_wall_s": hash_s,
            "nocache_wall_s": nocache,
            "ratio": wall / (list_s + hash_s),
            "nocache_ratio": nocache / (list_s + hash_s),
            "same_by": {"record": 1000},
        }
        return run("W8", "skylift", "default", wall=wall, extra=extra)

    rs = [w8(3.0, 5.0, 1.0, 1.0), w8(5.0, 6.0, 1.0, 1.0), w8(1.0, 4.0, 1.0, 1.0)]
    verify, baseline = w8_tables(rs)
    assert "| skylift verify | 3/3 | 3.00 |" in verify
    assert verify.splitlines()[2].endswith("| 1.50× | record 1000 |")
    assert verify.splitlines()[3].endswith("| 2.50× | – |")
    assert "| list + hash | 2.00 |" in baseline
    got = {t.name: t for t in targets([], [], rs)}
    assert got["W8: skylift verify ≤ 2 × (list + hash) wall time"].met is True
    assert got["W8: skylift verify --no-cache ≤ 2 × (list + hash) wall time"].met is False
    assert got["W8: skylift verify --no-cache ≤ 2 × (list + hash) wall time"].measured == "2.50×"
    none = {t.name: t for t in targets([], [])}
    assert none["W8: skylift verify --no-cache ≤ 2 × (list + hash) wall time"].met is None
