#!/usr/bin/env python3
"""Kratos generation time of the working tree against an earlier revision of Kiln.

Answers "is generation still as fast as before this change?" with BENCHMARKS.md's method: release
builds, whole processes under /usr/bin/time -v, each run into an empty directory, one warm-up run
each, then rounds in alternating order (base, tree; tree, base; …) so load drift falls on both alike.
Medians of wall and CPU (user+sys) time are compared; CPU time is the less load-sensitive figure.

The base revision is checked out with `git worktree` into .build-bench-revisions/<sha>/ and built
there; the working tree's kiln is built into .build-bench/. Writes Benchmarks/REVISIONS.md and ends
with one line: `revisions: tree/base wall R1, cpu R2`.
"""

import argparse
import datetime as dt
import subprocess
import sys
from pathlib import Path

import bench

REVISIONS = bench.ROOT / ".build-bench-revisions"
REPORT = bench.ROOT / "Benchmarks" / "REVISIONS.md"
SPEC = bench.ROOT / "spec" / "ory-kratos.yaml"


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=bench.ROOT, check=True, text=True, stdout=subprocess.PIPE).stdout.strip()


def build_kiln(source: Path, scratch: Path, logname: str) -> Path:
    bench.log(f"building kiln (release) from {source}")
    m = bench.measured(["swift", "build", "-c", "release", "--product", "kiln", "--scratch-path", str(scratch)],
                       cwd=source, output_file=bench.WORK / "logs" / logname)
    if not m.ok:
        raise RuntimeError(f"kiln does not build from {source}:\n" + m.output[-3000:])
    return scratch / "release" / "kiln"


def base_checkout(revision: str) -> tuple[Path, str]:
    sha = git("rev-parse", "--short", revision)
    checkout = REVISIONS / sha
    if not checkout.exists():
        REVISIONS.mkdir(parents=True, exist_ok=True)
        git("worktree", "add", "--detach", str(checkout), sha)
    return checkout, sha


def generate_command(kiln: Path, source: Path, out: Path) -> list:
    """The base may predate `spec/ory-kratos-config.yaml`; then it runs without it (same output)."""
    command = [kiln, "generate", "--spec", SPEC, "--output", out, "--module-name", "KilnClient", "--quiet"]
    config = source / "spec" / "ory-kratos-config.yaml"
    if config.exists():
        command[2:2] = ["--config", config]
    return command


def run_rounds(variants: dict, rounds: int) -> dict:
    samples = {name: {"walls": [], "cpu": [], "rss": []} for name in variants}

    def run_once(name: str, record: bool) -> None:
        kiln, source = variants[name]
        out = bench.WORK / "revisions" / name
        subprocess.run(["rm", "-rf", str(out)], check=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        m = bench.measured(generate_command(kiln, source, out), output_file=bench.WORK / "logs" / f"rev-{name}.txt")
        if not m.ok:
            raise RuntimeError(f"{name}: generation failed: {bench.first_error(m.output)}")
        if record:
            samples[name]["walls"].append(m.wall)
            samples[name]["cpu"].append(m.cpu)
            samples[name]["rss"].append(m.rss_kb)

    names = list(variants)
    for name in names:
        run_once(name, record=False)
    for index in range(rounds):
        for name in (names if index % 2 == 0 else list(reversed(names))):
            run_once(name, record=True)
    return samples


def write_report(base_sha: str, tree_sha: str, samples: dict, rounds: int, loads: tuple) -> tuple[float, float]:
    base, tree = samples["base"], samples["tree"]
    wall_ratio = bench.median(tree["walls"]) / bench.median(base["walls"])
    cpu_ratio = bench.median(tree["cpu"]) / bench.median(base["cpu"])
    rows = []
    for label, key, sha in (("base", "base", base_sha), ("working tree", "tree", tree_sha)):
        s = samples[key]
        rows.append(f"| {label} (`{sha}`) | {bench.median(s['walls']) * 1000:.0f} ms | "
                    f"{bench.median(s['cpu']) * 1000:.0f} ms | {max(s['rss']) / 1024:.0f} MB |")
    text = "\n".join([
        "# Kratos generation: working tree against an earlier revision",
        "",
        "Written by `scripts/bench-revisions BASE` (driver: `Benchmarks/compare_revisions.py`); do not edit by hand.",
        "Method as in BENCHMARKS.md: release builds, whole process under `/usr/bin/time -v`, each run into an",
        f"empty directory, one warm-up run each, then {rounds} rounds in alternating order. Medians.",
        "",
        f"- Run on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; load average {loads[0]} at the start, {loads[1]} at the end.",
        f"- Spec: `spec/ory-kratos.yaml` ({SPEC.stat().st_size / 1e6:.2f} MB), tree with `spec/ory-kratos-config.yaml`.",
        "",
        "| Kiln | wall | CPU (user+sys) | peak RSS |",
        "|---|---|---|---|",
        *rows,
        "",
        f"**Ratio working tree ÷ base: wall {wall_ratio:.3f}, CPU {cpu_ratio:.3f}** (below 1 is faster).",
        "",
    ])
    REPORT.write_text(text)
    return wall_ratio, cpu_ratio


def load_average() -> str:
    return ", ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="the revision to compare against (any git revision)")
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()

    (bench.WORK / "logs").mkdir(parents=True, exist_ok=True)
    checkout, base_sha = base_checkout(args.base)
    tree_sha = git("rev-parse", "--short", "HEAD") + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")
    variants = {
        "base": (build_kiln(checkout, checkout / ".build-release", "build-kiln-base.txt"), checkout),
        "tree": (build_kiln(bench.ROOT, bench.BENCH, "build-kiln.txt"), bench.ROOT),
    }
    start_load = load_average()
    samples = run_rounds(variants, args.rounds)
    wall, cpu = write_report(base_sha, tree_sha, samples, args.rounds, (start_load, load_average()))
    print(f"revisions: tree/base wall {wall:.3f}, cpu {cpu:.3f}")


if __name__ == "__main__":
    sys.exit(main())
