"""OpenAPI component schemas as JSON Schema: one form to validate with, one to generate from.

Validation form (`Spec.validation_root`, `Spec.validator(name)`)
    Each component schema converted to plain JSON Schema and nothing else changed:
    - OpenAPI 3.0 `nullable: true` becomes JSON Schema: `type: T` -> `type: [T, "null"]` (and `null`
      joins an `enum`); a schema without `type` but with `allOf`/`anyOf`/`oneOf`/`not` is wrapped
      as `anyOf: [{type: null}, <schema>]`. Beside a `$ref` it is ignored, as OpenAPI 3.0 ignores
      every sibling of `$ref`.
    - `discriminator` (with `oneOf`/`anyOf` of `$ref`s) becomes plain JSON Schema: each branch
      also requires the discriminator property to be one of the values that map to it (see
      `_apply_discriminator`); without it the branches overlap and `oneOf` fails.
    - OpenAPI-only keywords are dropped: `discriminator`, `xml`, `example`, `examples`,
      `externalDocs`, `deprecated`, `readOnly`, `writeOnly`, `nullable` and every `x-*` extension;
      so are the annotations `title` and `description`.
    - `$ref`s stay `#/components/schemas/NAME`, resolved inside one root document that holds all
      converted components, so recursive schemas validate exactly.
    OpenAPI 3.0 documents are validated with JSON Schema Draft 4 (the dialect 3.0's schema object
    extends, boolean `exclusiveMinimum` included), 3.1 documents with Draft 2020-12.

Generation form (`Spec.generation_schema(name)`)
    The validation form with every `$ref` inlined and these adaptations, for generating instances
    only (instances and results are always validated with the validation form above):
    - Recursion: a `$ref` to a schema that is already expanded `MAX_RECURSION` times on the current
      path is replaced by the unsatisfiable schema `{"not": {}}`. hypothesis-jsonschema then leaves
      out optional members of that type, keeps arrays of it empty and skips `oneOf`/`anyOf` branches
      needing it, so instances are finite and still valid against the real, recursive schema.
      (A recursion through required members only would make a schema unsatisfiable; there is none
      in the specs this harness runs, and it would show up as a schema without instances.)
    - `integer` with `format: int32`/`int64` (and `uint32`/`uint64`) gets that format's numeric
      bounds, intersected with any `minimum`/`maximum` the schema has.
    - The non-standard `format: uuid4` is generated as `format: uuid` (canonical lowercase UUIDs).
    - `additionalProperties: false` is added to every object schema that declares `properties`
      and says nothing about `additionalProperties` (or `patternProperties`): the generated Swift
      structs model the declared properties only, so unknown members are out of scope here. An
      object schema without declared `properties` is a free-form map and keeps the JSON Schema
      default (any members). For `allOf`, the branches are left open and the `allOf` schema itself
      is closed over the union of the branches' declared properties.
    - Sizes are capped to keep the run fast: arrays at most `MAX_ITEMS` items, free-form objects
      at most `MAX_PROPERTIES` members, plain strings (no `format`/`pattern`) at most
      `MAX_STRING_LENGTH` characters. Caps never go below a schema's own minimum.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import unquote

import yaml

MAX_RECURSION = 2
MAX_ITEMS = 3
MAX_PROPERTIES = 3
MAX_STRING_LENGTH = 12

INTEGER_FORMAT_BOUNDS = {
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "uint32": (0, 2**32 - 1),
    "uint64": (0, 2**64 - 1),
}

DROPPED_KEYWORDS = {
    "discriminator", "xml", "example", "examples", "externalDocs", "deprecated",
    "readOnly", "writeOnly", "nullable", "title", "description",
}
SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "definitions", "$defs", "dependentSchemas")
SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_KEYWORDS = (
    "items", "additionalItems", "additionalProperties", "not", "contains", "propertyNames",
    "if", "then", "else", "unevaluatedProperties", "unevaluatedItems",
)
COMPOSITION_KEYWORDS = ("allOf", "anyOf", "oneOf", "not", "$ref")
COMPONENT_PREFIX = "#/components/schemas/"


# --- Loading -------------------------------------------------------------------------------------

class _YAML12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 core-schema scalars, as Kiln reads YAML.

    PyYAML implements YAML 1.1, which would turn `2024-01-01` into a datetime, `on`/`no` into
    booleans and `12:30` into the integer 750.
    """


_YAML12Loader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    _YAML12Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


def _construct_yaml12_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


_YAML12Loader.add_constructor("tag:yaml.org,2002:int", _construct_yaml12_int)


def load_document(path: str) -> Dict[str, Any]:
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8")
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=_YAML12Loader)


def component_name(ref: str) -> str:
    if not ref.startswith(COMPONENT_PREFIX):
        raise ValueError(f"unsupported $ref {ref!r}: only {COMPONENT_PREFIX}NAME is handled")
    return unquote(ref[len(COMPONENT_PREFIX):]).replace("~1", "/").replace("~0", "~")


def component_ref(name: str) -> str:
    return COMPONENT_PREFIX + name.replace("~", "~0").replace("/", "~1")


# --- Walking schemas -----------------------------------------------------------------------------

