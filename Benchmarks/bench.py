#!/usr/bin/env python3
"""Kiln benchmarks against its peers: generation, compilation of the output (debug and release),
real-shaped documents of 0.3, 3 and 20 MB, the incremental rebuild after a one-schema change, decoding.

Run through `scripts/bench` (which installs /usr/bin/time, libyaml, Java and PyYAML first):

    scripts/bench            # the full run (how long: Benchmarks/README.md)
    scripts/bench --quick    # fewer rounds, real-shaped 0.3 MB only, no clean build
    scripts/bench --report-only   # re-render BENCHMARKS.md from .build-bench/work/results.json
    scripts/bench --skip build,generate --sizes 3   # partial re-runs keep the other figures

Method: every measurement is a whole process (`/usr/bin/time -v` around it: wall time from this
script's monotonic clock, peak RSS = "Maximum resident set size", which for a process tree is the
largest single process, not the sum). Generators run in rounds after a warm-up run; within a round
the generators alternate in a rotating order (A B C, B C A, C A B, ...) so that drift in the shared
machine's load falls on all of them alike; the tables give medians. Outputs are written into empty
directories each run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".build-bench"
WORK = BENCH / "work"
SPEC_CORPUS = ROOT / "Tests" / "Specs"
RESULTS = WORK / "results.json"
REPORT = ROOT / "BENCHMARKS.md"

KILN = BENCH / "release" / "kiln"
SOG_PACKAGE = ROOT / "Benchmarks" / "Peers" / "SwiftOpenAPIGenerator"
SOG = SOG_PACKAGE / ".build" / "release" / "swift-openapi-generator"
SOG_CONFIG = SOG_PACKAGE / "openapi-generator-config.yaml"
# Kiln's settings for the Kratos-derived specs: Link-header pagination, which Kratos does not document
# (without it there would be no `xPages` methods to generate and compile).
KILN_CONFIG = ROOT / "spec" / "ory-kratos-config.yaml"
VENV = BENCH / "venv"
OAG = VENV / "bin" / "openapi-generator-cli"
OAG_PIN = "7.26.0"
# The swagger parser inside openapi-generator refuses YAML over 3,145,728 code points (the x10 and
# larger synthetic specs); this system property lifts that limit and changes nothing below it.
OAG_ENV = {"JAVA_OPTS": "-DmaxYamlCodePoints=1000000000"}
DECODING = ROOT / "Benchmarks" / "Decoding"
COMPILE_TEMPLATES = ROOT / "Benchmarks" / "Compile"

GENERATORS = {
    "kiln": "Kiln",
    "sog": "swift-openapi-generator 1.14.3",
    "oag": "openapi-generator swift6",
}
TARGET_NAMES = {"kiln": "KilnClient", "sog": "Generated", "oag": "OAGClient"}

# The one patch every peer needs for Kratos v26.2.0 / Ory client v1.6.2: the `sessionToken`
# security requirement of POST /self-service/settings names a scheme the document never defines.
SESSION_TOKEN_YAML = "    sessionToken:\n      in: header\n      name: X-Session-Token\n      type: apiKey\n"
SESSION_TOKEN = {"type": "apiKey", "in": "header", "name": "X-Session-Token"}


# ----------------------------------------------------------------------------------------------
# Small helpers


def log(message: str) -> None:
    stamp = dt.datetime.now().strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


def sh(cmd, cwd=None, env=None, check=True, capture=False, logfile: Path | None = None):
    full_env = dict(os.environ, **(env or {}))
    if logfile:
        with open(logfile, "ab") as handle:
            handle.write(f"\n$ {' '.join(map(str, cmd))}\n".encode())
            handle.flush()
            proc = subprocess.run(list(map(str, cmd)), cwd=cwd, env=full_env, stdout=handle, stderr=subprocess.STDOUT)
    else:
        proc = subprocess.run(list(map(str, cmd)), cwd=cwd, env=full_env, text=True,
                              stdout=subprocess.PIPE if capture else None,
                              stderr=subprocess.STDOUT if capture else None)
    if check and proc.returncode != 0:
        raise RuntimeError(f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}"
                           + (f" — see {logfile}" if logfile else ""))
    return proc


class Measurement:
    def __init__(self, ok: bool, wall: float, rss_kb: int, cpu: float, status: int, output: str):
        self.ok, self.wall, self.rss_kb, self.cpu, self.status, self.output = ok, wall, rss_kb, cpu, status, output


def measured(cmd, cwd=None, env=None, output_file: Path | None = None, limit: float | None = None) -> Measurement:
    """Runs cmd under /usr/bin/time -v; wall time from a monotonic clock around it. With `limit`
    (seconds) the whole process group is killed when it runs longer: `timed_out` is then set."""
    timefile = WORK / "time-v.txt"
    timefile.unlink(missing_ok=True)
    out_path = output_file or (WORK / "last-output.txt")
    full_env = dict(os.environ, **(env or {}))
    timed_out = False
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", str(timefile)] + list(map(str, cmd)),
                                cwd=cwd, env=full_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            proc.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        wall = time.perf_counter() - start
    text = timefile.read_text(errors="replace") if timefile.exists() else ""
    number = lambda pattern, kind: kind(found.group(1)) if (found := re.search(pattern, text)) else kind(0)
    rss = number(r"Maximum resident set size \(kbytes\): (\d+)", int)
    cpu = number(r"User time \(seconds\): ([\d.]+)", float) + number(r"System time \(seconds\): ([\d.]+)", float)
    output = out_path.read_text(errors="replace")
    if timed_out:
        output += f"\nerror: exceeded the time limit of {limit:.0f} s (killed)\n"
    m = Measurement(proc.returncode == 0 and not timed_out, wall, rss, cpu, proc.returncode, output)
    m.timed_out = timed_out
    return m


def median(values):
    return statistics.median(values) if values else None


def first_error(output: str) -> str:
    output = output.replace(str(WORK) + "/", "").replace(str(ROOT) + "/", "")
    for pattern in (r"[\w+./-]+\.swift:\d+:\d+: error: .*", r"error: .*", r"Error: .*", r"\[main\] ERROR .*", r"Exception.*"):
        found = re.search(pattern, output)
        if found:
            return found.group(0).strip()[:300]
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return (lines[-1] if lines else "no output")[:300]


def load_results() -> dict:
    if RESULTS.exists():
        return json.loads(RESULTS.read_text())
    return {}


def save_results(results: dict) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True))


# ----------------------------------------------------------------------------------------------
# Step 1: build everything


def build_all(results: dict, quick: bool) -> None:
    logs = WORK / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    builds = results.setdefault("builds", {})

    log("building kiln (release, --scratch-path .build-bench)")
    m = measured(["swift", "build", "-c", "release", "--product", "kiln", "--scratch-path", str(BENCH)],
                 cwd=ROOT, output_file=logs / "build-kiln.txt")
    if not m.ok:
        raise RuntimeError("kiln does not build:\n" + m.output[-3000:])
    builds["kiln-incremental"] = {"wall": m.wall}

    log("building swift-openapi-generator 1.14.3 (release)")
    if not SOG_CONFIG.exists():
        SOG_CONFIG.write_text("generate:\n  - types\n  - client\naccessModifier: public\n")
    m = measured(["swift", "build", "-c", "release", "--product", "swift-openapi-generator"],
                 cwd=SOG_PACKAGE, output_file=logs / "build-sog.txt")
    if not m.ok:
        raise RuntimeError("swift-openapi-generator does not build:\n" + m.output[-3000:])

    log(f"installing openapi-generator-cli {OAG_PIN} into .build-bench/venv")
    if not (VENV / "bin" / "python").exists():
        sh([sys.executable, "-m", "venv", str(VENV)])
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if sh(pip + [f"openapi-generator-cli=={OAG_PIN}"], check=False, logfile=logs / "pip.txt").returncode != 0:
        log(f"openapi-generator-cli {OAG_PIN} unavailable; installing the newest 7.x")
        sh(pip + ["openapi-generator-cli>=7,<8"], logfile=logs / "pip.txt")
    version = sh([OAG, "version"], capture=True).stdout.strip().splitlines()[-1]
    builds["oag-version"] = version
    builds["java"] = sh(["java", "-version"], capture=True).stdout.strip().splitlines()[0]

    log("building Benchmarks/Decoding (release)")
    results["decoding_source"] = "working tree"
    m = measured(["swift", "build", "-c", "release"], cwd=DECODING, output_file=logs / "build-decoding.txt")
    if not m.ok:
        # Other engineers' work in progress can leave Generated/OryKratos broken for a while: fall back
        # to the committed client (git HEAD, extracted with `git archive`) rather than give up.
        log("  Generated/OryKratos in the working tree does not compile; using the committed one (git HEAD)")
        results["decoding_build_error"] = first_error(m.output)
        snapshot = BENCH / "head-snapshot"
        shutil.rmtree(snapshot, ignore_errors=True)
        snapshot.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, stdout=subprocess.PIPE, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(snapshot)], input=archive, check=True)
        shutil.rmtree(snapshot / "Benchmarks" / "Decoding", ignore_errors=True)
        shutil.copytree(DECODING, snapshot / "Benchmarks" / "Decoding",
                        ignore=shutil.ignore_patterns(".build", "Package.resolved"))
        m = measured(["swift", "build", "-c", "release"], cwd=snapshot / "Benchmarks" / "Decoding",
                     output_file=logs / "build-decoding-head.txt")
        results["decoding_source"] = "git HEAD " + sh(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                                      capture=True).stdout.strip()
        results["decoding_binary"] = str(snapshot / "Benchmarks" / "Decoding" / ".build" / "release" / "DecodingBenchmark")
        if not m.ok:
            results["decoding_source"] = "does not build"

    if not quick:
        log("clean release build of kiln, all dependencies (single sample)")
        scratch = ROOT / ".build-bench-clean"
        shutil.rmtree(scratch, ignore_errors=True)
        m = measured(["swift", "build", "-c", "release", "--product", "kiln", "--scratch-path", str(scratch)],
                     cwd=ROOT, output_file=logs / "build-kiln-clean.txt")
        builds["kiln-clean-release"] = {"wall": m.wall, "rss_kb": m.rss_kb, "cpu": m.cpu, "ok": m.ok}
        shutil.rmtree(scratch, ignore_errors=True)
    save_results(results)


# ----------------------------------------------------------------------------------------------
# Step 2: specs and generation


def prepare_specs(quick: bool) -> dict:
    """name -> (path, description, generators)."""
    specs_dir = WORK / "specs"
    specs_dir.mkdir(parents=True, exist_ok=True)
    kratos = ROOT / "spec" / "ory-kratos.yaml"
    text = kratos.read_text()
    anchor = "\n  securitySchemes:\n"
    assert anchor in text, "spec/ory-kratos.yaml has no components.securitySchemes"
    patched = specs_dir / "ory-kratos-patched.yaml"
    patched.write_text(text.replace(anchor, anchor + SESSION_TOKEN_YAML, 1))

    specs = {
        "kratos": (kratos, "Kratos v26.2.0 `spec/ory-kratos.yaml` as shipped", ["kiln", "sog", "oag"]),
        "kratos-patched": (patched, "Kratos v26.2.0 + `sessionToken` scheme", ["kiln", "sog"]),
    }
    ory_client = SPEC_CORPUS / "ory-client-v1.6.2.json"
    if WITH_ORY_CLIENT:  # opt-in since the real-shaped sizes came: keeps the full run near an hour
        document = json.loads(ory_client.read_text())
        document.setdefault("components", {}).setdefault("securitySchemes", {}).setdefault("sessionToken", SESSION_TOKEN)
        oc_patched = specs_dir / "ory-client-v1.6.2-patched.json"
        oc_patched.write_text(json.dumps(document, separators=(",", ":"), ensure_ascii=False))
        specs["ory-client"] = (ory_client, "Ory client v1.6.2 JSON as shipped", ["kiln", "sog", "oag"])
        specs["ory-client-patched"] = (oc_patched, "Ory client v1.6.2 + `sessionToken` scheme", ["kiln", "sog"])

    synthesizer = ROOT / "Benchmarks" / "synthesize.py"
    for name, size in real_sizes(quick).items():
        target = specs_dir / f"{name}.yaml"
        if not target.exists() or target.stat().st_mtime < synthesizer.stat().st_mtime:
            log(f"synthesizing {name} ({size / 1e6:g} MB target, seed {REAL_SEED})")
            sh([sys.executable, synthesizer, "real", str(size), target, "--seed", str(REAL_SEED)])
        specs[name] = (target, f"real-shaped {size / 1e6:g} MB", ["kiln", "sog", "oag"])
    return specs


WITH_ORY_CLIENT = False  # --ory-client

# The real-shaped sizes the issue tracks (Benchmarks/synthesize.py `real`), by spec name.
REAL_SIZES = {"real-0.3": 300_000, "real-3": 3_000_000, "real-20": 20_000_000}
REAL_SEED = 16
SIZE_FILTER: set[str] = set()  # --sizes 0.3,3: only these real-shaped sizes


def real_sizes(quick: bool) -> dict:
    names = [n for n in REAL_SIZES if not SIZE_FILTER or n.removeprefix("real-") in SIZE_FILTER]
    if quick and not SIZE_FILTER:
        names = ["real-0.3"]
    return {n: REAL_SIZES[n] for n in names}


def generate_command(gen: str, spec: Path, out: Path, spec_name: str = "kratos"):
    if gen == "kiln":
        # Kratos's Link pagination is configured (its spec does not say); the real-shaped specs need nothing.
        config = [] if spec_name.startswith("real-") else ["--config", KILN_CONFIG]
        return [KILN, "generate", "--spec", spec] + config + ["--output", out,
                "--module-name", TARGET_NAMES["kiln"], "--quiet"], {}
    if gen == "sog":
        return [SOG, "generate", "--config", SOG_CONFIG, "--output-directory", out, spec], {}
    return [OAG, "generate", "-g", "swift6", "-i", spec, "-o", out,
            f"--additional-properties=projectName={TARGET_NAMES['oag']}"], OAG_ENV


def output_ok(gen: str, out: Path) -> bool:
    if gen == "oag":
        return any((out / "Sources" / TARGET_NAMES["oag"]).rglob("*.swift"))
    return any(out.rglob("*.swift"))


# Longest a single generation may run before it is killed and recorded as over the limit.
GENERATION_LIMIT_S = 900


def rounds_for(name: str, quick: bool) -> tuple[int, bool]:
    """(timed rounds, warm-up?) for a spec."""
    if name == "real-20":
        return 1, False  # openapi-generator alone takes minutes per run at 20 MB
    if name == "real-3":
        return 2, True
    if quick or name.startswith("real-"):
        return 3, True
    return 5, True


def run_generation(results: dict, specs: dict, quick: bool) -> None:
    gen_results = results.setdefault("generation", {})
    outputs = WORK / "gen"
    for name, (path, _, gens) in specs.items():
        rounds, warm = rounds_for(name, quick)
        log(f"generation: {name} ({path.stat().st_size / 1e6:.2f} MB) × {rounds} rounds, {', '.join(gens)}")
        entry = {g: {"walls": [], "rss": [], "cpu": [], "ok": True, "error": None} for g in gens}
        active = list(gens)

        def run_once(gen):
            out = outputs / gen / name
            shutil.rmtree(out, ignore_errors=True)
            out.parent.mkdir(parents=True, exist_ok=True)
            cmd, env = generate_command(gen, path, out, name)
            m = measured(cmd, env=env, output_file=WORK / "logs" / f"gen-{gen}-{name}.txt", limit=GENERATION_LIMIT_S)
            ok = m.ok and output_ok(gen, out)
            if not ok:
                entry[gen]["ok"] = False
                entry[gen]["error"] = (f"exceeded the time limit ({GENERATION_LIMIT_S} s)" if m.timed_out
                                       else first_error(m.output))
                active.remove(gen)
                log(f"  {gen} fails on {name}: {entry[gen]['error']}")
            return m, ok

        if warm:
            for gen in list(active):
                run_once(gen)
        for r in range(rounds):
            order = active[r % len(active):] + active[:r % len(active)] if active else []
            for gen in order:
                if gen not in active:
                    continue
                m, ok = run_once(gen)
                if ok:
                    entry[gen]["walls"].append(m.wall)
                    entry[gen]["rss"].append(m.rss_kb)
                    entry[gen]["cpu"].append(m.cpu)
        for gen in gens:
            if entry[gen]["walls"]:
                log(f"  {gen}: median {median(entry[gen]['walls']):.3f} s, peak RSS {max(entry[gen]['rss']) / 1024:.1f} MB")
        entry["_spec_bytes"] = path.stat().st_size
        shape = path.with_suffix(".shape.json")
        if shape.exists():
            entry["_shape"] = json.loads(shape.read_text()).get("summary", "")
        gen_results[name] = entry
        save_results(results)


# ----------------------------------------------------------------------------------------------
# Step 3: compiling the generated clients (debug, the generated module alone, deps prebuilt)

SOG_PACKAGE_SWIFT = (COMPILE_TEMPLATES / "SOG" / "Package.swift")
KILN_PACKAGE_SWIFT = (COMPILE_TEMPLATES / "Kiln" / "Package.swift")


class CompileSlot:
    """A package directory whose one generated target is swapped and rebuilt."""

    def __init__(self, gen: str, slot: str):
        self.gen, self.dir = gen, WORK / "compile" / slot
        self.target = TARGET_NAMES[gen]
        self.loaded = None

    def load(self, spec_name: str) -> None:
        source = WORK / "gen" / self.gen / spec_name
        self.dir.mkdir(parents=True, exist_ok=True)
        sources = self.dir / "Sources" / self.target
        shutil.rmtree(sources, ignore_errors=True)
        if self.gen == "oag":
            shutil.copy(source / "Package.swift", self.dir / "Package.swift")
            shutil.copytree(source / "Sources" / self.target, sources, copy_function=shutil.copy)
        else:
            template = KILN_PACKAGE_SWIFT if self.gen == "kiln" else SOG_PACKAGE_SWIFT
            text = template.read_text().replace('"Generated"', f'"{self.target}"')
            if not (self.dir / "Package.swift").exists() or (self.dir / "Package.swift").read_text() != text:
                (self.dir / "Package.swift").write_text(text)
            shutil.copytree(source, sources, copy_function=shutil.copy)  # fresh mtimes
        self.loaded = spec_name
        for config in ("debug", "release"):  # nothing of the previous sources may be reused incrementally
            self.clean_target(config)

    def clean_target(self, config: str = "debug") -> None:
        """Removes the target's objects and module but keeps SwiftPM's plan (output-file-map.json,
        sources, module.modulemap), so the next build recompiles this target only, from scratch."""
        products = self.dir / ".build" / config
        build_dir = products / f"{self.target}.build"
        keep = {"output-file-map.json", "sources", "module.modulemap"}
        if build_dir.exists():
            for file in build_dir.rglob("*"):
                if file.is_file() and file.name not in keep:
                    file.unlink()
        for file in (products / "Modules").glob(f"{self.target}.*"):
            if file.is_dir():
                shutil.rmtree(file)
            else:
                file.unlink()

    def build(self, tag: str, config: str = "debug", limit: float | None = None, target: str | None = None) -> Measurement:
        return measured(["swift", "build", "-c", config, "--target", target or self.target], cwd=self.dir,
                        output_file=WORK / "logs" / f"compile-{self.gen}-{self.loaded}-{tag}.txt", limit=limit)


def patch_oag_identifiable(slot: CompileSlot, output: str) -> list[str]:
    """openapi-generator swift6 declares `extension X: Identifiable {}` for discriminated oneOf enums
    that have no `id`; the minimal patch deletes those lines. Returns the patched type names."""
    names = sorted(set(re.findall(r"type '(\w+)' does not conform to protocol 'Identifiable'", output)))
    for name in names:
        for file in (slot.dir / "Sources" / slot.target).rglob(f"{name}.swift"):
            text = file.read_text()
            file.write_text(text.replace(f"extension {name}: Identifiable {{}}\n", ""))
    return names


def run_compile_group(results: dict, group: str, entries: list[tuple[str, str, CompileSlot]], rounds: int,
                      limit: float | None = None, skips: dict | None = None, config: str = "debug") -> None:
    """entries: (label, spec_name, slot). Warm-up build (also builds deps), then rounds with rotation.
    rounds == 0: the warm-up build is the one sample. A build over `limit` seconds is killed and recorded
    as such; `skips` maps labels to the reason they are not built at all."""
    compile_results = results.setdefault("compile", {})
    gen_results = results.get("generation", {})
    log(f"compile: {group} × {rounds} rounds: {', '.join(label for label, _, _ in entries)}")
    group_result = {}
    active = []
    for label, spec_name, slot in entries:
        record = {"gen": slot.gen, "spec": spec_name, "walls": [], "rss": [], "cpu": [], "ok": True,
                  "error": None, "patch": None, "frontend_note": None}
        group_result[label] = record
        if not gen_results.get(spec_name, {}).get(slot.gen, {}).get("ok"):
            record.update(ok=False, error="generation failed")
            continue
        if skips and label in skips:
            record.update(ok=False, error=skips[label], skipped=True)
            log(f"  {label}: not built: {skips[label]}")
            continue
        slot.load(spec_name)
        record["files"] = sum(1 for _ in (slot.dir / "Sources" / slot.target).rglob("*.swift"))
        record["source_bytes"] = sum(f.stat().st_size for f in (slot.dir / "Sources" / slot.target).rglob("*.swift"))
        m = slot.build("warmup", config=config, limit=limit)
        if not m.ok and slot.gen == "oag":
            record["error"] = first_error(m.output)
            names = patch_oag_identifiable(slot, m.output)
            if names:
                record["unpatched_error"] = record["error"]
                record["patch"] = f"deleted `extension {{T}}: Identifiable {{}}` for {len(names)} type(s): " + \
                    ", ".join(names[:4]) + (" …" if len(names) > 4 else "")
                slot.clean_target(config)  # the failed build left objects behind: measure a full rebuild
                m = slot.build("warmup-patched", config=config, limit=limit)
        if not m.ok:
            record.update(ok=False, error=first_error(m.output))
            if m.timed_out:
                record.update(error=f"exceeded the time limit ({limit:.0f} s)", timed_out=True, wall_at_kill=m.wall)
            log(f"  {label} fails: {record['error']}")
            continue
        record["error"] = None
        if rounds == 0:  # single sample: the first build of this target, deps already built
            record["walls"].append(m.wall)
            record["rss"].append(m.rss_kb)
            record["cpu"].append(m.cpu)
            record["single"] = True
        active.append((label, slot))
    for r in range(rounds):
        order = active[r % len(active):] + active[:r % len(active)] if active else []
        for label, slot in order:
            slot.clean_target(config)
            m = slot.build(f"r{r}", config=config)
            record = group_result[label]
            if m.ok:
                record["walls"].append(m.wall)
                record["rss"].append(m.rss_kb)
                record["cpu"].append(m.cpu)
            else:
                record.update(ok=False, error=first_error(m.output))
    for label, record in group_result.items():
        if record["walls"]:
            log(f"  {label}: median {median(record['walls']):.1f} s, peak RSS {max(record['rss']) / 1024:.0f} MB")
    # What `swift build` costs when nothing is to be compiled: SwiftPM's own floor, for reading the figures.
    for label, slot in active[:1]:
        noop = [slot.build("noop", config=config).wall for _ in range(2)]
        group_result["_noop_build"] = min(noop)
    compile_results[group] = group_result
    save_results(results)


COMPILE_GROUPS: set[str] = set()  # --compile-groups: re-run only these (e.g. "x2,x4")


def run_compile_group_if_selected(results, group, entries, rounds, **options):
    if not COMPILE_GROUPS or group in COMPILE_GROUPS:
        run_compile_group(results, group, entries, rounds, **options)


def run_compiles(results: dict, specs: dict, quick: bool) -> None:
    kiln_a, kiln_b = CompileSlot("kiln", "kiln-a"), CompileSlot("kiln", "kiln-b")
    sog, oag = CompileSlot("sog", "sog"), CompileSlot("oag", "oag")
    rounds = 2 if quick else 3
    run_compile_group_if_selected(results, "kratos", [
        ("Kiln · Kratos", "kratos", kiln_a),
        ("Kiln · Kratos patched", "kratos-patched", kiln_b),
        ("sog · Kratos patched", "kratos-patched", sog),
        ("oag · Kratos", "kratos", oag),
    ], rounds)
    if "ory-client" in specs:
        run_compile_group_if_selected(results, "ory-client", [
            ("Kiln · Ory client", "ory-client", kiln_a),
            ("sog · Ory client patched", "ory-client-patched", sog),
            ("oag · Ory client", "ory-client", oag),
        ], 0)
    run_real_compiles(results, specs, kiln_a, sog, oag)
    if "release" not in SKIP_PARTS:
        run_release_compiles(results, kiln_a, sog, oag)


# Time limits for one build of a real-shaped document's module (seconds), by size. A build that would
# take longer is killed and recorded as over the limit; one predicted to (see below) is not started.
COMPILE_LIMITS_S = {"real-0.3": 600, "real-3": 600, "real-20": 600}
SKIP_PARTS: set[str] = set()  # --skip release / incremental (parts of the compile step)


def run_real_compiles(results: dict, specs: dict, kiln: CompileSlot, sog: CompileSlot, oag: CompileSlot) -> None:
    """One debug build of each generator's module per real-shaped size (deps prebuilt by the Kratos group).
    Sizes go small to large; a generator whose build at the previous size already exceeded the limit, or
    whose time or memory scaled by the size ratio would exceed the limit or ¾ of the machine's memory,
    is not built at the next size, and the report says so with the prediction."""
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    previous = None
    for name in [n for n in REAL_SIZES if n in specs]:
        limit = COMPILE_LIMITS_S[name]
        skips = {}
        entries = [(f"{g} · {name}", name, slot) for g, slot in (("Kiln", kiln), ("sog", sog), ("oag", oag))]
        if previous:
            grow = specs[name][0].stat().st_size / specs[previous][0].stat().st_size
            for label, _, slot in entries:
                before = results.get("compile", {}).get(previous, {}).get(label.replace(name, previous))
                if not before:
                    continue
                if before.get("timed_out") or before.get("skipped"):
                    skips[label] = f"not built: already over the limit at {spec_label(previous)}"
                elif before.get("walls"):
                    wall, rss = median(before["walls"]), max(before["rss"])
                    if wall * grow > limit:
                        skips[label] = (f"not built: {fmt_time(wall)} at {spec_label(previous)} × {grow:.1f} (size ratio) "
                                        f"predicts {wall * grow / 60:.0f} min, over the {limit / 60:.0f}-min limit")
                    elif rss * grow > 0.75 * mem_kb:
                        skips[label] = (f"not built: compiler RSS {fmt_mb(rss)} at {spec_label(previous)} × {grow:.1f} "
                                        f"predicts {rss * grow / 1024 / 1024:.1f} GB, over ¾ of the machine's memory")
        run_compile_group_if_selected(results, name, entries, 0, limit=limit, skips=skips)
        previous = name


def run_release_compiles(results: dict, kiln: CompileSlot, sog: CompileSlot, oag: CompileSlot) -> None:
    """Issue 16: `-c release` of the generated Kratos module, each generator once. The dependencies of
    sog's output (swift-openapi-runtime, -urlsession) are built in release first, so the sample is the
    generated module alone."""
    if not (sog.dir / "Package.swift").exists():
        sog.load("kratos-patched")
    log("release: building sog's dependencies (release) first")
    sog.loaded = "deps"
    deps = sog.build("release-deps", config="release", target="OpenAPIURLSession")
    if not deps.ok:
        log(f"  could not prebuild sog's dependencies: {first_error(deps.output)}; the sog sample includes them")
    run_compile_group_if_selected(results, "kratos-release", [
        ("Kiln · Kratos", "kratos", kiln),
        ("sog · Kratos patched", "kratos-patched", sog),
        ("oag · Kratos", "kratos", oag),
    ], 0, limit=1800, config="release")


def run_incremental(results: dict, specs: dict, quick: bool) -> None:
    """Issue 16: change one schema's description in the Kratos spec, regenerate with Kiln into the
    module's own source directory (as a user would), count the generated files that changed and time
    the module's incremental debug rebuild. Three changes (A→B→A→B), median rebuild time."""
    import yaml  # PyYAML: a dependency of the synthesizer too

    slot = CompileSlot("kiln", "kiln-incremental")
    sources = slot.dir / "Sources" / slot.target
    slot.dir.mkdir(parents=True, exist_ok=True)
    (slot.dir / "Package.swift").write_text(KILN_PACKAGE_SWIFT.read_text().replace('"Generated"', f'"{slot.target}"'))
    slot.loaded = "kratos-incremental"
    document = yaml.load((ROOT / "spec" / "ory-kratos.yaml").read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    schemas = document["components"]["schemas"]
    # A schema other types refer to, so that the change is a realistic one: `identity` when the spec has it.
    name = "identity" if "description" in schemas.get("identity", {}) else next(
        n for n, schema in schemas.items() if isinstance(schema.get("description"), str))
    original = schemas[name]["description"]
    variants = [original, original.rstrip() + "\n\nThis sentence was added by the incremental-build benchmark."]
    texts = []
    for text in variants:  # both variants through the same YAML writer: only the description differs
        schemas[name]["description"] = text
        texts.append(yaml.dump(document, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                               allow_unicode=True, width=100))
    spec_path = WORK / "specs" / "ory-kratos-incremental.yaml"  # one path: generated headers name the file

    def regenerate(index: int) -> None:
        spec_path.write_text(texts[index])
        cmd, env = generate_command("kiln", spec_path, sources)
        sh(cmd, env=env, logfile=WORK / "logs" / "incremental-generate.txt")

    def snapshot() -> dict:
        return {str(f.relative_to(sources)): (f.read_bytes(), f.stat().st_mtime_ns) for f in sources.rglob("*") if f.is_file()}

    log(f"incremental: Kiln · Kratos, the description of schema `{name}` changed, debug rebuild × 3")
    shutil.rmtree(sources, ignore_errors=True)
    regenerate(0)
    full = slot.build("incremental-full")
    if not full.ok:
        results["incremental"] = {"ok": False, "error": first_error(full.output)}
        save_results(results)
        return
    noop = slot.build("incremental-noop")
    samples = []
    for step, index in enumerate([1, 0, 1]):
        before = snapshot()
        regenerate(index)
        after = snapshot()
        changed = sorted(p for p in after if p in before and after[p][0] != before[p][0])
        touched = sorted(p for p in after if p in before and after[p][1] != before[p][1])
        added = sorted(set(after) - set(before))
        removed = sorted(set(before) - set(after))
        m = slot.build(f"incremental-{step}")
        samples.append({"wall": m.wall, "cpu": m.cpu, "rss": m.rss_kb, "ok": m.ok, "changed": changed,
                        "touched": touched, "added": added, "removed": removed})
        log(f"  change {step + 1}: {len(changed)} file(s) changed ({', '.join(changed[:4])}), "
            f"{len(touched)} rewritten; rebuild {m.wall:.2f} s (CPU {m.cpu:.2f} s)")
    results["incremental"] = {
        "ok": all(s["ok"] for s in samples), "schema": name, "samples": samples,
        "files": sum(1 for p in snapshot() if p.endswith(".swift")),
        "full_build": {"wall": full.wall, "cpu": full.cpu, "rss": full.rss_kb}, "noop_build": noop.wall,
    }
    save_results(results)


def run_output_io(results: dict, specs: dict, quick: bool) -> None:
    """Kiln's wall time on a loaded machine is mostly waiting for the disk: it fsyncs every file it
    writes. A/B: the same Kratos generation into tmpfs (/dev/shm) and onto the disk, alternating."""
    shm = Path("/dev/shm")
    if not shm.is_dir():
        return
    spec = specs["kratos"][0]
    targets = {"tmpfs": shm / "kiln-bench-out", "disk": WORK / "gen" / "kiln-io"}
    walls = {name: [] for name in targets}
    cpus = {name: [] for name in targets}
    rounds = 5 if quick else 9
    log(f"output I/O: kiln generate kratos into tmpfs vs disk × {rounds}")
    for r in range(rounds):
        for name in (("tmpfs", "disk") if r % 2 == 0 else ("disk", "tmpfs")):
            out = targets[name]
            shutil.rmtree(out, ignore_errors=True)
            cmd, env = generate_command("kiln", spec, out)
            m = measured(cmd, env=env)
            walls[name].append(m.wall)
            cpus[name].append(m.cpu)
    shutil.rmtree(targets["tmpfs"], ignore_errors=True)
    fsyncs = None
    if shutil.which("strace"):
        out = targets["disk"]
        shutil.rmtree(out, ignore_errors=True)
        trace = WORK / "kiln-strace.txt"
        cmd, _ = generate_command("kiln", spec, out)
        sh(["strace", "-f", "-c", "-o", trace] + cmd, check=False, capture=True)
        for line in (trace.read_text().splitlines() if trace.exists() else []):
            fields = line.split()
            if fields and fields[-1] == "fsync" and len(fields) >= 5:
                fsyncs = int(fields[3])
    results["output_io"] = {"walls": walls, "cpus": cpus, "fsyncs": fsyncs,
                            "loadavg": Path("/proc/loadavg").read_text().split()[:3]}
    log(f"  tmpfs {median(walls['tmpfs']):.3f} s, disk {median(walls['disk']):.3f} s, fsync calls {fsyncs}")
    save_results(results)


# ----------------------------------------------------------------------------------------------
# Step 5: decoding, step 7: callgrind


def run_decoding(results: dict, quick: bool) -> None:
    log("decoding benchmark (release)")
    iterations = "7" if quick else "15"
    if results.get("decoding_source") == "does not build":
        results["decoding"] = {"ok": False, "output": "Benchmarks/Decoding does not build"}
        return
    binary = results.get("decoding_binary") or str(DECODING / ".build" / "release" / "DecodingBenchmark")
    proc = sh([binary, "--megabytes", "10", "--iterations", iterations], capture=True, check=False)
    results["decoding"] = {"output": proc.stdout, "ok": proc.returncode == 0}
    found = re.search(r"decoding-result (.*)", proc.stdout or "")
    if found:
        results["decoding"].update({k: v for k, v in (pair.split("=") for pair in found.group(1).split())})
    for line in (proc.stdout or "").splitlines():
        log("  " + line)
    save_results(results)


def run_callgrind(results: dict, specs: dict, quick: bool) -> None:
    if not shutil.which("valgrind"):
        log("valgrind missing: no profile")
        return
    profiles = results.setdefault("callgrind", {})
    for name in ["kratos"] + [n for n in ("real-3", "real-0.3") if n in specs][:1]:
        path = specs[name][0]
        log(f"callgrind: kiln generate {name}")
        out = WORK / "callgrind" / name
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        data = out / "callgrind.out"
        cmd, _ = generate_command("kiln", path, out / "gen", name)
        sh(["valgrind", "--tool=callgrind", f"--callgrind-out-file={data}"] + cmd, check=False,
           logfile=out / "valgrind.txt")
        if not data.exists():
            continue
        exclusive = annotate(data, inclusive=False)
        inclusive = annotate(data, inclusive=True)
        profiles[name] = {"exclusive": exclusive, "inclusive": inclusive,
                          "total": total_instructions(data)}
        (out / "exclusive.txt").write_text(json.dumps(exclusive, indent=1))
        save_results(results)


def total_instructions(data: Path) -> int | None:
    for line in data.read_text(errors="replace").splitlines():
        if line.startswith("summary:") or line.startswith("totals:"):
            return int(line.split()[1])
    return None


def annotate(data: Path, inclusive: bool, limit: int = 40) -> list[tuple[int, str, str]]:
    """Top functions as (Ir, demangled name, object file name)."""
    args = ["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", "--threshold=100", str(data)]
    text = sh(args, capture=True, check=False).stdout
    rows = []
    for line in text.splitlines():
        found = re.match(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*?):(\S+)(?: \[(.*)\])?$", line)
        if not found or "PROGRAM TOTALS" in line:
            continue
        rows.append((int(found.group(1).replace(",", "")), found.group(3), Path(found.group(4) or "?").name))
    names = demangle([symbol for _, symbol, _ in rows])
    seen, result = set(), []
    for (count, _, obj), name in zip(rows, names):
        if (name, obj) in seen:
            continue
        seen.add((name, obj))
        result.append((count, name, obj))
    kiln_rows = [row for row in result if row[2] == "kiln"]
    other_rows = [row for row in result if row[2] != "kiln"]
    return (other_rows[:limit] + kiln_rows[:limit]) if not inclusive else kiln_rows[:limit]


def demangle(names: list[str]) -> list[str]:
    if not names:
        return names
    proc = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names), text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = proc.stdout.splitlines()
    if len(lines) != len(names):
        return names
    return [line.strip()[:180] for line in lines]


