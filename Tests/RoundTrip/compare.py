"""Is the re-encoded JSON the input again? Schema-aware comparison of input and output.

A result passes when the output
1. validates against the schema (validation form of schemas.py, with its format checks), and
2. equals the input, up to
   - member order of objects;
   - number formatting: numbers compare by their exact decimal value as written in the JSON text
     (`1 == 1.0 == 1e0`; read with `Decimal`, so a float's digits are not rounded to a double by
     Python before comparing), but `true` is not `1`;
   - date-time formatting, only where the schema says `format: date-time`: both strings are read
     as RFC 3339 and compared as instants. Equal means equal within the resolution a Swift `Date`
     has at that instant: `Date` is a Double count of seconds since 2001-01-01, so the tolerance is
     2 ulp of that count plus half a microsecond (Kiln's encoder writes microseconds): under 1 µs
     for today's dates, ~30 µs in year 9999. Instants matched only thanks to that tolerance are
     counted (`Comparer.tolerated_dates`) and reported in the harness notes;
   - base64 formatting, only where the schema says `format: byte`: compared as the decoded bytes.
Nothing else is forgiven: a dropped `null`, an added default, a re-cased UUID are differences.

Which schema applies at a location follows the input: `$ref`s are resolved, every `allOf` branch
applies, and of `anyOf`/`oneOf` the branches the input value is valid against.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from decimal import Decimal
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterator, List, Optional

from schemas import Spec

RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$"
)


def rfc3339_instant(text: str) -> Optional[Fraction]:
    """Seconds since 1970-01-01T00:00:00Z, exact (proleptic Gregorian calendar)."""
    match = RFC3339.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second <= 60):
        return None
    fraction = Fraction(match.group(7)[1:]) / 10 ** (len(match.group(7)) - 1) if match.group(7) else Fraction(0)
    offset = 0
    if match.group(9):
        offset = (int(match.group(10)) * 3600 + int(match.group(11)) * 60) * (-1 if match.group(9) == "-" else 1)
    y = year - 1 if month <= 2 else year
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468
    return days * 86400 + hour * 3600 + minute * 60 + second - offset + fraction


SWIFT_REFERENCE_DATE = 978307200  # 2001-01-01T00:00:00Z in seconds since 1970


def date_resolution(instant: Fraction) -> float:
    return 0.5e-6 + 2 * math.ulp(abs(float(instant) - SWIFT_REFERENCE_DATE))


def exact_json(text: str) -> Any:
    """JSON with every non-integer number as the `Decimal` its text spells."""
    return json.loads(text, parse_float=Decimal)


def escape_token(token: Any) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def json_text(value: Any) -> str:
    """Compact JSON, ASCII-only, sorted members; `Decimal`s as the number they are."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{json_text(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, list):
        return "[" + ",".join(json_text(v) for v in value) + "]"
    return json.dumps(value)


def ascii_pointer(pointer: str) -> str:
    return json.dumps(pointer)[1:-1] or "/"


