"""Deterministic JSON instances of a schema, from hypothesis-jsonschema.

`strategy.example()` is random by design, so instead each schema gets a `@given` test run under
`@settings(derandomize=True, database=None)`: Hypothesis then draws from a fixed seed derived from
the test function (the same function for every schema) and reads no example database, so the same
versions of hypothesis and hypothesis-jsonschema (pinned in requirements.txt) produce the same
instances on every machine and every run. Only the generate phase runs (no shrinking, no explicit
or replayed examples). Duplicates are dropped; a schema with fewer distinct valid values than
requested (a small enum, a boolean) gets all of them that Hypothesis finds.

Formats hypothesis-jsonschema does not know are given strategies here:
- `uuid` (and `uuid4`, mapped to `uuid` by schemas.py): canonical lowercase UUIDs;
- `byte`: base64 (RFC 4648, padded) of random bytes;
- `binary` is not generated specially (any string).
`date-time` uses hypothesis-jsonschema's own RFC 3339 strategy (years 0001-9999, optional
fraction of up to 6 digits, `Z` or a `+hh:mm`/`-hh:mm` offset).

Two more things keep the instances a function of (schema, pinned versions) only:
- Hypothesis mixes "local constants" into generated data: literals it reads from the source of
  every non-library module loaded (here: this harness, whose folder `Tests/` it does not treat as
  tests). Editing a log message would change the instances, so that pool is emptied below.
- hypothesis-jsonschema iterates sets of member names, whose order follows Python's per-process
  string hashing; roundtrip.py runs with PYTHONHASHSEED=0 so even member order is reproducible.
Hypothesis keeps its caches in .build-roundtrip/hypothesis (HYPOTHESIS_STORAGE_DIRECTORY), not in
a `.hypothesis/` folder of the working directory.
"""

from __future__ import annotations

import os

os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".build-roundtrip", "hypothesis"),
)

import base64
import json
import warnings
from typing import Any, List, Tuple

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning, NonInteractiveExampleWarning
from hypothesis.internal.conjecture import providers as _hypothesis_providers
from hypothesis_jsonschema import _from_schema as _hjs_internals
from hypothesis_jsonschema import from_schema

# No constants harvested from this harness's own source (see above): the pool stays empty.
_hypothesis_providers._get_local_constants = lambda: _hypothesis_providers._local_constants

# hypothesis-jsonschema re-canonicalises and rebuilds the strategy of every object member on every
# draw (`merged_as_strategies`, called from its object strategy), which makes deep schemas such as
# Kratos' login flow take ~0.2 s per instance. The function is pure (schemas in, an immutable
# strategy out), so it is memoised here for the duration of one `generate` call: the instances are
# identical, about 7x faster. Keyed on the identity of the alphabet and format objects, which one
# `from_schema` call passes down unchanged; the cache is cleared per schema.
_original_merged_as_strategies = _hjs_internals.merged_as_strategies
_strategy_cache: dict = {}


def _memoised_merged_as_strategies(schemas, *, alphabet, custom_formats):
    key = (json.dumps(schemas, sort_keys=True), id(alphabet), id(custom_formats))
    strategy = _strategy_cache.get(key)
    if strategy is None:
        strategy = _original_merged_as_strategies(schemas, alphabet=alphabet, custom_formats=custom_formats)
        _strategy_cache[key] = strategy
    return strategy


_hjs_internals.merged_as_strategies = _memoised_merged_as_strategies

CUSTOM_FORMATS = {
    "uuid": st.uuids().map(str),
    "byte": st.binary(max_size=12).map(lambda raw: base64.b64encode(raw).decode("ascii")),
}


def canonical(value: Any) -> str:
    """A key that tells JSON values apart (and `true` from `1`), independent of key order."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class _Enough(Exception):
    """Raised from the test once enough instances are in, to end the Hypothesis run early."""


#: I-JSON (RFC 7493, section 2.2): integers beyond +/-(2**53 - 1) are not interoperable between
#: JSON implementations, and no API sends them; instances holding one are not used.
I_JSON_INTEGER_LIMIT = 2**53 - 1


def within_i_json(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -I_JSON_INTEGER_LIMIT <= value <= I_JSON_INTEGER_LIMIT
    if isinstance(value, list):
        return all(within_i_json(item) for item in value)
    if isinstance(value, dict):
        return all(within_i_json(item) for item in value.values())
    return True


def generate(schema: Any, count: int, max_examples: int) -> List[Any]:
    """Up to `count` distinct instances of `schema`, the same on every run."""
    _strategy_cache.clear()
    strategy = from_schema(schema, custom_formats=CUSTOM_FORMATS)
    seen = set()
    found: List[Any] = []

    @settings(
        derandomize=True,
        database=None,
        max_examples=max_examples,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
        print_blob=False,
    )
    @given(strategy)
    def collect(value: Any) -> None:
        if len(found) >= count:
            raise _Enough()
        if not within_i_json(value):
            return
        key = canonical(value)
        if key not in seen:
            seen.add(key)
            found.append(value)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HypothesisWarning)
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        try:
            collect()
        except _Enough:
            pass
    _strategy_cache.clear()
    return found


def generate_checked(schema: Any, validator, count: int, max_examples: int) -> Tuple[List[Any], List[str]]:
    """Instances that also pass the validation form of the schema, and a note per one that did not
    (that would be a harness bug: the generation form is meant to be a subset of the schema)."""
    instances, problems = [], []
    for value in generate(schema, count, max_examples):
        error = next(iter(validator.iter_errors(value)), None)
        if error is None:
            instances.append(value)
        else:
            problems.append(f"generated instance invalid against the schema ({error.message}): {canonical(value)[:200]}")
    return instances, problems