# ----------------------------------------------------------------------------------------------
# Machine and report


def machine_info() -> dict:
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    swift = sh(["swift", "--version"], capture=True).stdout.strip().splitlines()
    head = sh(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture=True, check=False).stdout.strip()
    dirty = sh(["git", "status", "--porcelain", "--", "Sources", "Templates", "Generated"], cwd=ROOT,
               capture=True, check=False).stdout.strip().splitlines()
    return {
        "nproc": os.cpu_count(), "mem_gib": round(mem_kb / 1024 / 1024, 1),
        "cpu": cpu.group(1).strip() if cpu else "?", "kernel": os.uname().release,
        "swift": next((line for line in swift if "Swift version" in line), swift[0] if swift else "?"),
        "git": head, "dirty_files": len(dirty),
        "loadavg": Path("/proc/loadavg").read_text().split()[:3],
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    }


def fmt_time(seconds):
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_mb(kb):
    return "—" if kb is None else f"{kb / 1024:.0f} MB"


def gen_stats(results, spec, gen):
    entry = results.get("generation", {}).get(spec, {}).get(gen)
    if not entry:
        return None
    if not entry["ok"] or not entry["walls"]:
        return {"ok": False, "error": entry.get("error")}
    return {"ok": True, "wall": median(entry["walls"]), "rss": max(entry["rss"]), "cpu": median(entry["cpu"]),
            "n": len(entry["walls"])}