def short(value: Any, limit: int = 120) -> str:
    if value is ABSENT:
        return "<absent>"
    text = json_text(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


ABSENT = _Absent()


@dataclass
class Difference:
    pointer: str
    kind: str
    expected: Any
    got: Any

    def describe(self) -> str:
        return f"{ascii_pointer(self.pointer)} ({self.kind}): expected {short(self.expected)}, got {short(self.got)}"


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def json_type(value: Any) -> str:
    if value is ABSENT:
        return "absent"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, (float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


class Comparer:
    def __init__(self, spec: Spec):
        self.spec = spec
        self._branch_validators: dict = {}
        self.tolerated_dates: List[tuple] = []  # (schema, pointer, expected, got, delta in s)
        self.tolerated_uuids: List[tuple] = []  # (schema, expected, got): top-level Foundation UUIDs
        self._schema_name = ""

    # -- schema selection ------------------------------------------------------------------------

    def _is_valid(self, schema: Any, value: Any) -> bool:
        key = id(schema)
        validator = self._branch_validators.get(key)
        if validator is None:
            validator = self.spec.root_validator().evolve(schema=schema)
            self._branch_validators[key] = validator
        return validator.is_valid(value)

    def applicable(self, schema: Any, value: Any, depth: int = 0) -> List[dict]:
        schema = self.spec.resolve(schema)
        if not isinstance(schema, dict) or depth > 50:
            return []
        found = [schema]
        for sub in schema.get("allOf", []):
            found += self.applicable(sub, value, depth + 1)
        for keyword in ("anyOf", "oneOf"):
            for sub in schema.get(keyword, []):
                if self._is_valid(sub, value):
                    found += self.applicable(sub, value, depth + 1)
        return found

    @staticmethod
    def member_schemas(schemas: List[dict], key: str) -> List[Any]:
        found = []
        for schema in schemas:
            properties = schema.get("properties") or {}
            if key in properties:
                found.append(properties[key])
                continue
            matched = False
            for pattern, sub in (schema.get("patternProperties") or {}).items():
                if re.search(pattern, key):
                    found.append(sub)
                    matched = True
            if not matched and isinstance(schema.get("additionalProperties"), dict):
                found.append(schema["additionalProperties"])
        return found

    @staticmethod
    def item_schemas(schemas: List[dict], index: int) -> List[Any]:
        found = []
        for schema in schemas:
            prefix = schema.get("prefixItems")
            items = schema.get("items")
            if isinstance(prefix, list) and index < len(prefix):
                found.append(prefix[index])
            elif isinstance(items, list):
                if index < len(items):
                    found.append(items[index])
                elif isinstance(schema.get("additionalItems"), dict):
                    found.append(schema["additionalItems"])
            elif isinstance(items, dict):
                found.append(items)
        return found

    # -- comparison ------------------------------------------------------------------------------

    def differences(self, schema_name: str, instance: Any, output_text: str) -> List[Difference]:
        """`instance` as generated (it went to Swift as `json.dumps(instance)`), `output_text` as
        Swift wrote it; both are re-read with exact decimals before comparing."""
        root = {"$ref": "#/components/schemas/" + escape_token(schema_name)}
        self._schema_name = schema_name
        return list(self._diff([root], exact_json(json.dumps(instance)), exact_json(output_text), ""))

    def _diff(self, schemas: List[Any], expected: Any, got: Any, pointer: str) -> Iterator[Difference]:
        applicable: List[dict] = []
        for schema in schemas:
            applicable += self.applicable(schema, expected)
        formats = {s.get("format") for s in applicable if isinstance(s.get("format"), str)}

        if isinstance(expected, str) and isinstance(got, str) and expected != got:
            if "date-time" in formats:
                a, b = rfc3339_instant(expected), rfc3339_instant(got)
                if a is not None and a == b:
                    return
                if a is not None and b is not None and abs(float(b - a)) <= date_resolution(a):
                    self.tolerated_dates.append((self._schema_name, pointer, expected, got, float(b - a)))
                    return
                if a is not None and b is not None:
                    delta = float(b - a)
                    yield Difference(pointer, f"date-time instant changed by {delta:+.9g} s", expected, got)
                else:
                    yield Difference(pointer, "date-time not RFC 3339 after round trip", expected, got)
                return
            if "byte" in formats:
                try:
                    if base64.b64decode(expected, validate=True) == base64.b64decode(got, validate=True):
                        return
                except (binascii.Error, ValueError):
                    pass
                yield Difference(pointer, "base64 bytes changed", expected, got)
                return
            if formats & {"uuid", "uuid4"} and expected.lower() == got.lower():
                # A schema that is itself a UUID maps to Foundation's `UUID`, which always encodes in
                # upper case, and there is no enclosing model whose coding could change that. UUIDs
                # are case-insensitive (RFC 4122, section 3), so only that top-level case is
                # tolerated; inside models Kiln writes them in lower case and any re-casing fails.
                if pointer == "":
                    self.tolerated_uuids.append((self._schema_name, expected, got))
                    return
                yield Difference(pointer, "uuid re-cased", expected, got)
                return
            yield Difference(pointer, "string changed", expected, got)
            return

        if is_number(expected) and is_number(got):
            if expected != got:
                yield Difference(pointer, "number changed", expected, got)
            return

        if isinstance(expected, dict) and isinstance(got, dict):
            for key, value in expected.items():
                child = f"{pointer}/{escape_token(key)}"
                if key not in got:
                    kind = "null member dropped" if value is None else "member dropped"
                    yield Difference(child, kind, value, ABSENT)
                else:
                    yield from self._diff(self.member_schemas(applicable, key), value, got[key], child)
            for key, value in got.items():
                if key not in expected:
                    kind = "null member added" if value is None else "member added"
                    yield Difference(f"{pointer}/{escape_token(key)}", kind, ABSENT, value)
            return

        if isinstance(expected, list) and isinstance(got, list):
            if len(expected) != len(got):
                yield Difference(pointer, f"array length changed ({len(expected)} -> {len(got)})", expected, got)
                return
            for index, (a, b) in enumerate(zip(expected, got)):
                yield from self._diff(self.item_schemas(applicable, index), a, b, f"{pointer}/{index}")
            return

        if json_type(expected) != json_type(got) or expected != got:
            if json_type(expected) == json_type(got):
                kind = f"{json_type(expected)} changed"
            else:
                kind = f"{json_type(expected)} became {json_type(got)}"
            yield Difference(pointer, kind, expected, got)


def validation_errors(spec: Spec, schema_name: str, value: Any, limit: int = 3) -> List[str]:
    errors = []
    for error in spec.validator(schema_name).iter_errors(value):
        location = "".join("/" + escape_token(p) for p in error.absolute_path)
        errors.append(f"{location or '/'}: {error.message[:300]}")
        if len(errors) >= limit:
            break
    return errors
