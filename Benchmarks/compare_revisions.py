#!/usr/bin/env python3
"""Kratos generation time of the working tree against an earlier revision of Kiln.

Answers "is generation still as fast as before this change?" with BENCHMARKS.md's method: release
builds, whole processes under /usr/bin/time -v, each run into an empty directory, one warm-up run
each, then rounds in rotating order (base, tree, control; tree, control, base; …) so load drift falls on all alike.
Medians of wall and CPU (user+sys) time are compared; CPU time is the less load-sensitive figure.
Each round also gives a paired ratio (tree ÷ base of that round), whose median follows the two runs
that ran seconds apart rather than the machine's speed over the whole run: on a shared VM the same
binary's median moved from 120 ms to 280 ms within minutes. Where valgrind is installed, one run of
each under callgrind adds the exact, load-independent figure: instructions executed.

The base revision is checked out with `git worktree` into .build-bench-revisions/<sha>/ and built
there; the working tree's kiln is built into .build-bench/. Writes Benchmarks/REVISIONS.md and ends
with one line: `revisions: tree/base wall R1, cpu R2` (then `, paired wall R3, instructions R4`).
"""

import argparse
import datetime as dt
import re
import shutil
import statistics
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
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            run_once(name, record=True)
    return samples


def instructions(variants: dict) -> dict:
    """Instructions each variant executes for one generation, counted by callgrind; {} without valgrind."""
    if shutil.which("valgrind") is None:
        return {}
    counts = {}
    for name, (kiln, source) in variants.items():
        if name == "control":
            continue
        out = bench.WORK / "revisions" / f"{name}-callgrind"
        subprocess.run(["rm", "-rf", str(out)], check=True)
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={bench.WORK / 'logs' / f'callgrind-{name}.out'}"]
        run = subprocess.run(command + list(map(str, generate_command(kiln, source, out))),
                             text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        found = re.search(r"Collected : (\d+)", run.stderr)
        if run.returncode != 0 or not found:
            raise RuntimeError(f"{name}: callgrind run failed:\n{run.stderr[-2000:]}")
        counts[name] = int(found.group(1))
    return counts


def paired_ratio(tree: list, base: list) -> float:
    """The median over rounds of tree ÷ base within the round (samples are appended round by round)."""
    return statistics.median(t / b for t, b in zip(tree, base))


def write_report(base_sha: str, tree_sha: str, samples: dict, counts: dict, rounds: int, loads: tuple) -> str:
    base, tree = samples["base"], samples["tree"]
    wall_ratio = bench.median(tree["walls"]) / bench.median(base["walls"])
    cpu_ratio = bench.median(tree["cpu"]) / bench.median(base["cpu"])
    paired_wall = paired_ratio(tree["walls"], base["walls"])
    paired_cpu = paired_ratio(tree["cpu"], base["cpu"])
    control = samples["control"]
    control_wall = paired_ratio(control["walls"], base["walls"])
    control_median = bench.median(control["walls"]) / bench.median(base["walls"])
    rows = []
    for label, key, sha in (("base", "base", base_sha), ("working tree", "tree", tree_sha)):
        s = samples[key]
        count = f"{counts[key] / 1e6:.1f} M" if counts else "–"
        rows.append(f"| {label} (`{sha}`) | {bench.median(s['walls']) * 1000:.0f} ms | "
                    f"{bench.median(s['cpu']) * 1000:.0f} ms | {max(s['rss']) / 1024:.0f} MB | {count} |")
    instruction_ratio = counts["tree"] / counts["base"] if counts else None
    summary = (f"revisions: tree/base wall {wall_ratio:.3f}, cpu {cpu_ratio:.3f}, paired wall {paired_wall:.3f}"
               f" (control {control_wall:.3f})")
    if instruction_ratio is not None:
        summary += f", instructions {instruction_ratio:.3f}"
    text = "\n".join([
        "# Kratos generation: working tree against an earlier revision",
        "",
        "Written by `scripts/bench-revisions BASE` (driver: `Benchmarks/compare_revisions.py`); do not edit by hand.",
        "Method as in BENCHMARKS.md: release builds, whole process under `/usr/bin/time -v`, each run into an",
        f"empty directory, one warm-up run each, then {rounds} rounds in rotating order. Medians.",
        "",
        f"- Run on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; load average {loads[0]} at the start, {loads[1]} at the end.",
        f"- Spec: `spec/ory-kratos.yaml` ({SPEC.stat().st_size / 1e6:.2f} MB), tree with `spec/ory-kratos-config.yaml`.",
        "",
        "| Kiln | wall | CPU (user+sys) | peak RSS | instructions (callgrind) |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"**Ratio working tree ÷ base: wall {wall_ratio:.3f}, CPU {cpu_ratio:.3f}** (medians; below 1 is faster).",
        "",
        f"Median of the per-round ratios: wall {paired_wall:.3f}, CPU {paired_cpu:.3f}."
        + (f" Instructions: {instruction_ratio:.3f}." if instruction_ratio is not None else ""),
        "",
        f"Noise: the base binary run again as a third variant (same rounds, rotating order) came out at "
        f"{control_median:.3f} of the base by medians, {control_wall:.3f} by per-round ratios. A timing ratio "
        "is only meaningful where it stands further from 1 than that.",
        "",
    ])
    REPORT.write_text(text)
    return summary


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
    # The control: the base binary again, as a third variant. Its ratio to the base is pure noise.
    variants["control"] = variants["base"]
    start_load = load_average()
    samples = run_rounds(variants, args.rounds)
    end_load = load_average()
    counts = instructions(variants)
    print(write_report(base_sha, tree_sha, samples, counts, args.rounds, (start_load, end_load)))


if __name__ == "__main__":
    sys.exit(main())