def compile_stats(results, group, label):
    record = results.get("compile", {}).get(group, {}).get(label)
    if not record:
        return None
    if not record["ok"] or not record["walls"]:
        return {"ok": False, "error": record.get("error"), "patch": record.get("patch"),
                "unpatched_error": record.get("unpatched_error")}
    return {"ok": True, "wall": median(record["walls"]), "rss": max(record["rss"]), "cpu": median(record["cpu"]),
            "n": len(record["walls"]), "patch": record.get("patch"), "unpatched_error": record.get("unpatched_error")}


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def headline(results):
    kiln = gen_stats(results, "kratos-patched", "kiln")
    sog = gen_stats(results, "kratos-patched", "sog")
    r1 = ratio(kiln and kiln.get("wall"), sog and sog.get("wall"))
    kc = compile_stats(results, "kratos", "Kiln · Kratos patched")
    sc = compile_stats(results, "kratos", "sog · Kratos patched")
    r2 = ratio(kc and kc.get("wall"), sc and sc.get("wall"))
    # R3: Kiln's module against openapi-generator's patched output (both from the shipped spec).
    kc_shipped = compile_stats(results, "kratos", "Kiln · Kratos")
    oc = compile_stats(results, "kratos", "oag · Kratos")
    r3 = ratio(kc_shipped and kc_shipped.get("wall"), oc and oc.get("wall"))
    f = lambda r: "n/a" if r is None else f"{r:.3f}"
    return (f"bench: kiln/sog generate ratio {f(r1)}, kiln/sog compile ratio {f(r2)}, kiln/oag compile ratio {f(r3)}",
            r1, r2, r3)


