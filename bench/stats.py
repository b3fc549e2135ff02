"""Results, medians, ratios and Markdown tables: pure functions, no processes or servers."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

GiB = 1024**3
MB = 1_000_000


@dataclass
class RunResult:
    """One measured run of one client on one workload."""

    workload: str
    client: str
    setting: str
    round: int
    ok: bool
    wall_s: float = math.nan
    user_s: float = math.nan
    sys_s: float = math.nan
    peak_rss_mb: float = math.nan
    server_cpu_s: float = math.nan
    bytes: int = 0
    files: int = 0
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.sys_s

    @property
    def mb_s(self) -> float:
        return self.bytes / MB / self.wall_s if self.wall_s and self.wall_s > 0 else math.nan

    @property
    def cpu_per_gib(self) -> float:
        return self.cpu_s / (self.bytes / GiB) if self.bytes else math.nan


@dataclass(frozen=True)
class Summary:
    """Medians over the successful runs of one client × setting on one workload."""

    workload: str
    client: str
    setting: str
    runs: int
    ok_runs: int
    wall_s: float
    mb_s: float
    cpu_s: float
    cpu_per_gib: float
    rss_mb: float
    server_cpu_s: float

    @property
    def label(self) -> str:
        return f"{self.client} {self.setting}"


def median(values: Iterable[float]) -> float:
    """Median of the finite values; NaN when there are none (a client that never succeeded)."""
    finite = [v for v in values if v is not None and not math.isnan(v)]
    return statistics.median(finite) if finite else math.nan


def ratio(ours: float, theirs: float) -> float:
    if math.isnan(ours) or math.isnan(theirs) or theirs == 0:
        return math.nan
    return ours / theirs


def summarize(results: Sequence[RunResult]) -> list[Summary]:
    """One Summary per (workload, client, setting), in the order the groups first appear."""
    groups: dict[tuple[str, str, str], list[RunResult]] = {}
    for r in results:
        groups.setdefault((r.workload, r.client, r.setting), []).append(r)
    out = []
    for (wl, client, setting), runs in groups.items():
        ok = [r for r in runs if r.ok]
        out.append(
            Summary(
                workload=wl,
                client=client,
                setting=setting,
                runs=len(runs),
                ok_runs=len(ok),
                wall_s=median(r.wall_s for r in ok),
                mb_s=median(r.mb_s for r in ok),
                cpu_s=median(r.cpu_s for r in ok),
                cpu_per_gib=median(r.cpu_per_gib for r in ok),
                rss_mb=median(r.peak_rss_mb for r in ok),
                server_cpu_s=median(r.server_cpu_s for r in ok),
            )
        )
    return out


def find(
    summaries: Iterable[Summary], workload: str, client: str, setting: str | None = None
) -> Summary | None:
    """The summary for a client; with no setting, the setting with the best throughput."""
    cands = [
        s
        for s in summaries
        if s.workload == workload and s.client == client and (setting is None or s.setting == setting)
    ]
    cands = [s for s in cands if not math.isnan(s.mb_s)] or cands
    if not cands:
        return None
    return max(cands, key=lambda s: -1.0 if math.isnan(s.mb_s) else s.mb_s)


def fmt(value: float | None, digits: int = 2) -> str:
    if value is None or math.isnan(value):
        return "–"
    return f"{value:.{digits}f}"


def fmt_ratio(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.2f}×"


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]], right_from: int = 1) -> str:
    """A GitHub Markdown table; columns from ``right_from`` on are right-aligned (numbers)."""
    align = ["---" if i < right_from else "---:" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    for row in rows:
        cells = [str(c).replace("|", "\\|") for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary_table(summaries: Iterable[Summary]) -> str:
    headers = [
        "client",
        "setting",
        "ok runs",
        "wall s",
        "MB/s",
        "client CPU s",
        "CPU s/GiB",
        "peak RSS MB",
        "server CPU s",
    ]
    rows = [
        [
            s.client,
            s.setting,
            f"{s.ok_runs}/{s.runs}",
            fmt(s.wall_s),
            fmt(s.mb_s, 1),
            fmt(s.cpu_s),
            fmt(s.cpu_per_gib),
            fmt(s.rss_mb, 0),
            fmt(s.server_cpu_s),
        ]
        for s in summaries
    ]
    return markdown_table(headers, rows, right_from=2)


def ratio_rows(ours: Summary, peers: Iterable[Summary]) -> list[list[str]]:
    """Our throughput and CPU against each peer: >1× throughput is faster, <1× CPU is leaner."""
    return [
        [
            ours.label,
            p.label,
            fmt_ratio(ratio(ours.mb_s, p.mb_s)),
            fmt_ratio(ratio(ours.cpu_per_gib, p.cpu_per_gib)),
        ]
        for p in peers
        if p.client != ours.client
    ]
