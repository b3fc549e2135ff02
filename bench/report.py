"""docs/benchmarks.md: the machine, one table per workload, Skylift's ratios, the targets."""

from __future__ import annotations

import json
import math
import os
import platform
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from bench import settings as cfg
from bench.stats import (
    RunResult,
    Summary,
    find,
    fmt,
    fmt_ratio,
    markdown_table,
    median,
    ratio,
    ratio_rows,
    summarize,
    summary_table,
)
from bench.venvs import Tools

MiB = 1024 * 1024


def machine(tools: Tools, quick: bool, rounds: int, started: float) -> dict[str, Any]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kib = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kib = int(line.split()[1])
    from app.services.local_server import weed_binary

    weed = subprocess.run([weed_binary(), "version"], capture_output=True, text=True, check=False)
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
        "mode": "quick" if quick else "full",
        "rounds": rounds,
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "os": platform.platform(terse=True),
        "seaweedfs": (weed.stdout.strip().splitlines() or ["?"])[0],
        "versions": dict(tools.versions),
        "missing": dict(tools.missing),
    }


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    met: bool | None  # None: not measured in this run


def _ours(summaries: Sequence[Summary], wl: str) -> Summary | None:
    return find(summaries, wl, "skylift", "tuned") or find(summaries, wl, "skylift", "default")


def _check(value: float, ok: bool) -> bool | None:
    return None if math.isnan(value) else ok


def targets(
    summaries: Sequence[Summary], w5: Sequence[RunResult], w8: Sequence[RunResult] = ()
) -> list[Target]:
    """The issue's targets, judged on medians. Skylift tuned is compared where it ran."""
    out: list[Target] = []
    for wl in ("W1", "W2"):
        ours = _ours(summaries, wl)
        boto = find(summaries, wl, "boto3", "tuned")
        raw = find(summaries, wl, "raw")  # the best raw setting: the most the server takes
        r = ratio(ours.mb_s, boto.mb_s) if ours and boto else math.nan
        out.append(Target(f"{wl}: throughput ≥ 1.1× boto3 tuned", fmt_ratio(r), _check(r, r >= 1.1)))
        r = ratio(ours.mb_s, raw.mb_s) if ours and raw else math.nan
        out.append(Target(f"{wl}: throughput ≥ 0.85× raw PUT", fmt_ratio(r), _check(r, r >= 0.85)))
    ours, rc = _ours(summaries, "W3"), find(summaries, "W3", "rclone", "tuned")
    r = ratio(ours.mb_s, rc.mb_s) if ours and rc else math.nan
    out.append(Target("W3: throughput ≥ 1.0× rclone tuned", fmt_ratio(r), _check(r, r >= 1.0)))
    for wl in ("W1", "W2", "W3"):
        ours, boto = _ours(summaries, wl), find(summaries, wl, "boto3", "tuned")
        r = ratio(ours.cpu_per_gib, boto.cpu_per_gib) if ours and boto else math.nan
        out.append(Target(f"{wl}: client CPU/GiB ≤ boto3 tuned's", fmt_ratio(r), _check(r, r <= 1.0)))
    for setting in cfg.SETTINGS:
        small = find(summaries, "W4a", "skylift", setting)
        big = find(summaries, "W4b", "skylift", setting)
        r = ratio(big.rss_mb, small.rss_mb) if small and big else math.nan
        name = f"W4 ({setting}): RSS(large) ≤ 1.2 × RSS(small)"
        # Three decimals: 1.204 must not read as a failed 1.20.
        shown = (
            "–"
            if math.isnan(r) or not (small and big)
            else f"{big.rss_mb:.0f} / {small.rss_mb:.0f} MB = {r:.3f}×"
        )
        out.append(Target(name, shown, _check(r, r <= 1.2)))
    for setting in cfg.SETTINGS:
        runs = [r for r in w5 if r.setting == setting and r.ok]
        resent = median(float(r.extra["resent_bytes"]) for r in runs)
        limit = median(float(r.extra["limit_bytes"]) for r in runs)
        shown = "–" if math.isnan(resent) else f"{resent / MiB:.1f} MiB of {limit / MiB:.0f} MiB"
        out.append(
            Target(
                f"W5 ({setting}): re-sent ≤ concurrency × part size", shown, _check(resent, resent <= limit)
            )
        )
        first = median(_num(r.extra.get("first_part_s")) for r in runs)
        out.append(
            Target(
                f"W5 ({setting}): resume to first new part < 1 s",
                f"{fmt(first)} s",
                _check(first, first < 1.0),
            )
        )
    # Per round (verify and its baseline ran back to back), then the median of the rounds.
    # --no-cache is the case the baseline describes: every file read and hashed.
    for key, how in (("nocache_ratio", "skylift verify --no-cache"), ("ratio", "skylift verify")):
        r = median(_num(x.extra.get(key)) for x in w8 if x.ok)
        name = f"W8: {how} ≤ 2 × (list + hash) wall time"
        out.append(Target(name, fmt_ratio(r), _check(r, r <= 2.0)))
    return out