def write_report(results: dict) -> None:
    m = results.get("machine", {})
    m_end = results.get("machine_end", {})
    b = results.get("builds", {})
    lines = []
    add = lines.append
    add("# Kiln benchmarks")
    add("")
    add("Written by `scripts/bench` (driver: `Benchmarks/bench.py`); do not edit by hand — re-run it "
        "(`scripts/bench`, or `scripts/bench --quick`). Raw numbers: `.build-bench/work/results.json`; every "
        "command's output: `.build-bench/work/logs/`.")
    add("")
    add("**Ratios are Kiln's time ÷ the peer's time: smaller is better for Kiln** (0.05 = Kiln takes 5 % of "
        "the peer's time, i.e. is 20× faster). “×faster” columns give the reciprocal.")
    add("")
    add("## Method")
    add("")
    add(f"- Machine: {m.get('nproc')} cores ({m.get('cpu')}), {m.get('mem_gib')} GiB, Linux {m.get('kernel')}; "
        f"{m.get('swift')}; {b.get('java', 'java ?')}; openapi-generator-cli {b.get('oag-version', '?')} (PyPI).")
    add(f"- Run {results.get('mode', 'full')} on {m.get('date')}, Kiln at `{m.get('git')}`"
        + (f" with {m.get('dirty_files')} uncommitted file(s) in Sources/, Templates/, Generated/ (other engineers' "
           "work in progress in the same checkout: the figures are for that tree)" if m.get("dirty_files") else "")
        + ".")
    add(f"- **Taken under load**: the 2 CPUs are shared with other engineers' builds and tests in the same "
        f"machine (load average {', '.join(m.get('loadavg', []))} at the start, {', '.join(m_end.get('loadavg', []))} "
        "at the end). Absolute wall times are therefore noisy and pessimistic; ratios from alternated runs are the "
        "robust figures. CPU time (user+sys) is recorded in results.json as a second, less load-sensitive view.")
    add("- Every figure is a whole process under `/usr/bin/time -v`: wall time from a monotonic clock around it, "
        "peak RSS = `Maximum resident set size`. For a process tree that field is the largest single process "
        "(Linux keeps the max over reaped descendants, not a sum) — verified for `swift build` by polling "
        "`VmHWM` of every `swift-frontend`: the largest frontend (745 MB for sog's Kratos client) equalled the "
        "`time -v` figure, so compile RSS is the peak of the biggest compiler process.")
    add("- Generation: one warm-up run per generator and spec, then rounds (5 for Kratos and the Ory client, fewer "
        "for the real-shaped documents: see their section); within a round the generators run in a rotating order "
        "(A B C, B C A, C A B, …) so drift falls on all alike. Each run writes into an empty directory. Medians are "
        f"given; peak RSS is the maximum over the runs. A generation over {GENERATION_LIMIT_S // 60} min is stopped.")
    add("- Compilation: `swift build --target T` (debug) of the generated module alone, dependencies prebuilt by a "
        "warm-up build. Before each timed build only that target's objects and module are deleted (SwiftPM's "
        "plan is kept), so each timed build recompiles exactly the generated module from scratch. Kiln's output "
        "is a package with just that target (Foundation only); sog's output a target depending on "
        "swift-openapi-runtime 1.13.4 + swift-openapi-urlsession 1.4.0; openapi-generator's output its own "
        "`Package.swift` (no dependencies). Kratos: warm-up + rounds with rotation; Ory client, release and "
        "real-shaped: a single build each (n = 1). The times include SwiftPM's own fixed cost of a `swift build` (planning, "
        f"checking the dependencies): a no-op build took {fmt_time(results.get('compile', {}).get('kratos', {}).get('_noop_build'))} here.")
    add("- openapi-generator swift6 runs through PyPI's `openapi-generator-cli` wrapper (Python starts `java -jar`), "
        "with default options (it also writes docs/, README, podspec); `JAVA_OPTS=-DmaxYamlCodePoints=1000000000` "
        "lifts the swagger parser's 3 MB YAML limit, needed for the 20 MB document.")
    for rerun in results.get("partial_reruns", []):
        steps = sorted({"build", "generate", "io", "compile", "decode", "profile"} - set(rerun["skipped"]))
        add(f"- Re-run at {rerun['date']} for {', '.join(steps)}"
            + (f" (compile groups {', '.join(rerun['compile_groups'])})" if rerun.get("compile_groups") else "")
            + ": those figures replace the full run's" + (f" ({rerun['why']})" if rerun.get("why") else "") + ".")
    add("")

    # Generation table
    add("## Generation (median wall time, median CPU time user+sys, peak RSS)")
    add("")
    add("| spec | size | Kiln | swift-openapi-generator | openapi-generator swift6 | Kiln/sog | Kiln/oag |")
    add("|---|---|---|---|---|---|---|")
    gen = results.get("generation", {})
    order = [s for s in ["kratos", "kratos-patched", "ory-client", "ory-client-patched"] if s in gen]
    for spec in order:
        row = [spec_label(spec), f"{gen[spec]['_spec_bytes'] / 1e6:.2f} MB"]
        stats = {g: gen_stats(results, spec, g) for g in ("kiln", "sog", "oag")}
        for g in ("kiln", "sog", "oag"):
            row.append(cell(stats[g]))
        for g in ("sog", "oag"):
            r = ratio(stats["kiln"] and stats["kiln"].get("wall"), stats[g] and stats[g].get("wall"))
            row.append("—" if r is None else f"{r:.3f} ({speed(r)})")
        add("| " + " | ".join(row) + " |")
    add("")
    for spec in order:
        stats = {g: gen_stats(results, spec, g) for g in ("kiln", "sog", "oag")}
        for g in ("sog", "oag"):
            if stats["kiln"] and stats[g] and stats["kiln"].get("ok") and stats[g].get("ok"):
                add(f"- {spec_label(spec)}: CPU-time ratio Kiln/{g} {stats['kiln']['cpu'] / stats[g]['cpu']:.3f} "
                    f"(wall {stats['kiln']['wall'] / stats[g]['wall']:.3f}).")
    add("")
    failures = [(spec, g, gen[spec][g]["error"]) for spec in gen for g in ("kiln", "sog", "oag")
                if g in gen[spec] and not gen[spec][g]["ok"]]
    for spec, g, error in failures:
        add(f"- **{GENERATORS[g]} fails on {spec_label(spec)}**: `{error}`")
    add("")

    io = results.get("output_io")
    if io:
        t, d = median(io["walls"]["tmpfs"]), median(io["walls"]["disk"])
        add(f"**Where Kiln's wall time goes.** Under load Kiln's wall time is many times its CPU time (table above). "
            f"The same Kratos run into tmpfs and onto the disk, alternated ({len(io['walls']['disk'])} each, "
            f"load average {', '.join(io.get('loadavg', ['?']))}): tmpfs "
            f"{fmt_time(t)} (CPU {fmt_time(median(io['cpus']['tmpfs']))}), disk {fmt_time(d)} "
            f"(CPU {fmt_time(median(io['cpus']['disk']))})"
            + (f"; strace counts {io['fsyncs']} `fsync` calls per run, one per generated file" if io.get("fsyncs") else "")
            + ". On this machine the disk is shared with other engineers' builds, so each `fsync` waits; "
            "swift-openapi-generator writes 9 files (9 `fsync`s), openapi-generator ~290 files with no `fsync` at all.")
        add("")

    # Compile table
    add("## Compiling the generated client (debug, generated module alone)")
    add("")
    add("| client | build time (wall) | CPU user+sys | peak compiler RSS | n | note |")
    add("|---|---|---|---|---|---|")
    comp = results.get("compile", {})
    for group in [g for g in ("kratos", "ory-client") if g in comp]:
        for label, record in comp[group].items():
            if label.startswith("_"):
                continue
            s = compile_stats(results, group, label)
            note = ""
            if s.get("patch"):
                note = f"fails as generated (`{s.get('unpatched_error') or ''}`); patched: {s['patch']}"
            if not s["ok"]:
                note = f"still fails after the patch ({s['patch']}): " if s.get("patch") else ""
                add(f"| {label} | **fails** | — | — | — | {note}`{s.get('error')}` |")
            else:
                add(f"| {label} | {fmt_time(s['wall'])} | {fmt_time(s['cpu'])} | {fmt_mb(s['rss'])} | {s['n']} | {note} |")
    add("")
    # Each peer against Kiln's module from the same spec: sog's from the patched one, oag's from the shipped one
    # (its output patched instead). These are the headline's R2 and R3.
    for label, name, kiln_label in (("sog · Kratos patched", "swift-openapi-generator", "Kiln · Kratos patched"),
                                    ("oag · Kratos", "openapi-generator swift6 (patched output)", "Kiln · Kratos")):
        kc = compile_stats(results, "kratos", kiln_label)
        other = compile_stats(results, "kratos", label)
        r = ratio(kc and kc.get("wall"), other and other.get("wall"))
        if r:
            add(f"- Compile ratio {kiln_label} / {name}: **{r:.3f}** ({speed(r)}; CPU-time ratio "
                f"{kc['cpu'] / other['cpu']:.3f}).")
    add("")

    # Hand-run compile checks between full runs, kept in their own file
    checks = ROOT / "Benchmarks" / "COMPILE-CHECKS.md"
    if checks.exists():
        add(checks.read_text().strip())
        add("")

    # Release builds, incremental rebuild, real-shaped documents, chart
    write_release_section(results, add)
    write_incremental_section(results, add)
    write_real_section(results, add)

    # Decoding
    d = results.get("decoding", {})
    add("## Decoding (issue 3): generated vs hand-written models")
    add("")
    if d.get("ratio"):
        add(f"`Benchmarks/Decoding` (release) decodes a {int(d['bytes']) / 1e6:.1f} MB JSON array of "
            f"{d['identities']} realistic Kratos identities (UUIDs, traits with email and name, verifiable and "
            "recovery addresses, a credentials map with password/oidc/totp configs, public/admin metadata, state, "
            "Go-style dates with 6 or 9 fraction digits) with `JSONCoding.makeDecoder()`, "
            f"{d['iterations']} alternating runs each after a warm-up. Client used: "
            f"{results.get('decoding_source', 'working tree')}"
            + (f" (the working tree's `Generated/OryKratos` did not compile at the time — other engineers' work in "
               f"progress: `{results.get('decoding_build_error')}`)" if results.get("decoding_build_error") else "")
            + ":")
        add("")
        add("| model | median |")
        add("|---|---|")
        add(f"| generated `[OryKratos.Identity]` | {float(d['generated_ms']):.1f} ms |")
        add(f"| hand-written `Codable` structs, same shape | {float(d['handwritten_ms']):.1f} ms |")
        add(f"| **ratio generated / hand-written** | **{float(d['ratio']):.3f}** |")
        add("")
        add("The hand-written models (`Benchmarks/Decoding/Sources/DecodingBenchmark/HandWritten.swift`) have "
            "the same fields and Swift types, synthesized `Codable` with `CodingKeys`, and `String`-backed enums "
            "where Kiln generates open enums (`unknown(String)`, decoded through a single-value container); the "
            "free-form members (traits, metadata, credential config) use the common hand-written any-JSON enum, "
            "decoded the same way as Kiln's `JSONValue`. Both decode through the same decoder and date strategy.")
    else:
        add("Not run or failed: " + (d.get("output") or "")[-500:])
    add("")

    # Targets
    add("## Issue 16 targets")
    add("")
    add("Benchmarks, not timed tests. “Miss” is how far the measured value is from the target when it is not met.")
    add("")
    add("| target | measured | met? | miss |")
    add("|---|---|---|---|")
    for target, measured_text, met, miss in evaluate_issue16_targets(results):
        add(f"| {target} | {measured_text} | {'yes' if met else ('no' if met is not None else 'not measured')} | {miss} |")
    add("")
    add("## Earlier targets")
    add("")
    add("| target | measured | met? |")
    add("|---|---|---|")
    for target, measured_text, met in evaluate_targets(results):
        add(f"| {target} | {measured_text} | {'yes' if met else ('no' if met is not None else 'n/a')} |")
    add("")

    # Profile
    add("## Profile: where Kiln spends its instructions (callgrind)")
    add("")
    cg = results.get("callgrind", {})
    if not cg:
        add("Not run.")
    for name, profile in cg.items():
        total = profile.get("total") or 1
        add(f"### `kiln generate` on {spec_label(name)}: {total / 1e9:.2f} G instructions")
        add("")
        add("Top functions by exclusive (self) instruction count, any library:")
        add("")
        add("| Ir (self) | % | function | object |")
        add("|---|---|---|---|")
        for count, fn, obj in sorted(profile["exclusive"], key=lambda row: -row[0])[:15]:
            add(f"| {count / 1e6:,.1f} M | {100 * count / total:.1f} | `{fn.replace('|', '/')}` | {obj} |")
        add("")
        add("Kiln's own functions by inclusive count (callees included):")
        add("")
        add("| Ir (incl.) | % | function |")
        add("|---|---|---|")
        shown = 0
        for count, fn, obj in profile["inclusive"]:
            if fn in ("kiln_main", "main") or fn.startswith("(below") or "ParsableCommand" in fn:
                continue
            add(f"| {count / 1e6:,.1f} M | {100 * count / total:.1f} | `{fn.replace('|', '/')}` |")
            shown += 1
            if shown >= 20:
                break
        add("")
    notes = ROOT / "Benchmarks" / "HOTSPOTS.md"
    if notes.exists():
        add(notes.read_text().strip())
        add("")

    # Patches
    add("## Patches applied to make peers run")
    add("")
    add("1. **Kratos v26.2.0 spec, for swift-openapi-generator** (`kratos-patched`, and the synthetic specs, and "
        "`ory-client-patched`): POST /self-service/settings requires `sessionToken`, which "
        "`components.securitySchemes` does not define. swift-openapi-generator rejects the document "
        "(`Each key found in a Security Requirement dictionary must refer to a Security Scheme present in the "
        "Components dictionary`); Kiln warns and goes on; openapi-generator ignores it. The patch adds, under "
        "`components.securitySchemes`:")
    add("")
    add("   ```yaml")
    for line in SESSION_TOKEN_YAML.rstrip().splitlines():
        add("   " + line)
    add("   ```")
    add("")
    add("2. **openapi-generator swift6 output for Kratos**: it does not compile — the discriminated `oneOf` "
        "`UiNodeAttributes` becomes an enum followed by `extension UiNodeAttributes: Identifiable {}`, and the "
        "enum has no `id`. Deleting that one line (the bench does it for every type the compiler names) makes "
        "the module compile; the compile figures for openapi-generator are of that patched output.")
    add("")
    add("3. openapi-generator needs `-DmaxYamlCodePoints` for specs over 3 MB (not a code change).")
    add("")

    # Builds
    clean = b.get("kiln-clean-release")
    if clean:
        add(f"Kiln's own clean release build (`swift build -c release --product kiln`, fresh scratch directory, "
            f"dependencies resolved from the local mirror and built): {fmt_time(clean['wall'])} "
            f"(peak RSS {fmt_mb(clean['rss_kb'])}), one sample.")
        add("")
    add("## Headline")
    add("")
    add("```")
    add(headline(results)[0])
    add("```")
    add("")
    REPORT.write_text("\n".join(lines) + "\n")