def map_subschemas(schema: Dict[str, Any], function) -> Dict[str, Any]:
    """A copy of `schema` with `function` applied to each direct subschema (keyword-aware, so a
    property named `example` or `nullable` is never mistaken for a keyword)."""
    out: Dict[str, Any] = {}
    for key, value in schema.items():
        if key in SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
            out[key] = {name: function(sub) for name, sub in value.items()}
        elif key in SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            out[key] = [function(sub) for sub in value]
        elif key in SCHEMA_KEYWORDS and isinstance(value, (dict, list)):
            out[key] = [function(sub) for sub in value] if isinstance(value, list) else function(value)
        else:
            out[key] = value
    return out


def _types(schema: Dict[str, Any]) -> List[str]:
    value = schema.get("type")
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


# --- OpenAPI -> JSON Schema (validation form) ----------------------------------------------------

def to_json_schema(schema: Any, openapi30: bool) -> Any:
    if not isinstance(schema, dict):
        return schema  # `true`/`false` schemas (3.1)
    out = map_subschemas(schema, lambda sub: to_json_schema(sub, openapi30))
    if isinstance(schema.get("discriminator"), dict):
        out = _apply_discriminator(out, schema["discriminator"])
    for key in list(out):
        if key in DROPPED_KEYWORDS or key.startswith("x-"):
            del out[key]
    if openapi30 and schema.get("nullable") is True and "$ref" not in schema:
        out = _add_null(out)
    return out


def _apply_discriminator(schema: Dict[str, Any], discriminator: Dict[str, Any]) -> Dict[str, Any]:
    """`oneOf`/`anyOf` + `discriminator` as plain JSON Schema: each `$ref` branch also requires the
    discriminator property to hold one of the values that select it (its `mapping` entries, or its
    schema name when none maps to it, as OpenAPI defines).

    Without this the branches of e.g. Kratos' `updateLoginFlowBody` overlap (their `method` is any
    string) and `oneOf` would reject almost every instance; with it, validation and generation see
    the union the discriminator describes and a Swift decoder switching on it must follow.
    """
    prop = discriminator.get("propertyName")
    if not isinstance(prop, str):
        return schema
    mapping = discriminator.get("mapping") or {}
    out = dict(schema)
    for keyword in ("oneOf", "anyOf"):
        if not isinstance(out.get(keyword), list):
            continue
        branches = []
        for branch in out[keyword]:
            if isinstance(branch, dict) and set(branch) == {"$ref"}:
                name = component_name(branch["$ref"])
                values = [
                    value for value, target in mapping.items()
                    if target == branch["$ref"] or target == name
                ] or [name]
                branch = {"allOf": [branch, {"properties": {prop: {"enum": values}}, "required": [prop]}]}
            branches.append(branch)
        out[keyword] = branches
    return out


def _add_null(schema: Dict[str, Any]) -> Dict[str, Any]:
    if any(key in schema for key in COMPOSITION_KEYWORDS):
        return {"anyOf": [{"type": "null"}, schema]}
    out = dict(schema)
    if "type" in out:
        types = _types(out)
        if "null" not in types:
            out["type"] = types + ["null"]
    if "enum" in out and None not in out["enum"]:
        out["enum"] = list(out["enum"]) + [None]
    return out


# --- Generation form ----------------------------------------------------------------------------

def _inline(schema: Any, components: Dict[str, Any], stack: Tuple[str, ...], openapi30: bool) -> Any:
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        name = component_name(schema["$ref"])
        if stack.count(name) >= MAX_RECURSION:
            return {"not": {}}
        target = _inline(components[name], components, stack + (name,), openapi30)
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        if openapi30 or not siblings:
            return target  # OpenAPI 3.0 (and Draft 4) ignore the siblings of $ref
        return {"allOf": [target, _inline(siblings, components, stack, openapi30)]}
    return map_subschemas(schema, lambda sub: _inline(sub, components, stack, openapi30))