def _num(v: object) -> float:
    return float(v) if isinstance(v, int | float) else math.nan


def _met(m: bool | None) -> str:
    return "not measured" if m is None else ("met" if m else "**not met**")


def w5_table(runs: Sequence[RunResult]) -> str:
    rows = []
    for setting in cfg.SETTINGS:
        ok = [r for r in runs if r.setting == setting and r.ok]
        if not [r for r in runs if r.setting == setting]:
            continue

        def med(key: str, scale: float = 1.0, rs: list[RunResult] = ok) -> float:
            return median(_num(r.extra.get(key)) / scale for r in rs)

        rows.append(
            [
                f"skylift {setting}",
                f"{len(ok)}/{len([r for r in runs if r.setting == setting])}",
                fmt(med("checkpoint_bytes", MiB), 0),
                fmt(med("server_bytes", MiB), 0),
                fmt(med("resume_bytes_sent", MiB), 0),
                fmt(med("resent_bytes", MiB), 1),
                fmt(med("resent_total_bytes", MiB), 1),
                fmt(med("limit_bytes", MiB), 0),
                fmt(med("first_progress_s")),
                fmt(med("first_part_s")),
                fmt(median(r.wall_s for r in ok)),
                fmt(median(r.cpu_s for r in ok)),
            ]
        )
    headers = [
        "client",
        "ok runs",
        "checkpoint MiB",
        "on server MiB",
        "resume sent MiB",
        "re-sent MiB",
        "sent twice MiB",
        "limit MiB",
        "first progress s",
        "first new part s",
        "resume wall s",
        "resume CPU s",
    ]
    return markdown_table(headers, rows)


def w7_tables(runs: Sequence[RunResult]) -> list[str]:
    """Each client's re-run: the summary, then Skylift against each peer on wall and CPU time."""
    group = summarize(runs)

    def skipped(s: Summary) -> float:
        said = (
            r.extra.get("skipped") for r in runs if r.ok and (r.client, r.setting) == (s.client, s.setting)
        )
        return median(_num(x) for x in said)

    rows = [
        [
            s.client,
            s.setting,
            f"{s.ok_runs}/{s.runs}",
            fmt(s.wall_s),
            fmt(s.cpu_s),
            fmt(s.rss_mb, 0),
            fmt(s.server_cpu_s),
            fmt(skipped(s), 0),
        ]
        for s in group
    ]
    headers = ["client", "setting", "ok runs", "wall s", "client CPU s", "peak RSS MB", "server CPU s"]
    out = [markdown_table([*headers, "skipped (Skylift says)"], rows, right_from=2)]
    ratios = [
        [ours.label, p.label, fmt_ratio(ratio(ours.wall_s, p.wall_s)), fmt_ratio(ratio(ours.cpu_s, p.cpu_s))]
        for ours in group
        if ours.client == "skylift"
        for p in group
        if p.client != "skylift"
    ]
    if ratios:
        headers = ["Skylift", "peer", "wall ratio (<1 faster)", "client CPU ratio (<1 leaner)"]
        out.append(markdown_table(headers, ratios, right_from=2))
    return out


def w8_tables(runs: Sequence[RunResult]) -> list[str]:
    """Verify (trusting what the upload recorded, and with --no-cache) against its baseline: medians
    over the rounds; each ratio is taken within its round, then the median shown."""
    ok = [r for r in runs if r.ok]

    def med(key: str) -> float:
        return median(_num(r.extra.get(key)) for r in ok)

    n = f"{len(ok)}/{len(runs)}"

    def by(key: str) -> str:
        said = ok[-1].extra.get(key) if ok else None
        return ", ".join(f"{k} {v}" for k, v in said.items()) if isinstance(said, dict) else "–"

    wall, cpu, rss = (median(getattr(r, k) for r in ok) for k in ("wall_s", "cpu_s", "peak_rss_mb"))
    rows = [
        ["skylift verify", n, fmt(wall), fmt(cpu), fmt(rss, 0), fmt_ratio(med("ratio")), by("same_by")],
        [
            "skylift verify --no-cache",
            n,
            fmt(med("nocache_wall_s")),
            fmt(med("nocache_cpu_s")),
            fmt(med("nocache_rss_mb"), 0),
            fmt_ratio(med("nocache_ratio")),
            by("nocache_same_by"),
        ],
    ]
    headers = ["", "ok runs", "wall s", "CPU s", "peak RSS MB", "/ (list + hash)", "compared by"]
    both = median(_num(r.extra.get("list_wall_s")) + _num(r.extra.get("hash_wall_s")) for r in ok)
    base = [
        ["list the prefix (boto3)", fmt(med("list_wall_s")), fmt(med("list_cpu_s"))],
        ["sha256sum every file", fmt(med("hash_wall_s")), fmt(med("hash_cpu_s"))],
        ["list + hash", fmt(both), fmt(med("list_cpu_s") + med("hash_cpu_s"))],
    ]
    return [
        markdown_table(headers, rows, right_from=1),
        markdown_table(["baseline", "wall s", "CPU s"], base, right_from=1),
    ]