def write_release_section(results: dict, add) -> None:
    group = results.get("compile", {}).get("kratos-release")
    add("## Release builds of the generated Kratos module (`-c release`)")
    add("")
    if not group:
        add("Not run.")
        add("")
        return
    add("`swift build -c release --target T` of the generated module alone, one sample each, after the same "
        "module's objects were deleted; sog's dependencies (swift-openapi-runtime, -urlsession) built in release "
        "beforehand, so the figure is the generated module alone. Kiln and openapi-generator on the shipped spec, "
        "sog on the `sessionToken`-patched one, as in the debug table.")
    add("")
    add("| client | build time (wall) | CPU user+sys | peak compiler RSS | Swift files | note |")
    add("|---|---|---|---|---|---|")
    for label, record in group.items():
        if label.startswith("_"):
            continue
        st = compile_stats(results, "kratos-release", label)
        note = f"output patched: {st['patch']}" if st.get("patch") else ""
        if st["ok"]:
            add(f"| {label} | {fmt_time(st['wall'])} | {fmt_time(st['cpu'])} | {fmt_mb(st['rss'])} | "
                f"{record.get('files', '—')} | {note} |")
        else:
            add(f"| {label} | **fails** | — | — | {record.get('files', '—')} | `{st.get('error')}` |")
    k, s_, o = (compile_stats(results, "kratos-release", l) for l in ("Kiln · Kratos", "sog · Kratos patched", "oag · Kratos"))
    add("")
    for other, name in ((s_, "swift-openapi-generator"), (o, "openapi-generator swift6 (patched output)")):
        if k and other and k.get("ok") and other.get("ok"):
            add(f"- Release compile ratio Kiln / {name}: **{k['wall'] / other['wall']:.3f}** "
                f"(CPU-time ratio {k['cpu'] / other['cpu']:.3f}).")
    add("")