def _adapt(schema: Any, in_all_of: bool = False) -> Any:
    if not isinstance(schema, dict):
        return schema
    out: Dict[str, Any] = {}
    for key, value in schema.items():
        if key == "allOf" and isinstance(value, list):
            out[key] = [_adapt(sub, in_all_of=True) for sub in value]
        elif key in SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
            out[key] = {name: _adapt(sub) for name, sub in value.items()}
        elif key in SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            out[key] = [_adapt(sub) for sub in value]
        elif key in SCHEMA_KEYWORDS and isinstance(value, (dict, list)):
            out[key] = [_adapt(sub) for sub in value] if isinstance(value, list) else _adapt(value)
        else:
            out[key] = value
    types = _types(out)
    fmt = out.get("format")

    if fmt in INTEGER_FORMAT_BOUNDS and ("integer" in types or not types):
        low, high = INTEGER_FORMAT_BOUNDS[fmt]
        if "minimum" not in out or out["minimum"] < low:
            out["minimum"] = low
        if "maximum" not in out or out["maximum"] > high:
            out["maximum"] = high
    if fmt == "uuid4":
        out["format"] = "uuid"

    if (
        "properties" in out
        and "additionalProperties" not in out
        and "patternProperties" not in out
        and not in_all_of
    ):
        out["additionalProperties"] = False
    if "allOf" in out and "additionalProperties" not in out and not in_all_of:
        branch_properties = [sub.get("properties") for sub in out["allOf"] if isinstance(sub, dict)]
        if any(branch_properties) and not any(
            isinstance(sub, dict) and ("additionalProperties" in sub or "patternProperties" in sub)
            for sub in out["allOf"]
        ):
            names = {n for props in branch_properties if props for n in props}
            merged = dict(out.get("properties", {}))
            for name in names:
                merged.setdefault(name, {})
            out["properties"] = merged
            out["additionalProperties"] = False

    if "array" in types or "items" in out:
        cap = max(MAX_ITEMS, out.get("minItems", 0))
        out["maxItems"] = min(out.get("maxItems", cap), cap)
    if ("object" in types or "additionalProperties" in out) and "properties" not in out \
            and out.get("additionalProperties") is not False:
        cap = max(MAX_PROPERTIES, out.get("minProperties", 0))
        out["maxProperties"] = min(out.get("maxProperties", cap), cap)
    if "string" in types and "format" not in out and "pattern" not in out and "enum" not in out:
        cap = max(MAX_STRING_LENGTH, out.get("minLength", 0))
        out["maxLength"] = min(out.get("maxLength", cap), cap)
    return out


# --- The spec ------------------------------------------------------------------------------------

def _is_nullable(components: Dict[str, Any], schema: Any, seen: frozenset = frozenset()) -> bool:
    """Nullable itself, or a `$ref` (chain) to a nullable component schema."""
    if not isinstance(schema, dict):
        return False
    if schema.get("nullable") is True or "null" in _types(schema):
        return True
    ref = schema.get("$ref")
    prefix = "#/components/schemas/"
    if isinstance(ref, str) and ref.startswith(prefix):
        name = ref[len(prefix):].replace("~1", "/").replace("~0", "~")
        if name not in seen and name in components:
            return _is_nullable(components, components[name], seen | {name})
    return False


class Spec:
    def __init__(self, path: str, label: str):
        self.path = path
        self.label = label
        self.document = load_document(path)
        version = str(self.document.get("openapi", ""))
        if not version.startswith(("3.0", "3.1")):
            raise ValueError(f"{path}: OpenAPI 3.0 or 3.1 expected, found {version!r}")
        self.openapi_version = version
        self.openapi30 = version.startswith("3.0")
        raw = self.document.get("components", {}).get("schemas", {})
        self.names: List[str] = list(raw)
        # A nullable schema is, in Swift, an Optional of its type at every use: the runner
        # decodes such a schema's top-level instances as `T?` (a bare `null` included).
        self.nullable_names = {name for name in raw if _is_nullable(raw, raw[name])}
        self.components = {name: to_json_schema(schema, self.openapi30) for name, schema in raw.items()}
        self.validation_root: Dict[str, Any] = {"components": {"schemas": self.components}}
        if not self.openapi30:
            self.validation_root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        self._validators: Dict[str, Any] = {}
        self._root_validator = None

    @property
    def dialect(self) -> str:
        return "Draft 4" if self.openapi30 else "Draft 2020-12"

    def validator_class(self):
        import jsonschema

        return jsonschema.Draft4Validator if self.openapi30 else jsonschema.Draft202012Validator

    def root_validator(self):
        """A validator over the whole root document; `.evolve(schema=...)` keeps its $ref resolution."""
        if self._root_validator is None:
            import jsonschema

            cls = self.validator_class()
            self._root_validator = cls(self.validation_root, format_checker=cls.FORMAT_CHECKER)
        return self._root_validator

    def validator(self, name: str):
        if name not in self._validators:
            self._validators[name] = self.root_validator().evolve(schema={"$ref": component_ref(name)})
        return self._validators[name]

    def resolve(self, schema: Any) -> Any:
        """Follows `$ref`s (component references only) to the schema they name."""
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema:
            schema = self.components[component_name(schema["$ref"])]
            seen += 1
            if seen > 100:
                raise ValueError("$ref cycle without a schema")
        return schema

    def generation_schema(self, name: str) -> Any:
        inlined = _inline(self.components[name], self.components, (name,), self.openapi30)
        return _adapt(copy.deepcopy(inlined))

    def recursive_names(self) -> List[str]:
        """Component schemas that (directly or not) contain themselves: where recursion is cut."""
        edges: Dict[str, set] = {}

        def refs(schema: Any, into: set) -> None:
            if isinstance(schema, dict):
                if "$ref" in schema:
                    into.add(component_name(schema["$ref"]))
                for value in schema.values():
                    refs(value, into)
            elif isinstance(schema, list):
                for value in schema:
                    refs(value, into)

        for name, schema in self.components.items():
            edges[name] = set()
            refs(schema, edges[name])
        result = []
        for start in self.names:
            seen, todo = set(), list(edges[start])
            while todo:
                node = todo.pop()
                if node == start:
                    result.append(start)
                    break
                if node not in seen:
                    seen.add(node)
                    todo.extend(edges.get(node, ()))
        return result