def _compact(value: Any) -> str:
    if isinstance(value, list):
        return "`" + " ".join(map(str, value)) + "`" if value else "(none)"
    return "`" + json.dumps(value, separators=(",", ":")) + "`" if value else "(none)"


def settings_table() -> str:
    rows = [
        [c, _compact(cfg.DEFAULT[c]), _compact(cfg.TUNED[c]), _compact(cfg.TUNED_SMALL_FILES[c])]
        for c in cfg.PEERS
    ]
    return markdown_table(["client", "default", "tuned", "tuned, W3"], rows, right_from=4)


def render(meta: dict[str, Any], results: Sequence[RunResult], wls: Sequence[cfg.Workload]) -> str:
    kinds = {w.name: w.kind for w in wls}
    # W5, W7 and W8 measure other things than an upload: each has a table of its own.
    summaries = summarize([r for r in results if kinds.get(r.workload, "upload") == "upload"])
    w5 = [r for r in results if r.workload == "W5"]
    w8 = [r for r in results if kinds.get(r.workload) == "verify"]
    v = meta["versions"]
    out = [
        "# Skylift benchmarks",
        "",
        f"Generated by `python -m bench.run{' --quick' if meta['mode'] == 'quick' else ''}` on "
        f"{meta['date']} ({meta['mode']} mode, {meta['rounds']} round(s), medians). Do not edit by "
        "hand: run the script again. Raw runs: `benchmarks.json` beside this file.",
        "",
        "## Machine",
        "",
        markdown_table(
            ["", ""],
            [
                ["CPU", f"{meta['cpu']} ({meta['cores']} cores)"],
                ["RAM", f"{meta['ram_gib']} GiB"],
                ["kernel / OS", f"{meta['kernel']} / {meta['os']}"],
                ["Python", v.get("python", "?")],
                ["server", f"SeaweedFS `weed mini` on loopback ({meta['seaweedfs']}), same machine"],
                *[[k, v[k]] for k in ("boto3", "awscrt", "awscli", "rclone", "s5cmd") if k in v],
            ],
            right_from=2,
        ),
        "",
        "Client and server share the cores, so the server's CPU seconds are part of every result. "
        "MB/s are 10^6 bytes per second of wall time. Client CPU is user + system time of the client "
        "process (and anything it waited for), peak RSS its maximum resident set, both from `wait4`.",
        "",
    ]
    if meta["missing"]:
        out += ["Not run or not available: " + "; ".join(f"{k}: {w}" for k, w in meta["missing"].items()), ""]
    for wl in wls:
        group = [s for s in summaries if s.workload == wl.name and wl.kind == "upload"]
        if not group:
            continue
        out += [f"## {wl.name}: {wl.title}", "", summary_table(group), ""]
        rows: list[list[str]] = []
        for setting in cfg.SETTINGS:
            ours = find(group, wl.name, "skylift", setting)
            if ours:
                rows += ratio_rows(ours, group)
        if rows:
            headers = ["Skylift", "peer", "throughput ratio (>1 faster)", "CPU/GiB ratio (<1 leaner)"]
            out += [markdown_table(headers, rows, right_from=2), ""]
        for r in (r for r in results if r.workload == wl.name and not r.ok):
            out.append(f"- failed: {r.client} {r.setting} round {r.round + 1}: {r.error[:300]}")
        out.append("")
    if w5:
        out += [
            f"## W5: {next((w.title for w in wls if w.name == 'W5'), 'resume')} (`skylift resume --all`)",
            "",
            w5_table(w5),
            "",
            "*checkpoint*: bytes in the local checkpoint after the kill (`skylift list`); *on server*: "
            "bytes in the upload's ListParts. *re-sent*: what the resume sent that was already safe "
            "in either. *sent twice*: bytes sent by both processes (the parts in flight at the kill; "
            "from the last progress line before the kill). *first new part*: from starting "
            "`skylift resume` to the first part row the server did not already hold appearing in the "
            "checkpoint database.",
            "",
        ]
        for r in (r for r in w5 if not r.ok):
            out.append(f"- failed: W5 {r.setting} round {r.round + 1}: {r.error[:300]}")
        out.append("")
    for wl in wls:
        runs = [r for r in results if r.workload == wl.name]
        if not runs or wl.kind not in ("rerun", "verify"):
            continue
        if wl.kind == "rerun":
            out += [f"## {wl.name}: {wl.title}", ""]
            for table in w7_tables(runs):
                out += [table, ""]
            out += [
                "Each client first uploads the folder into a fresh bucket with its own command (not "
                "timed), then runs that command again on the unchanged folder (timed): Skylift "
                "`upload DIR PROFILE:BUCKET/PREFIX/ --if-exists skip-same` (in the SKYLIFT_HOME that "
                "uploaded), AWS CLI `s3 sync DIR s3://BUCKET/PREFIX/DIR/`, rclone `sync --checksum`. A "
                "run counts only if no object changed: same keys, ETags and LastModified as listed "
                "before the timed run. *skipped*: how many files Skylift says it left alone (its "
                "`skipped` JSON line, or its message on stderr).",
                "",
            ]
        else:
            out += [f"## {wl.name}: {wl.title} (`skylift verify`)", ""]
            for table in w8_tables(runs):
                out += [table, ""]
            out += [
                "Skylift uploads the folder (not timed); then, each timed in its own process and "
                "with the files read into the page cache first: `skylift verify DIR "
                "PROFILE:BUCKET/PREFIX/ --json` in the SKYLIFT_HOME that uploaded (it trusts the "
                "digests it recorded for files whose size and mtime held), the same with "
                "`--no-cache` (every file read again; the listing's MD5 ETag, or a HEAD where it cannot "
                "decide, for the server's side), listing "
                "the prefix with boto3 (`ListObjectsV2`, `bench/peers/list_prefix.py`) and "
                "`find DIR -type f -print0 | xargs -0 sha256sum`. Verify must say every file is the "
                "same; *compared by*: its count per method, from the last round. Each ratio is "
                "taken within its round and the median shown; the target is ≤ 2×.",
                "",
            ]
        for r in (r for r in runs if not r.ok):
            # One line each: a usage message on stderr would otherwise break the list.
            why = " ".join(r.error[:300].split())
            out.append(f"- failed: {r.client} {r.setting} round {r.round + 1}: {why}")
        out.append("")
    out += [
        "## Targets",
        "",
        "Skylift tuned against each peer's setting named (raw PUT: its faster setting), on medians.",
        "",
        markdown_table(
            ["target", "measured", ""],
            [[t.name, t.measured, _met(t.met)] for t in targets(summaries, w5, w8)],
            right_from=1,
        ),
        "",
    ]
    out += [
        "Where a target is not met, `python -m bench.profile --workload W1 --setting tuned` (or W2, W3, "
        "W4b) runs that upload under py-spy and lists where Skylift's CPU goes.",
        "",
        "## Settings",
        "",
        "Each client runs in its own process with a clean environment. *default* is the tool as "
        "installed; *tuned* is what measured best here (DESIGN §4b: 4 streams × 32 MiB parts), with "
        "more requests in flight for the small files of W3. Skylift runs with its integrity checks on. "
        "*raw* is presigned PUTs streamed by `http.client` in 1 MiB chunks, no hashing; *streams* is "
        "how many files go at once (one file is always one stream).",
        "",
        settings_table(),
        "",
        "W7 runs with the W3 settings, except rclone tuned without `--no-check-dest` (with it, rclone "
        "would upload every file again without looking). W8's setup upload uses Skylift's W3 tuned "
        "settings; `skylift verify` runs as installed.",
        "",
    ]
    return "\n".join(out)


def rerender(json_path: Path) -> Path:
    """docs/benchmarks.md again from benchmarks.json, e.g. after a change to this module."""
    raw = json.loads(json_path.read_text())
    meta = raw["meta"]
    names = {f.name for f in fields(RunResult)}
    results = [RunResult(**{k: v for k, v in r.items() if k in names}) for r in raw["runs"]]
    quick = meta["mode"] == "quick"
    out = json_path.with_name("benchmarks.md")
    out.write_text(render(meta, results, [*cfg.workloads(quick), cfg.w5_workload(quick)]))
    return out


if __name__ == "__main__":
    import sys

    print(f"wrote {rerender(Path(sys.argv[1] if len(sys.argv) > 1 else 'docs/benchmarks.json'))}")