def incremental_stats(results: dict):
    inc = results.get("incremental")
    if not inc or not inc.get("samples"):
        return None
    ok = [s for s in inc["samples"] if s["ok"]]
    return {"ok": bool(ok) and inc.get("ok"), "wall": median([s["wall"] for s in ok]) if ok else None,
            "cpu": median([s["cpu"] for s in ok]) if ok else None,
            "changed": max(len(s["changed"]) + len(s["added"]) + len(s["removed"]) for s in inc["samples"]),
            "touched": max(len(s["touched"]) for s in inc["samples"]), "n": len(ok)}


def write_incremental_section(results: dict, add) -> None:
    inc = results.get("incremental")
    add("## Incremental rebuild after changing one schema (Kiln, Kratos)")
    add("")
    if not inc:
        add("Not run.")
        add("")
        return
    if not inc.get("samples"):
        add(f"The first build of the generated module failed: `{inc.get('error')}`.")
        add("")
        return
    st = incremental_stats(results)
    add(f"The description of schema `{inc['schema']}` in `spec/ory-kratos.yaml` is changed (a sentence added, then "
        "removed, then added again: three changes), and after each change Kiln regenerates into the module's own "
        f"source directory ({inc['files']} Swift files), as a user's build would; then `swift build` (debug) rebuilds "
        "the module incrementally — it had been built before the change. Kiln keeps unchanged files as they were "
        "(hard links, same timestamps), so only the files whose text changed are new to the build system.")
    add("")
    add("| change | generated files changed | files rewritten (new timestamp) | rebuild wall | rebuild CPU |")
    add("|---|---|---|---|---|")
    for index, sample in enumerate(inc["samples"], 1):
        names = sample["changed"] + [f"+{p}" for p in sample["added"]] + [f"−{p}" for p in sample["removed"]]
        shown = ", ".join(f"`{n}`" for n in names[:5]) + (" …" if len(names) > 5 else "")
        add(f"| {index} | {len(names)} ({shown}) | {len(sample['touched'])} | "
            f"{fmt_time(sample['wall']) if sample['ok'] else 'fails'} | {fmt_time(sample['cpu'])} |")
    add("")
    add(f"Median rebuild {fmt_time(st['wall'])} (CPU {fmt_time(st['cpu'])}); for scale: the module's first full "
        f"build in this slot took {fmt_time(inc['full_build']['wall'])} and a no-op `swift build` "
        f"{fmt_time(inc['noop_build'])} (SwiftPM's own floor, included in every rebuild figure).")
    add("")


def real_specs(results: dict) -> list[str]:
    return [n for n in REAL_SIZES if n in results.get("generation", {})]


