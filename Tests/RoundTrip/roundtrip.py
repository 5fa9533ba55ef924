#!/usr/bin/env python3
"""Schema-fidelity round trip: JSON instances of every component schema -> Swift -> JSON again.

For each spec and each of its component schemas:
  1. generate up to --count distinct JSON instances from the schema with hypothesis-jsonschema,
     deterministically (instances.py; schema conversion and generation-only adaptations in
     schemas.py);
  2. generate the Swift client with kiln into a throwaway package, plus a runner that decodes each
     instance with `JSONCoding.makeDecoder()` into the schema's Swift type and encodes it again with
     `JSONCoding.makeEncoder()` (swiftpkg.py); one debug build and one process run per spec;
  3. check that the output validates against the schema and equals the input up to member order,
     number formatting, date-time instants and base64 (compare.py).
Prints the failures grouped by schema and by kind, one line per spec, and last
`roundtrip: N passed, M failed` (instances of all specs). Exits 1 when M > 0.

Run it through scripts/roundtrip, which installs the pinned Python packages and builds kiln; see
`--help` for narrowing the run to a spec or schemas.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import threading
import time
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    # Reproducible member order in generated objects (see instances.py): restart with a fixed hash seed.
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]])

from compare import Comparer, Difference, ascii_pointer, short, validation_errors  # noqa: E402
from instances import generate_checked  # noqa: E402
from schemas import MAX_RECURSION, Spec  # noqa: E402
from swiftpkg import SwiftPackage, discover_types  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


@dataclass
class SpecEntry:
    key: str
    path: str  # relative to the repository root
    module: str
    title: str

    def resolved(self) -> str:
        return os.path.normpath(os.path.join(REPO, self.path))

    def display(self) -> str:
        return self.path


SPECS = [
    SpecEntry("kratos", "spec/ory-kratos.yaml", "RoundTripKratos", "Kratos v26.2.0"),
    SpecEntry("ory", "Tests/Specs/ory-client-v1.6.2.json", "RoundTripOry", "Ory client v1.6.2"),
]


@dataclass
class Outcome:
    spec: str
    schema: str
    index: int
    instance: Any
    passed: bool = False
    stage: Optional[str] = None  # generate | build | registry | decode | encode | crash | output
    error: Optional[str] = None
    error_path: Optional[str] = None
    output: Any = None
    invalid: List[str] = field(default_factory=list)
    differences: List[Difference] = field(default_factory=list)

    def kinds(self) -> List[str]:
        if self.stage:
            return [f"{self.stage}: {normalize_message(self.error or '')}"]
        found = []
        for difference in self.differences:
            kind = re.sub(r"by [-+0-9.e]+ s", "by <delta>", difference.kind)
            if kind not in found:
                found.append(kind)
        if self.invalid:
            found.append("output invalid against the schema")
        return found

    def describe(self) -> str:
        if self.stage:
            where = f" at {self.error_path}" if self.error_path else ""
            return f"{self.stage} error{where}: {self.error}"
        parts = []
        if self.differences:
            first = self.differences[0]
            more = f" (+{len(self.differences) - 1} more differences)" if len(self.differences) > 1 else ""
            parts.append(f"first difference {first.describe()}{more}")
        if self.invalid:
            parts.append("output invalid: " + "; ".join(self.invalid))
        return "; ".join(parts)


def cache_key(spec_path: str, names: List[str], count: int, max_examples: int) -> str:
    """Instances depend on the spec, the harness's generation code, the pinned packages and the
    options only, so they are cached under .build-roundtrip/work/ between runs (CI starts fresh)."""
    digest = hashlib.sha256()
    for path in [spec_path] + [os.path.join(HERE, f) for f in ("schemas.py", "instances.py", "requirements.txt")]:
        with open(path, "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    digest.update(json.dumps([names, count, max_examples, sys.version_info[:2]]).encode())
    return digest.hexdigest()[:16]


def load_json(path: str) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def save_json(path: str, value: Any) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False)
    os.replace(path + ".tmp", path)


def normalize_message(message: str) -> str:
    message = re.sub(r'"(?:[^"\\]|\\.)*"', '"…"', message)
    message = re.sub(r"\b\d+\b", "N", message)
    return message[:200]


def normalize_pointer(pointer: Optional[str]) -> str:
    return re.sub(r"/\d+(?=/|$)", "/*", pointer or "")


def log(message: str) -> None:
    print(message, flush=True)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kiln", required=True, help="the kiln executable")
    parser.add_argument("--workdir", default=os.path.join(REPO, ".build-roundtrip", "work"),
                        help="where the Swift packages and case files go (default .build-roundtrip/work)")
    parser.add_argument("--spec", action="append", choices=[s.key for s in SPECS],
                        help="only this spec (repeatable)")
    parser.add_argument("--schema", action="append", help="only this component schema (repeatable)")
    parser.add_argument("--count", type=int, default=20, help="distinct instances per schema (default 20)")
    parser.add_argument("--max-examples", type=int, default=None,
                        help="Hypothesis examples to draw per schema at most (default 2 x count)")
    parser.add_argument("--show", type=int, default=2, help="failures printed per schema (default 2)")
    parser.add_argument("--report", default=None,
                        help="JSON report of every failure (default .build-roundtrip/roundtrip-report.json)")
    args = parser.parse_args(argv)
    max_examples = args.max_examples or 2 * args.count
    report_path = args.report or os.path.join(os.path.dirname(os.path.abspath(args.workdir)), "roundtrip-report.json")
    started = time.monotonic()

    entries = [s for s in SPECS if not args.spec or s.key in args.spec]
    specs: Dict[str, Spec] = {}
    packages: Dict[str, SwiftPackage] = {}
    setup_errors: Dict[str, str] = {}
    for entry in entries:
        path = entry.resolved()
        if not os.path.exists(path):
            log(f"roundtrip: error: {path} not found (the spec corpus is part of the repository)")
            return 2
        specs[entry.key] = Spec(path, entry.title)
        package = SwiftPackage(os.path.join(args.workdir, entry.key), entry.module)
        ok, message = package.generate(args.kiln, path)
        if not ok:
            setup_errors[entry.key] = f"generate: {message}"
        else:
            package.registry = discover_types(package.module_dir, entry.module, specs[entry.key].names)
            package.nullable_schemas = specs[entry.key].nullable_names
            if message:
                log(f"[{entry.key}] kiln: {message}")
        packages[entry.key] = package

    # Swift builds run in the background (one after the other) while Python generates instances.
    build_results: Dict[str, tuple] = {}

    def build_all() -> None:
        for entry in entries:
            if entry.key in setup_errors:
                continue
            log_path = os.path.join(args.workdir, f"{entry.key}-build.log")
            build_results[entry.key] = packages[entry.key].build(log_path)

    builder = threading.Thread(target=build_all, daemon=True)
    builder.start()

    all_instances: Dict[str, "OrderedDict[str, List[Any]]"] = {}
    notes: List[str] = []
    few: Dict[str, List[str]] = defaultdict(list)
    for entry in entries:
        spec = specs[entry.key]
        names = [n for n in spec.names if not args.schema or n in args.schema]
        t0 = time.monotonic()
        cache_path = os.path.join(args.workdir, f"{entry.key}-instances-{cache_key(spec.path, names, args.count, max_examples)}.json")
        cached = load_json(cache_path)
        problems_by_schema: Dict[str, List[str]] = {}
        per_schema: "OrderedDict[str, List[Any]]" = OrderedDict()
        for name in names:
            if cached is not None:
                instances, problems = cached["instances"][name], cached["problems"][name]
            else:
                try:
                    instances, problems = generate_checked(spec.generation_schema(name), spec.validator(name),
                                                           args.count, max_examples)
                except Exception as error:  # a harness limitation, not a Kiln failure: say so loudly
                    instances, problems = [], [f"generation failed: {type(error).__name__}: {error}"]
                problems_by_schema[name] = problems
            for problem in (cached["problems"][name] if cached is not None else problems):
                notes.append(f"[{entry.key}] {name}: {problem}")
            if len(instances) < args.count:
                few[entry.key].append(f"{name} ({len(instances)})")
            per_schema[name] = instances
        all_instances[entry.key] = per_schema
        if cached is None:
            for stale in os.listdir(args.workdir) if os.path.isdir(args.workdir) else []:
                if stale.startswith(f"{entry.key}-instances-"):
                    os.unlink(os.path.join(args.workdir, stale))
            save_json(cache_path, {"instances": per_schema, "problems": problems_by_schema})
        total = sum(len(v) for v in per_schema.values())
        how = "read from the cache" if cached is not None else "generated"
        log(f"[{entry.key}] {total} instances of {len(names)} schemas {how} in {time.monotonic() - t0:.1f}s")

    builder.join()
    for entry in entries:
        if entry.key in build_results:
            ok, output, seconds = build_results[entry.key]
            log(f"[{entry.key}] swift build ({entry.module}, debug): {'ok' if ok else 'FAILED'} in {seconds:.1f}s")
            if not ok:
                errors = [line.strip() for line in output.splitlines() if re.search(r"(^|: )error: ", line)][:10]
                setup_errors[entry.key] = "build: " + (" | ".join(errors) or output.strip()[-2000:])

    outcomes: List[Outcome] = []
    tolerated: Dict[str, list] = {}
    for entry in entries:
        spec, package = specs[entry.key], packages[entry.key]
        comparer = Comparer(spec)
        cases, pending = [], {}
        for name, instances in all_instances[entry.key].items():
            for index, instance in enumerate(instances):
                outcome = Outcome(entry.key, name, index, instance)
                outcomes.append(outcome)
                if entry.key in setup_errors:
                    outcome.stage, outcome.error = setup_errors[entry.key].split(": ", 1)
                elif name in package.registry.problems:
                    outcome.stage, outcome.error = "registry", package.registry.problems[name]
                elif name in package.excluded:
                    outcome.stage = "registry"
                    outcome.error = f"the runner does not compile with this type: {package.excluded[name]}"
                else:
                    case_id = len(cases)
                    cases.append({"id": case_id, "schema": name,
                                  "json": json.dumps(instance, ensure_ascii=False)})
                    pending[case_id] = outcome
        if not cases:
            continue
        t0 = time.monotonic()
        results = package.run(cases, os.path.join(args.workdir, f"{entry.key}-"))
        log(f"[{entry.key}] ran {len(cases)} cases in {time.monotonic() - t0:.1f}s")
        t0 = time.monotonic()
        for case_id, outcome in pending.items():
            result = results.get(case_id)
            if result is None:
                outcome.stage, outcome.error = "crash", "the runner produced no result"
                continue
            if "output" not in result or result.get("output") is None:
                outcome.stage = result.get("stage", "unknown")
                outcome.error = result.get("error")
                outcome.error_path = result.get("path")
                continue
            try:
                outcome.output = json.loads(result["output"])
            except ValueError as error:
                outcome.stage, outcome.error = "output", f"not JSON ({error}): {result['output'][:200]}"
                continue
            outcome.invalid = validation_errors(spec, outcome.schema, outcome.output)
            outcome.differences = comparer.differences(outcome.schema, outcome.instance, result["output"])
            outcome.passed = not outcome.invalid and not outcome.differences
        log(f"[{entry.key}] compared in {time.monotonic() - t0:.1f}s")
        tolerated[entry.key] = comparer.tolerated_dates
        if comparer.tolerated_uuids:
            schemas = sorted({u[0] for u in comparer.tolerated_uuids})
            notes.append(f"[{entry.key}] {len(comparer.tolerated_uuids)} top-level UUID instances matched case-insensitively "
                         f"(schemas that are a bare Foundation UUID: {', '.join(schemas)})")

    for key, dates in tolerated.items():
        if dates:
            worst = max(dates, key=lambda d: abs(d[4]))
            notes.append(f"[{key}] {len(dates)} date-times matched only within Foundation.Date's resolution "
                         f"(largest: {worst[0]}{ascii_pointer(worst[1])} {worst[2]} -> {worst[3]}, {worst[4]:+.3g} s)")
    report(outcomes, entries, specs, packages, all_instances, notes, few, args, report_path, tolerated)
    passed = sum(1 for o in outcomes if o.passed)
    failed = len(outcomes) - passed
    log(f"(total time {time.monotonic() - started:.0f}s; details in {os.path.relpath(report_path, os.getcwd())})")
    log(f"roundtrip: {passed} passed, {failed} failed")
    return 1 if failed or not outcomes else 0


def report(outcomes, entries, specs, packages, all_instances, notes, few, args, report_path, tolerated) -> None:
    by_schema: "OrderedDict[tuple, List[Outcome]]" = OrderedDict()
    for outcome in outcomes:
        by_schema.setdefault((outcome.spec, outcome.schema), []).append(outcome)

    log("")
    log("== Failures by schema ==")
    whole_spec = {}  # spec -> the generate/build error that failed every one of its instances
    for outcome in outcomes:
        if outcome.stage in ("generate", "build"):
            whole_spec.setdefault(outcome.spec, outcome)
    for spec_key, outcome in whole_spec.items():
        count = sum(1 for o in outcomes if o.spec == spec_key)
        log(f"[{spec_key}] every instance ({count}) failed: {outcome.stage} error: {outcome.error}")
    for (spec_key, schema), group in by_schema.items():
        failures = [o for o in group if not o.passed]
        if not failures or spec_key in whole_spec:
            continue
        swift_type = packages[spec_key].registry.types.get(schema, "no Swift type")
        log(f"[{spec_key}] {schema} ({swift_type}): {len(failures)}/{len(group)} failed")
        shown = 0
        seen_kinds = set()
        for failure in failures:  # one example per distinct kind first
            key = tuple(failure.kinds())
            if key in seen_kinds:
                continue
            seen_kinds.add(key)
            log(f"    #{failure.index} {failure.describe()}")
            log(f"        input: {short(failure.instance, 300)}")
            shown += 1
            if shown >= args.show:
                break

    kinds: Dict[str, List[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if not outcome.passed:
            for kind in outcome.kinds():
                kinds[kind].append(outcome)
    if kinds:
        log("")
        log("== Failure kinds (an instance counts under each kind it shows) ==")
        for kind, group in sorted(kinds.items(), key=lambda item: -len(item[1])):
            schemas = sorted({f"{o.spec}:{o.schema}" for o in group})
            log(f"{kind}: {len(group)} instances in {len(schemas)} schemas")
            if kind.startswith(("generate:", "build:")):
                continue  # the whole spec failed: said once above
            locations = OrderedDict()
            for outcome in group:
                if outcome.stage:
                    where = normalize_pointer(outcome.error_path)
                    locations.setdefault((outcome.spec, outcome.schema, where), outcome)
                else:
                    for difference in outcome.differences:
                        if re.sub(r"by [-+0-9.e]+ s", "by <delta>", difference.kind) == kind:
                            locations.setdefault(
                                (outcome.spec, outcome.schema, normalize_pointer(difference.pointer)),
                                (outcome, difference))
                    if kind == "output invalid against the schema":
                        locations.setdefault((outcome.spec, outcome.schema, ""), outcome)
            for (spec_key, schema, where), example in list(locations.items())[:6]:
                if isinstance(example, tuple):
                    outcome, difference = example
                    log(f"    e.g. [{spec_key}] {schema}{ascii_pointer(where)}: expected {short(difference.expected, 90)}, "
                        f"got {short(difference.got, 90)}")
                elif example.stage:
                    log(f"    e.g. [{spec_key}] {schema} at {where or '/'}: {(example.error or '')[:240]}")
                else:
                    log(f"    e.g. [{spec_key}] {schema}: {'; '.join(example.invalid)[:240]}")
            if len(locations) > 6:
                log(f"    ... and {len(locations) - 6} more schema locations")

    log("")
    log("== Harness notes ==")
    log("Objects that declare properties and say nothing about additionalProperties were generated with "
        "additionalProperties: false (the generated structs model declared properties only); free-form "
        "objects were generated open.")
    for entry in entries:
        spec = specs[entry.key]
        recursive = spec.recursive_names()
        if recursive:
            log(f"[{entry.key}] recursive schemas, cut after {MAX_RECURSION} nested expansions for generation: "
                + ", ".join(recursive))
        if few.get(entry.key):
            log(f"[{entry.key}] schemas with fewer than {args.count} distinct instances (small value sets): "
                + ", ".join(few[entry.key]))
        excluded = packages[entry.key].excluded
        for name, message in excluded.items():
            log(f"[{entry.key}] {name}: left out of the runner, does not compile: {message}")
    for note in notes:
        log(note)

    log("")
    log("== Summary ==")
    for entry in entries:
        group = [o for o in outcomes if o.spec == entry.key]
        passed = sum(1 for o in group if o.passed)
        schemas = {o.schema for o in group}
        failing = {o.schema for o in group if not o.passed}
        log(f"{entry.title} ({entry.display()}, {specs[entry.key].dialect}): {len(schemas)} schemas, "
            f"{len(failing)} with failures; {passed} instances passed, {len(group) - passed} failed")

    data = {
        "specs": {e.key: {"path": e.display(), "title": e.title} for e in entries},
        "failures": [
            {
                "spec": o.spec, "schema": o.schema, "index": o.index,
                "swift_type": packages[o.spec].registry.types.get(o.schema),
                "kinds": o.kinds(), "stage": o.stage, "error": o.error, "error_path": o.error_path,
                "input": o.instance, "output": o.output, "invalid": o.invalid,
                "differences": [
                    {"pointer": d.pointer, "kind": d.kind, "expected": short(d.expected, 10000),
                     "got": short(d.got, 10000)} for d in o.differences
                ],
            }
            for o in outcomes if not o.passed
        ],
        "date_times_within_resolution": {
            key: [{"schema": d[0], "pointer": d[1], "input": d[2], "output": d[3], "delta": d[4]} for d in dates]
            for key, dates in tolerated.items()
        },
        "counts": {"passed": sum(1 for o in outcomes if o.passed),
                   "failed": sum(1 for o in outcomes if not o.passed)},
    }
    os.makedirs(os.path.dirname(os.path.abspath(report_path)), exist_ok=True)
    with open(report_path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    sys.exit(main())
