#!/usr/bin/env python3
"""Compares callgrind instruction counts with the committed baseline.

Instruction counts (Ir) do not depend on how busy the machine is, so a
regression gate on them cannot fail because a shared CI runner was slow.
A benchmark fails when its count rises by more than the threshold (30 %)
over the baseline; a fall is reported, never a failure (regenerate the
baseline to lock it in).

usage:
  callgrind_compare.py compare BASELINE_JSON COUNTS_JSON [--threshold 0.30]
  callgrind_compare.py write BASELINE_JSON COUNTS_JSON COMMIT VALGRIND
  callgrind_compare.py totals CALLGRIND_OUT   (prints the file's total Ir)
  callgrind_compare.py self-test

COUNTS_JSON is {"name": instructions or null, ...} for the benchmarks just
run (null: no count). compare exits 1 on a regression or on a benchmark that
produced no count, 0 otherwise; benchmarks without a baseline entry are
listed as new, baseline entries not run are not listed.
"""

import json
import os
import sys
import tempfile

THRESHOLD = 0.30


def read_totals(path):
    """Total Ir of a callgrind output file ("totals:" or, failing that,
    "summary:"; the first event is Ir unless --collect options say else)."""
    totals = summary = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("totals:"):
                totals = int(line.split()[1])
            elif line.startswith("summary:"):
                summary = int(line.split()[1])
    value = totals if totals is not None else summary
    if value is None:
        raise ValueError(f"{path}: no 'totals:' or 'summary:' line")
    return value


def compare(baseline, counts, threshold=THRESHOLD):
    """Rows (name, base, now, change, verdict) and whether all passed.

    verdict: "ok", "REGRESSION", "faster", "new" (no baseline entry) or
    "MISSING" (in the baseline, but no count now).
    """
    base = baseline.get("benchmarks", {})
    rows, passed = [], True
    for name in sorted(counts):
        old = base.get(name, {}).get("instructions")
        now = counts.get(name)
        if now is None:
            rows.append((name, old, None, None, "MISSING"))
            passed = False
        elif old is None:
            rows.append((name, None, now, None, "new"))
        else:
            change = now / old - 1
            # Compared as a difference, so that exactly +30 % is not lost
            # to rounding in the ratio.
            if now - old > threshold * old:
                verdict, passed = "REGRESSION", False
            elif old - now > threshold * old:
                verdict = "faster"
            else:
                verdict = "ok"
            rows.append((name, old, now, change, verdict))
    return rows, passed


def table(rows, threshold=THRESHOLD):
    def num(v):
        return "-" if v is None else f"{v:,}"

    lines = [f"{'benchmark':<16} {'baseline Ir':>16} {'now Ir':>16} {'change':>8}  verdict"]
    for name, old, now, change, verdict in rows:
        pct = "-" if change is None else f"{change * 100:+.1f}%"
        lines.append(f"{name:<16} {num(old):>16} {num(now):>16} {pct:>8}  {verdict}")
    lines.append(f"(fails above +{threshold * 100:.0f}%; 'faster' below -{threshold * 100:.0f}% "
                 "means the baseline can be regenerated)")
    return "\n".join(lines)


def write_atomically(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".callgrind-baseline.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def baseline_document(counts, commit, valgrind):
    return {
        "commit": commit,
        "valgrind": valgrind,
        "mode": "DRILLSIM_BENCH_SHORT=1, valgrind --tool=callgrind, total Ir of the process",
        "regenerate": "scripts/bench-callgrind --update-baseline",
        "benchmarks": {name: {"instructions": counts[name]} for name in sorted(counts)
                       if counts[name] is not None},
    }


def self_test():
    """The gate's own arithmetic: +29 % passes, +31 % fails, and the rest."""
    baseline = {"benchmarks": {"a": {"instructions": 1_000_000}, "b": {"instructions": 200}}}
    checks = [
        ({"a": 1_290_000, "b": 200}, True, "+29 % passes"),
        ({"a": 1_310_000, "b": 200}, False, "+31 % fails"),
        ({"a": 1_300_000, "b": 200}, True, "exactly +30 % passes"),
        ({"a": 500_000, "b": 200}, True, "-50 % passes (faster)"),
        ({"a": 1_000_000, "b": None}, False, "a benchmark without a count fails"),
        ({"a": 1_000_000}, True, "a baseline entry not run is not compared"),
        ({"a": 1_000_000, "b": 200, "c": 5}, True, "a new benchmark passes"),
        ({"a": 1_000_000, "b": 261}, False, "a small benchmark's +30.5 % fails"),
    ]
    failures = 0
    for counts, expected, what in checks:
        _, passed = compare(baseline, counts)
        if passed != expected:
            print(f"FAIL: {what}: passed={passed}, expected {expected}")
            failures += 1
    rows, _ = compare(baseline, {"a": 1_310_000, "b": 100, "c": 5})
    verdicts = {row[0]: row[4] for row in rows}
    if verdicts != {"a": "REGRESSION", "b": "faster", "c": "new"}:
        print(f"FAIL: verdicts {verdicts}")
        failures += 1
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        with open(out, "w", encoding="utf-8") as f:
            f.write("version: 1\ncreator: callgrind-3.19.0\nevents: Ir\n"
                    "fn=main\n0 10\nsummary: 12345\ntotals: 12345\n")
        if read_totals(out) != 12345:
            print("FAIL: totals line not read")
            failures += 1
        path = os.path.join(folder, "baseline.json")
        write_atomically(path, json.dumps(baseline_document({"b": 2, "a": 1}, "abc", "v")))
        with open(path, encoding="utf-8") as f:
            written = json.load(f)
        if list(written["benchmarks"]) != ["a", "b"] or written["commit"] != "abc":
            print(f"FAIL: written baseline {written}")
            failures += 1
    total = len(checks) + 3
    print(f"callgrind_compare self-test: {total - failures}/{total} checks passed")
    return 1 if failures else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "self-test":
        return self_test()
    if len(argv) == 3 and argv[1] == "totals":
        print(read_totals(argv[2]))
        return 0
    if len(argv) >= 4 and argv[1] == "compare":
        threshold = THRESHOLD
        if len(argv) == 6 and argv[4] == "--threshold":
            threshold = float(argv[5])
        with open(argv[2], encoding="utf-8") as f:
            baseline = json.load(f)
        with open(argv[3], encoding="utf-8") as f:
            counts = json.load(f)
        print(f"baseline: commit {baseline.get('commit', '?')}, {baseline.get('valgrind', '?')}")
        rows, passed = compare(baseline, counts, threshold)
        print(table(rows, threshold))
        return 0 if passed else 1
    if len(argv) == 6 and argv[1] == "write":
        with open(argv[3], encoding="utf-8") as f:
            counts = json.load(f)
        # Benchmarks not run this time keep their entries.
        if os.path.exists(argv[2]):
            with open(argv[2], encoding="utf-8") as f:
                for name, entry in json.load(f).get("benchmarks", {}).items():
                    if counts.get(name) is None:
                        counts[name] = entry["instructions"]
        document = baseline_document(counts, argv[4], argv[5])
        write_atomically(argv[2], json.dumps(document, indent=2) + "\n")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