def write_real_section(results: dict, add) -> None:
    names = real_specs(results)
    add("## Real-shaped documents (0.3, 3, 20 MB)")
    add("")
    if not names:
        add("Not run.")
        add("")
        return
    add("`Benchmarks/synthesize.py real SIZE` writes an OpenAPI 3.1 document shaped like the large public APIs in "
        "`Tests/Specs/real/` (Asana, Discord, Adyen): long Markdown descriptions, inline objects three levels deep, "
        "inline enums, arrays of inline objects, `type: [T, \"null\"]`, `allOf`, discriminated `oneOf`, parameters in "
        "path, query, header and cookie, hundreds of tags at the larger sizes (proportions and reasons: "
        f"`Benchmarks/README.md`). Seed {REAL_SEED}; the documents are the same bytes on every run. Generation: "
        "warm-up + rounds with rotation (0.3 MB: 3 rounds; 3 MB: 2; 20 MB: 1 without warm-up); compile: one debug "
        "build of the generated module alone per generator and size (n = 1), with a time limit; a generator whose "
        "build at the smaller size predicts (time × size ratio) more than the limit is not started.")
    add("")
    add("| document | generator | generation wall | generation CPU | generator RSS | Swift files | compile wall (debug) | compile CPU | compiler RSS |")
    add("|---|---|---|---|---|---|---|---|---|")
    for name in names:
        gen = results["generation"][name]
        label = f"{spec_label(name)}, {gen['_spec_bytes'] / 1e6:.2f} MB, {gen.get('_shape', '')}".rstrip(", ")
        for g in ("kiln", "sog", "oag"):
            st = gen_stats(results, name, g)
            if st is None:
                continue
            c_label = f"{'Kiln' if g == 'kiln' else g} · {name}"
            record = results.get("compile", {}).get(name, {}).get(c_label, {})
            cs = compile_stats(results, name, c_label)
            if st["ok"]:
                gen_cells = f"{fmt_time(st['wall'])} | {fmt_time(st['cpu'])} | {fmt_mb(st['rss'])}"
            else:
                gen_cells = f"**fails**: `{st.get('error')}` | — | —"
            if cs is None:
                comp_cells = "not run | — | —"
            elif cs["ok"]:
                comp_cells = f"{fmt_time(cs['wall'])} | {fmt_time(cs['cpu'])} | {fmt_mb(cs['rss'])}" + (
                    f" (output patched: {cs['patch']})" if cs.get("patch") else "")
            else:
                comp_cells = f"{'**fails**: ' if not record.get('skipped') else ''}{cs.get('error')} | — | —"
            add(f"| {label} | {GENERATORS[g]} | {gen_cells} | {record.get('files', '—')} | {comp_cells} |")
            label = ""
    add("")
    for name in names:
        for g in ("sog", "oag"):
            k, o = gen_stats(results, name, "kiln"), gen_stats(results, name, g)
            if k and o and k.get("ok") and o.get("ok"):
                add(f"- {spec_label(name)}: generation CPU ratio Kiln/{g} {k['cpu'] / o['cpu']:.3f}, wall {k['wall'] / o['wall']:.3f}.")
    add("")
    chart = write_chart(results)
    if chart:
        add(f"![Generation and compile time against document size]({chart.relative_to(ROOT)})")
        add("")
        add(f"`{chart.relative_to(ROOT)}`, written by the benchmark: log–log, wall times (generation: median; "
            "compile: one debug build); a hollow marker at the limit means the build was stopped or not started.")
        add("")


CHART = ROOT / "Benchmarks" / "real-shaped.svg"
SERIES = (("kiln", "Kiln", "#d1495b"), ("sog", "swift-openapi-generator", "#00798c"), ("oag", "openapi-generator swift6", "#edae49"))


def chart_points(results: dict, kind: str) -> dict:
    """gen -> [(MB, seconds, solid?)]: measured points solid; stopped or not started hollow at the limit."""
    points = {g: [] for g, _, _ in SERIES}
    for name in real_specs(results):
        mb = results["generation"][name]["_spec_bytes"] / 1e6
        for g, _, _ in SERIES:
            if kind == "generate":
                st = gen_stats(results, name, g)
                if st and st["ok"]:
                    points[g].append((mb, st["wall"], True))
                elif st and "time limit" in (st.get("error") or ""):
                    points[g].append((mb, GENERATION_LIMIT_S, False))
            else:
                record = results.get("compile", {}).get(name, {}).get(f"{'Kiln' if g == 'kiln' else g} · {name}")
                if not record:
                    continue
                if record.get("ok") and record.get("walls"):
                    points[g].append((mb, median(record["walls"]), True))
                elif record.get("timed_out") or record.get("skipped"):
                    points[g].append((mb, COMPILE_LIMITS_S.get(name, 900), False))
    return points


def write_chart(results: dict) -> Path | None:
    """Two log-log panels (generation, compile) as a self-contained SVG; no plotting library needed."""
    import math
    panels = [("Generation time (wall, median)", chart_points(results, "generate")),
              ("Debug build of the generated module (wall)", chart_points(results, "compile"))]
    values = [p for _, pts in panels for series in pts.values() for p in series]
    if not values:
        return None
    width, height, pad_l, pad_r, pad_t, pad_b = 460, 320, 64, 16, 40, 48
    xs = [math.log10(mb) for mb, _, _ in values]
    x_lo, x_hi = math.floor(min(xs) * 2) / 2 - 0.1, math.ceil(max(xs) * 2) / 2 + 0.1
    ys = [math.log10(max(sec, 0.01)) for _, sec, _ in values]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width}" height="{height + 40}" '
           f'font-family="sans-serif" font-size="12">', f'<rect width="{2 * width}" height="{height + 40}" fill="white"/>']
    for index, (title, pts) in enumerate(panels):
        panel_ys = [math.log10(max(sec, 0.01)) for series in pts.values() for _, sec, _ in series] or ys
        y_lo, y_hi = math.floor(min(panel_ys)), math.ceil(max(panel_ys))
        if y_hi == y_lo:
            y_hi += 1
        ox = index * width
        px = lambda v: ox + pad_l + (math.log10(v) - x_lo) / (x_hi - x_lo) * (width - pad_l - pad_r)
        py = lambda v: pad_t + (y_hi - math.log10(max(v, 0.01))) / (y_hi - y_lo) * (height - pad_t - pad_b)
        out.append(f'<text x="{ox + width / 2}" y="20" text-anchor="middle" font-weight="bold">{title}</text>')
        for e in range(y_lo, y_hi + 1):
            y = py(10 ** e)
            out.append(f'<line x1="{ox + pad_l}" y1="{y:.1f}" x2="{ox + width - pad_r}" y2="{y:.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{ox + pad_l - 6}" y="{y + 4:.1f}" text-anchor="end">{fmt_time(10 ** e)}</text>')
        for mb in sorted({round(mb, 2) for series in pts.values() for mb, _, _ in series}):
            x = px(mb)
            out.append(f'<line x1="{x:.1f}" y1="{pad_t}" x2="{x:.1f}" y2="{height - pad_b}" stroke="#eee"/>')
            out.append(f'<text x="{x:.1f}" y="{height - pad_b + 16}" text-anchor="middle">{mb:g} MB</text>')
        out.append(f'<text x="{ox + width / 2}" y="{height - 8}" text-anchor="middle">document size (log)</text>')
        out.append(f'<rect x="{ox + pad_l}" y="{pad_t}" width="{width - pad_l - pad_r}" '
                   f'height="{height - pad_t - pad_b}" fill="none" stroke="#888"/>')
        for g, _, color in SERIES:
            series = sorted(pts[g])
            solid = [(px(mb), py(sec)) for mb, sec, ok in series if ok]
            if len(solid) > 1:
                out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="'
                           + " ".join(f"{x:.1f},{y:.1f}" for x, y in solid) + '"/>')
            for mb, sec, ok in series:
                fill = color if ok else "white"
                out.append(f'<circle cx="{px(mb):.1f}" cy="{py(sec):.1f}" r="4.5" fill="{fill}" stroke="{color}" stroke-width="2"/>')
    for index, (_, name, color) in enumerate(SERIES):
        x = 40 + index * 260
        out.append(f'<circle cx="{x}" cy="{height + 22}" r="5" fill="{color}"/>')
        out.append(f'<text x="{x + 10}" y="{height + 26}">{name}</text>')
    out.append(f'<text x="{2 * width - 10}" y="{height + 26}" text-anchor="end" fill="#666">hollow: stopped at / not started for the time limit</text>')
    out.append("</svg>")
    CHART.write_text("\n".join(out) + "\n")
    return CHART


def speed(r: float) -> str:
    return f"Kiln {1 / r:.1f}× faster" if r <= 1 else f"Kiln {r:.2f}× slower"


def spec_label(name: str) -> str:
    if name.startswith("real-"):
        return f"real-shaped {name.removeprefix('real-')} MB"
    return {"kratos": "Kratos v26.2.0", "kratos-patched": "Kratos v26.2.0 (patched)",
            "ory-client": "Ory client v1.6.2", "ory-client-patched": "Ory client v1.6.2 (patched)"}.get(
        name, f"synthetic ×{name[1:]}" if name.startswith("x") else name)


def cell(stats):
    if stats is None:
        return "—"
    if not stats["ok"]:
        return "**fails**"
    return f"{fmt_time(stats['wall'])} (CPU {fmt_time(stats['cpu'])}), {fmt_mb(stats['rss'])}"


def cell_time(stats):
    if stats is None:
        return "—"
    return fmt_time(stats["wall"]) if stats.get("ok") else "fails"


