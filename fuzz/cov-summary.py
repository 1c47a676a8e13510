#!/usr/bin/env python3
"""Reads `llvm-cov export -format=lcov` on stdin; for the source files named
as arguments (basenames) prints line/branch coverage, how often each
function ran and which lines never ran. An argument FILE:FUNC limits FILE
to FUNC (its lines up to the next function). Used by fuzz/coverage."""
import os
import sys

focus = []
for arg in sys.argv[1:]:
    name, _, func = arg.partition(":")
    focus.append((os.path.basename(name), func))
files = {}
cur = None
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("SF:"):
        name = os.path.basename(line[3:])
        cur = files.setdefault(name, {"fn": {}, "fnline": {}, "da": {}, "br": [0, 0]})
    elif cur is None:
        continue
    elif line.startswith("FN:"):
        lno, fname = line[3:].split(",", 1)
        cur["fnline"][fname] = int(lno)
    elif line.startswith("FNDA:"):
        count, fname = line[5:].split(",", 1)
        cur["fn"][fname] = int(count)
    elif line.startswith("DA:"):
        lno, count = line[3:].split(",")[:2]
        cur["da"][int(lno)] = cur["da"].get(int(lno), 0) + int(count)
    elif line.startswith("BRDA:"):
        taken = line.split(",")[3]
        cur["br"][1] += 1
        cur["br"][0] += taken not in ("-", "0")


def pct(c, n):
    return f"{c}/{n} ({100.0 * c / n:.1f}%)" if n else "-"


def ranges(nums):
    out, start, prev = [], None, None
    for n in sorted(nums):
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}-{prev}" if prev != start else str(start))
            start = prev = n
    if start is not None:
        out.append(f"{start}-{prev}" if prev != start else str(start))
    return ",".join(out)


for name, func in focus:
    f = files.get(name)
    if not f:
        print(f"  {name}: not in the coverage data")
        continue
    fns = sorted(f["fnline"].items(), key=lambda kv: kv[1])
    lo, hi = 0, float("inf")
    if func:
        starts = [l for _, l in fns]
        lo = next(l for n, l in fns if n == func or n.endswith(":" + func))
        hi = min([l for l in starts if l > lo], default=hi)
        fns = [(n, l) for n, l in fns if l == lo]
    da = {l: c for l, c in f["da"].items() if lo <= l < hi}
    br = f["br"] if not func else None
    hit = sum(1 for c in da.values() if c)
    what = f"{name}:{func}" if func else name
    print(f"  {what}: lines {pct(hit, len(da))}" + (f", branches {pct(*br)}" if br else ""))
    for fname, lno in fns:
        print(f"    {fname:<28} line {lno:<4} {f['fn'].get(fname, 0)} calls")
    missed = [l for l, c in da.items() if c == 0]
    if missed:
        print(f"    lines never run: {ranges(missed)}")
