#!/usr/bin/env python3
"""The round-trip harness checked against itself, without Swift: schema conversion, generation
determinism, type discovery and the comparison rules. scripts/roundtrip runs it first; it exits 1
on the first failed check."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from compare import Comparer, rfc3339_instant  # noqa: E402
from instances import generate  # noqa: E402
from schemas import Spec, load_document, to_json_schema  # noqa: E402
from swiftpkg import discover_types, swift_string  # noqa: E402

CHECKS = []


def check(function):
    CHECKS.append(function)
    return function


def spec_from(document: dict) -> Spec:
    handle = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
    with handle:
        json.dump(document, handle)
    try:
        return Spec(handle.name, "selftest")
    finally:
        os.unlink(handle.name)


SAMPLE = spec_from({
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {},
    "components": {"schemas": {
        "Thing": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "string", "format": "uuid4"},
                "example": {"type": "string", "nullable": True, "example": "x"},
                "at": {"type": "string", "format": "date-time"},
                "raw": {"type": "string", "format": "byte"},
                "count": {"type": "integer", "format": "int64"},
                "kind": {"type": "string", "enum": ["a", "b"], "nullable": True},
                "child": {"$ref": "#/components/schemas/Thing"},
                "free": {"type": "object"},
            },
        },
        "Union": {
            "discriminator": {"propertyName": "method", "mapping": {"pw": "#/components/schemas/Pw"}},
            "oneOf": [{"$ref": "#/components/schemas/Pw"}, {"$ref": "#/components/schemas/Code"}],
        },
        "Pw": {"type": "object", "required": ["method"], "properties": {"method": {"type": "string"}}},
        "Code": {"type": "object", "required": ["method"], "properties": {"method": {"type": "string"}}},
        "Maybe": {"nullable": True, "allOf": [{"$ref": "#/components/schemas/Pw"}]},
    }},
})


@check
def nullable_becomes_json_schema():
    thing = SAMPLE.components["Thing"]["properties"]
    assert thing["example"]["type"] == ["string", "null"], thing["example"]
    assert "example" not in thing["example"], "the `example` keyword is dropped"
    assert "example" in SAMPLE.components["Thing"]["properties"], "a property named `example` is kept"
    assert thing["kind"]["enum"] == ["a", "b", None]
    assert SAMPLE.components["Maybe"] == {"anyOf": [{"type": "null"}, {"allOf": [{"$ref": "#/components/schemas/Pw"}]}]}
    assert to_json_schema({"$ref": "#/components/schemas/X", "nullable": True}, True) == {"$ref": "#/components/schemas/X"}


@check
def discriminator_selects_branches():
    union = SAMPLE.components["Union"]["oneOf"]
    assert union[0]["allOf"][1] == {"properties": {"method": {"enum": ["pw"]}}, "required": ["method"]}
    assert union[1]["allOf"][1]["properties"]["method"]["enum"] == ["Code"]  # implicit: the schema name
    assert SAMPLE.validator("Union").is_valid({"method": "pw"})
    assert not SAMPLE.validator("Union").is_valid({"method": "other"})


@check
def generation_adaptations():
    schema = SAMPLE.generation_schema("Thing")
    props = schema["properties"]
    assert schema["additionalProperties"] is False
    assert props["free"].get("additionalProperties") is not False, "free-form objects stay open"
    assert props["count"]["minimum"] == -(2**63) and props["count"]["maximum"] == 2**63 - 1
    assert props["id"]["format"] == "uuid"
    # Thing -> child (Thing, 2nd expansion) -> child: cut
    assert props["child"]["properties"]["child"] == {"not": {}}
    assert SAMPLE.recursive_names() == ["Thing"]


@check
def yaml_is_read_as_yaml_1_2():
    handle = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
    with handle:
        handle.write("a: 2024-01-01\nb: on\nc: 12:30\nd: 0o17\ne: ~\nf: 1.5\ng: true\nh: 0x1F\n")
    try:
        data = load_document(handle.name)
    finally:
        os.unlink(handle.name)
    assert data == {"a": "2024-01-01", "b": "on", "c": "12:30", "d": 15, "e": None, "f": 1.5, "g": True, "h": 31}, data


@check
def generation_is_deterministic_and_valid():
    schema = SAMPLE.generation_schema("Thing")
    first = generate(schema, 10, 20)
    second = generate(schema, 10, 20)
    assert first == second and len(first) == 10, (len(first), len(second))
    for value in first:
        assert SAMPLE.validator("Thing").is_valid(value), value
        assert set(value) <= set(SAMPLE.components["Thing"]["properties"])


@check
def rfc3339_instants():
    assert rfc3339_instant("2024-05-01T12:30:00Z") == rfc3339_instant("2024-05-01T14:30:00+02:00")
    assert rfc3339_instant("2024-05-01T12:30:00.5Z") - rfc3339_instant("2024-05-01T12:30:00Z") == 0.5
    assert rfc3339_instant("1970-01-01T00:00:00Z") == 0
    assert rfc3339_instant("0001-01-01T00:00:00Z") == -62135596800
    assert rfc3339_instant("2024-05-01 12:30") is None


def kinds(schema: str, instance, output) -> list:
    return [d.kind for d in Comparer(SAMPLE).differences(schema, instance, json.dumps(output))]


ID = "e3e70682-c209-4cac-629f-6fbed82c07cd"


@check
def comparison_rules():
    base = {"id": ID}
    assert kinds("Thing", base, base) == []
    assert kinds("Thing", {**base, "count": 1}, {**base, "count": 1.0}) == []
    assert kinds("Thing", {**base, "count": 1}, {**base, "count": True}) == ["integer became boolean"]
    assert kinds("Thing", {"id": ID}, {"id": ID.upper()}) == ["uuid re-cased"]
    assert kinds("Thing", {**base, "example": None}, base) == ["null member dropped"]
    assert kinds("Thing", {**base, "example": "x"}, base) == ["member dropped"]
    assert kinds("Thing", base, {**base, "kind": "a"}) == ["member added"]
    assert kinds("Thing", {**base, "at": "2024-05-01T14:30:00+02:00"}, {**base, "at": "2024-05-01T12:30:00Z"}) == []
    assert kinds("Thing", {**base, "at": "2024-05-01T12:30:00.123456Z"}, {**base, "at": "2024-05-01T12:30:00.123Z"}) \
        == ["date-time instant changed by -0.000456 s"]
    # only where the schema says date-time:
    assert kinds("Thing", {**base, "example": "2024-05-01T12:30:00Z"}, {**base, "example": "2024-05-01T12:30:00+00:00"}) \
        == ["string changed"]
    assert kinds("Thing", {**base, "raw": "AAE="}, {**base, "raw": "AAI="}) == ["base64 bytes changed"]
    assert kinds("Thing", {**base, "free": {"a": [1, 2]}}, {**base, "free": {"a": [1]}}) == ["array length changed (2 -> 1)"]
    # numbers compare by the decimal their JSON text spells, not by Python's double of it
    exact = Comparer(SAMPLE).differences("Thing", {**base, "free": {"n": -2.145450983541561e16}},
                                         '{"id": "%s", "free": {"n": -21454509835415610}}' % ID)
    assert exact == [], exact
    big = Comparer(SAMPLE).differences("Thing", {**base, "free": {"n": 2**70}},
                                       '{"id": "%s", "free": {"n": 1.1805916207174113e+21}}' % ID)
    assert [d.kind for d in big] == ["number changed"]


@check
def date_tolerance_is_foundation_dates_resolution():
    comparer = Comparer(SAMPLE)
    far = comparer.differences("Thing", {"id": ID, "at": "9999-01-01T00:00:00.000001Z"},
                               json.dumps({"id": ID, "at": "9999-01-01T00:00:00.000009Z"}))
    assert far == [] and len(comparer.tolerated_dates) == 1
    near = comparer.differences("Thing", {"id": ID, "at": "2024-01-01T00:00:00.000001Z"},
                                json.dumps({"id": ID, "at": "2024-01-01T00:00:00.000003Z"}))
    assert [d.kind for d in near] == ["date-time instant changed by +2e-06 s"], near


@check
def type_discovery():
    with tempfile.TemporaryDirectory() as folder:
        os.makedirs(os.path.join(folder, "Models"))
        with open(os.path.join(folder, "Models", "A.swift"), "w") as handle:
            handle.write(
                "import Foundation\n\n// #/components/schemas/a~1b\n/// Doc\n///\n@frozen\n"
                "public struct AB: Codable {\n    // #/components/schemas/nested\n    public enum Inner {}\n}\n"
                "// #/components/schemas/alias\npublic typealias Alias = [String: JSONValue]\n"
                "// #/components/schemas/odd\nlet x = 1\n"
            )
        registry = discover_types(folder, "Mod", ["a/b", "alias", "odd", "missing"])
    assert registry.types == {"a/b": "Mod.AB", "alias": "Mod.Alias"}, registry.types
    assert set(registry.problems) == {"nested", "odd", "missing"}, registry.problems
    assert swift_string('a"\\\u00e9') == '"a\\"\\\\\\u{e9}"'


def main() -> int:
    for function in CHECKS:
        try:
            function()
        except Exception:  # noqa: BLE001 - report any failure of a check
            print(f"roundtrip selftest: {function.__name__} FAILED", flush=True)
            traceback.print_exc()
            return 1
    print(f"roundtrip selftest: all {len(CHECKS)} checks ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