def evaluate_issue16_targets(results):
    """(target, measured, met or None when not measured, miss) for each target of issue 16."""
    rows = []

    def check(target, value, limit, shown, unit_miss):
        if value is None:
            rows.append((target, "not measured", None, "—"))
        else:
            met = value <= limit
            rows.append((target, shown, met, "—" if met else unit_miss(value, limit)))

    over = lambda v, l: f"{v / l:.2f}× the target (+{100 * (v / l - 1):.0f} %)"
    seconds = lambda v, l: f"{fmt_time(v - l)} over ({over(v, l)})"
    megabytes = lambda v, l: f"{(v - l) / 1024:.0f} MB over ({over(v, l)})"
    kc = compile_stats(results, "kratos", "Kiln · Kratos")
    kcp = compile_stats(results, "kratos", "Kiln · Kratos patched")
    oc = compile_stats(results, "kratos", "oag · Kratos")
    sc = compile_stats(results, "kratos", "sog · Kratos patched")
    ok = lambda st: st if st and st.get("ok") else None
    r = ratio(ok(kc) and kc["wall"], ok(oc) and oc["wall"])
    check("Kratos module debug build ≤ 0.6× openapi-generator swift6's (patched output), same run", r, 0.6,
          r and f"{r:.3f} ({fmt_time(kc['wall'])} vs {fmt_time(oc['wall'])})", lambda v, l: f"ratio {v - l:.2f} over ({over(v, l)})")
    r = ratio(ok(kcp) and kcp["wall"], ok(sc) and sc["wall"])
    check("Kratos module debug build ≤ 0.25× swift-openapi-generator's, same run", r, 0.25,
          r and f"{r:.3f} ({fmt_time(kcp['wall'])} vs {fmt_time(sc['wall'])})", lambda v, l: f"ratio {v - l:.2f} over ({over(v, l)})")
    check("Kratos module: peak compiler RSS ≤ 300 MB", ok(kc) and kc["rss"], 300 * 1024,
          ok(kc) and fmt_mb(kc["rss"]), megabytes)
    g3 = gen_stats(results, "real-3", "kiln")
    check("Real-shaped 3 MB: generation ≤ 0.3 s CPU", ok(g3) and g3["cpu"], 0.3,
          ok(g3) and f"{fmt_time(g3['cpu'])} CPU (wall {fmt_time(g3['wall'])})", seconds)
    c3 = compile_stats(results, "real-3", "Kiln · real-3")
    c3_record = results.get("compile", {}).get("real-3", {}).get("Kiln · real-3", {})
    if c3 and not c3.get("ok") and c3_record.get("timed_out"):
        rows.append(("Real-shaped 3 MB: module debug build ≤ 60 s", f"over {fmt_time(c3_record.get('wall_at_kill'))} (stopped at the limit)", False, "at least " + over(c3_record.get("wall_at_kill"), 60)))
    else:
        check("Real-shaped 3 MB: module debug build ≤ 60 s", ok(c3) and c3["wall"], 60,
              ok(c3) and f"{fmt_time(c3['wall'])} (CPU {fmt_time(c3['cpu'])})", seconds)
    check("Real-shaped 3 MB: peak compiler RSS ≤ 1 GB", ok(c3) and c3["rss"], 1024 * 1024, ok(c3) and fmt_mb(c3["rss"]), megabytes)
    g20 = gen_stats(results, "real-20", "kiln")
    check("Real-shaped 20 MB: generation ≤ 2 s (CPU; wall shown too)", ok(g20) and g20["cpu"], 2.0,
          ok(g20) and f"{fmt_time(g20['cpu'])} CPU (wall {fmt_time(g20['wall'])})", seconds)
    size20 = results.get("generation", {}).get("real-20", {}).get("_spec_bytes")
    limit = size20 and (2 * size20 / 1024 + 30 * 1024)
    check("Real-shaped 20 MB: generator RSS ≤ 2× the file + 30 MB" + (f" ({limit / 1024:.0f} MB)" if limit else ""),
          ok(g20) and g20["rss"], limit or 0, ok(g20) and fmt_mb(g20["rss"]), megabytes)
    inc = incremental_stats(results)
    check("One schema's description changed: Kratos module rebuild ≤ 3 s", inc and inc["ok"] and inc["wall"], 3.0,
          inc and inc["ok"] and f"{fmt_time(inc['wall'])} ({inc['changed']} generated file(s) changed)", seconds)
    return rows


def evaluate_targets(results):
    out = []
    k = gen_stats(results, "kratos", "kiln")
    kp = gen_stats(results, "kratos-patched", "kiln")
    s = gen_stats(results, "kratos-patched", "sog")
    o = gen_stats(results, "kratos", "oag")
    if k and k["ok"]:
        out.append(("Kratos generation ≤ 50 ms (median, whole process)", fmt_time(k["wall"]), k["wall"] <= 0.050))
    if kp and s and kp.get("ok") and s.get("ok"):
        x = s["wall"] / kp["wall"]
        out.append(("≥ 25× faster than swift-openapi-generator (Kratos patched)", f"{x:.1f}×", x >= 25))
    if k and o and k.get("ok") and o.get("ok"):
        x = o["wall"] / k["wall"]
        out.append(("≥ 100× faster than openapi-generator swift6 (Kratos)", f"{x:.1f}×", x >= 100))
    gen = results.get("generation", {})
    sizes = [(gen[f"x{f}"]["_spec_bytes"], gen_stats(results, f"x{f}", "kiln"), f) for f in (1, 2, 4, 8, 10, 16, 64)
             if f"x{f}" in gen]
    sizes = [(b, st, f) for b, st, f in sizes if st and st.get("ok")]
    three = min(sizes, key=lambda item: abs(item[0] - 3e6), default=None)
    if three:
        out.append((f"~3 MB spec ≤ 0.5 s (×{three[2]}, {three[0] / 1e6:.1f} MB)", fmt_time(three[1]["wall"]),
                    three[1]["wall"] <= 0.5))
    if len(sizes) >= 3:
        per_mb = [(f, st["cpu"] / (b / 1e6)) for b, st, f in sizes]
        small = next((v for f, v in per_mb if f == 4), per_mb[0][1])
        worst = max(per_mb, key=lambda item: item[1])
        out.append(("linear growth (CPU s/MB roughly constant; worst ≤ 2× that of ×4)",
                    ", ".join(f"×{f}: {v * 1000:.0f} ms/MB" for f, v in per_mb), worst[1] <= 2 * small))
    kc = compile_stats(results, "kratos", "Kiln · Kratos")
    sc = compile_stats(results, "kratos", "sog · Kratos patched")
    kcp = compile_stats(results, "kratos", "Kiln · Kratos patched")
    if kc and kc.get("ok"):
        out.append(("Kratos client debug build of the module alone ≤ 8 s", fmt_time(kc["wall"]), kc["wall"] <= 8))
        out.append(("peak compiler RSS ≤ 400 MB", fmt_mb(kc["rss"]), kc["rss"] <= 400 * 1024))
    if kcp and sc and kcp.get("ok") and sc.get("ok"):
        x = sc["wall"] / kcp["wall"]
        out.append(("build ≥ 4× faster than sog's output", f"{x:.1f}×", x >= 4))
    clean = results.get("builds", {}).get("kiln-clean-release")
    if clean:
        out.append(("Kiln's own clean build (all deps) ≤ 90 s", fmt_time(clean["wall"]) + " (release, `kiln` product)",
                    clean["wall"] <= 90))
    for b, st, f in sizes:
        limit = 5 * b / 1024 + 30 * 1024
        if f in (1, 16, 64):
            out.append((f"generator peak RSS ≤ 5× spec + 30 MB (×{f}: limit {limit / 1024:.0f} MB)", fmt_mb(st["rss"]),
                        st["rss"] <= limit))
    if k and k.get("ok"):
        limit = 5 * gen["kratos"]["_spec_bytes"] / 1024 + 30 * 1024
        out.append((f"generator peak RSS, Kratos (limit {limit / 1024:.1f} MB)", f"{k['rss'] / 1024:.1f} MB", k["rss"] <= limit))
    return out


# ----------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and sizes, no clean build")
    parser.add_argument("--report-only", action="store_true", help="re-render BENCHMARKS.md from results.json")
    parser.add_argument("--skip", default="",
                        help="comma-separated steps to skip: build,generate,io,compile,release,incremental,decode,profile")
    parser.add_argument("--ory-client", action="store_true", help="also the Ory client v1.6.2 spec (generation, compile)")
    parser.add_argument("--sizes", default="", help="real-shaped sizes to run, in MB (default 0.3,3,20; --quick: 0.3)")
    parser.add_argument("--compile-groups", default="", help="with --skip: re-run only these compile groups (kratos,ory-client,kratos-release,real-0.3,real-3,real-20)")
    args = parser.parse_args()
    COMPILE_GROUPS.update(filter(None, args.compile_groups.split(",")))
    SIZE_FILTER.update(filter(None, args.sizes.split(",")))
    global WITH_ORY_CLIENT
    WITH_ORY_CLIENT = args.ory_client
    SKIP_PARTS.update(filter(None, args.skip.split(",")))
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "logs").mkdir(exist_ok=True)

    if args.report_only:
        results = load_results()
    else:
        skip = set(filter(None, args.skip.split(",")))
        results = load_results() if skip else {}
        if not skip:  # a partial re-run keeps the full run's machine record
            results["mode"] = "--quick" if args.quick else "full"
            results["machine"] = machine_info()
        else:
            results.setdefault("partial_reruns", []).append(
                {"date": dt.datetime.now().strftime("%H:%M"), "skipped": sorted(skip),
                 "compile_groups": sorted(COMPILE_GROUPS)})
        started = time.perf_counter()
        if "build" not in skip:
            build_all(results, args.quick)
        specs = prepare_specs(args.quick)
        for step, run in (("generate", run_generation), ("io", run_output_io), ("compile", run_compiles),
                          ("incremental", run_incremental),
                          ("decode", lambda r, s, q: run_decoding(r, q)), ("profile", run_callgrind)):
            if step in skip:
                continue
            try:
                run(results, specs, args.quick)
            except Exception as error:  # record and go on: one broken step should not cost the others
                log(f"step {step} failed: {error}")
                results.setdefault("step_errors", {})[step] = str(error)[:500]
                save_results(results)
        if not skip:
            results["machine_end"] = machine_info()
            results["elapsed_s"] = time.perf_counter() - started
        save_results(results)
        log(f"done in {(time.perf_counter() - started) / 60:.1f} min")
    write_report(results)
    print(headline(results)[0])


if __name__ == "__main__":
    main()
