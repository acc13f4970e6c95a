#!/usr/bin/env python3
"""Summarises a scripts/bench run: reads JSON lines from drillsim-bench and
from the peers, prints a side-by-side table and writes the whole record as
JSON. Non-JSON lines in the inputs are ignored.

usage: bench_report.py DRILLSIM_JSONL PEERS_JSONL OUT_JSON [NAME...]
NAMEs are the drillsim benchmarks that were asked for; any of them without a
record is reported as failed, and the exit status is then 1.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import time

# drillsim benchmark -> the peer benchmark it is compared with
PAIRS = [("mmc-lua", "simpy-mmc"), ("phold", "simpy-phold"), ("hold", None)]


def read_jsonl(path):
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    pass
    return records


def medians(records):
    """Median events/s and seconds per benchmark name (one record per run)."""
    by_name = {}
    for r in records:
        if "events_per_s" not in r and r.get("seconds"):
            r["events_per_s"] = r["events"] / r["seconds"]
        by_name.setdefault(r["name"], []).append(r)
    return {
        name: {
            "events": runs[0].get("events"),
            "seconds": statistics.median(r["seconds"] for r in runs),
            "events_per_s": statistics.median(r["events_per_s"] for r in runs),
            "runs": len(runs),
        }
        for name, runs in by_name.items()
    }


def command_output(*cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout
        return out.strip().splitlines()[0] if out.strip() else None
    except (OSError, subprocess.SubprocessError):
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def fmt_rate(x):
    return f"{x:,.0f}" if x is not None else "-"


def anuga_side_by_side(drillsim, peers):
    """EA Test 4 against ANUGA at the simulated time ANUGA ran to: both wall
    times (drillsim's from its split at that time, median over its runs),
    the ratio, and the RMSE between the gauge depth series (every 300 s)."""
    anuga = next((p for p in peers if p.get("name") == "anuga-ea4"), None)
    runs = [r for r in drillsim if r.get("name") == "flood-ea4" and r.get("times")]
    if not anuga or not runs:
        return None
    times = anuga["times"]
    end = times[-1] if times else 0
    ours_at = []
    for r in runs:
        if end in r["times"]:
            ours_at.append(r["split_seconds"][r["times"].index(end)])
    if not ours_at:
        return None
    mine = statistics.median(ours_at)
    index = {t: i for i, t in enumerate(runs[0]["times"])}
    rmse = {}
    for name, theirs in sorted(anuga["gauges"].items()):
        ours = runs[0]["gauges"].get(name, [])
        pairs = [(ours[index[t]], d) for t, d in zip(times, theirs) if t in index]
        if pairs:
            rmse[name] = (sum((a - b) ** 2 for a, b in pairs) / len(pairs)) ** 0.5
    return {
        "simulated_s": end, "drillsim_s": mine, "anuga_s": anuga["seconds"],
        "ratio": anuga["seconds"] / mine if mine > 0 else None,
        "rmse_m": rmse, "anuga_version": anuga.get("anuga"),
        "triangles": anuga.get("triangles"),
    }


def main(argv):
    drillsim_path, peers_path, out_path, *requested = argv
    drillsim = read_jsonl(drillsim_path)
    peers = read_jsonl(peers_path)
    ours = medians(drillsim)
    theirs = {p["name"]: p for p in peers}

    failed = [name for name in requested if name not in ours]
    rows, ratios = [], {}
    names = requested + sorted(set(ours) - set(requested))
    for name in names:
        peer = dict(PAIRS).get(name)
        mine = ours.get(name, {}).get("events_per_s")
        other = theirs.get(peer, {}).get("events_per_s") if peer else None
        ratio = mine / other if mine and other else None
        if ratio is not None:
            ratios[f"{name}/{peer}"] = ratio
        rows.append((name, fmt_rate(mine), peer or "-", fmt_rate(other),
                     f"{ratio:.1f}x" if ratio is not None else "-"))

    header = ("drillsim", "events/s", "peer", "events/s", "drillsim/peer")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(str(c).rjust(w) if i in (1, 3, 4) else str(c).ljust(w)
                        for i, (c, w) in enumerate(zip(row, widths))))

    ea4 = anuga_side_by_side(drillsim, peers)
    if ea4:
        print(f"\nEA Test 4, 10 m, first {ea4['simulated_s']:.0f} s simulated: "
              f"drillsim {ea4['drillsim_s']:.3f} s, ANUGA {ea4['anuga_version']} "
              f"({ea4['triangles']} triangles) {ea4['anuga_s']:.1f} s, "
              f"ANUGA/drillsim {ea4['ratio']:.0f}x")
        print("  depth RMSE drillsim vs ANUGA (m): "
              + ", ".join(f"{k} {v:.4f}" for k, v in ea4["rmse_m"].items()))

    record = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count(), "python": platform.python_version()},
        "git_commit": command_output("git", "rev-parse", "HEAD"),
        "swift": command_output("swift", "--version"),
        "drillsim_runs": drillsim,
        "drillsim": ours,
        "peers": peers,
        "ratios": ratios,
        "ea4_vs_anuga": ea4,
        "failed": failed,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=2)
        f.write("\n")
    if failed:
        print("no results from drillsim-bench for: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
