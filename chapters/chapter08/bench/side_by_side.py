#!/usr/bin/env python3
"""Times the training step of the post's 784-500-10 network in PyTorch and in
chapter 8 (the dnn_throughput example), side by side in one run on one machine.

The two benchmarks run in turn, ROUNDS times each, so that both see the same
machine; for each batch size the median over the rounds of each side's own median
is kept, and the ratio PyTorch / ours is printed (above 1: ours is faster).

Run from the workspace root, with a Python that has torch (not needed by the book):
    python3 -m venv /tmp/venv-torch && /tmp/venv-torch/bin/pip install torch
    /tmp/venv-torch/bin/python chapters/chapter08/bench/side_by_side.py
"""
import json
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile

ROUNDS = 3
ROOT = pathlib.Path(__file__).resolve().parents[3]
TORCH_SCRIPT = ROOT.parent / "shared" / "bench" / "torch_mlp.py"
OURS = ["cargo", "run", "--quiet", "--release", "-p", "chapter08",
        "--features", "solutions", "--example", "dnn_throughput"]
LINE = re.compile(r"^batch (\d+): ([0-9.]+) ms/step, ([0-9.]+) samples/s$")


def ours():
    out = subprocess.run(OURS, cwd=ROOT, check=True, capture_output=True, text=True)
    found = {int(m[1]): float(m[2]) for m in map(LINE.match, out.stdout.splitlines()) if m}
    peak = re.search(r"^peak: ([0-9.]+) GFLOP/s", out.stdout, re.M)
    return found, float(peak[1]) if peak else None


def torch():
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "torch.json"
        subprocess.run([sys.executable, str(TORCH_SCRIPT), str(path)], check=True,
                       capture_output=True, cwd=tmp)
        data = json.loads(path.read_text())
    f32 = data["results"]["f32"]
    return {int(b): r["median_ms_per_step"] for b, r in f32.items()}, data["torch"]


def main():
    if not TORCH_SCRIPT.exists():
        sys.exit(f"side_by_side: {TORCH_SCRIPT} is missing: it is the project's shared "
                 "reference benchmark, beside the repository")
    subprocess.run(["cargo", "build", "--release", "-p", "chapter08", "--features",
                    "solutions", "--example", "dnn_throughput"], cwd=ROOT, check=True)
    rust_runs, torch_runs, peaks, version = [], [], [], None
    for round_ in range(ROUNDS):
        r, peak = ours()
        rust_runs.append(r)
        peaks.append(peak)
        t, version = torch()
        torch_runs.append(t)
        print(f"round {round_ + 1}: ours {r}, PyTorch {t}", file=sys.stderr)
    print(f"PyTorch {version} (2 threads) and chapter 8's fast step, f32, "
          f"{ROUNDS} rounds each, in turn")
    print("| batch | PyTorch ms/step | ours ms/step | PyTorch / ours |")
    print("|---|---|---|---|")
    for batch in sorted(rust_runs[0]):
        ts = statistics.median(run[batch] for run in torch_runs)
        rs = statistics.median(run[batch] for run in rust_runs)
        print(f"| {batch} | {ts:.3f} | {rs:.3f} | {ts / rs:.2f} |")
    if all(peaks):
        print(f"peak measured by the FMA loop: {statistics.median(peaks):.1f} GFLOP/s")


if __name__ == "__main__":
    main()
