#!/usr/bin/env python3
"""A spec-driven stub server for conformance tests of generated OpenAPI clients.

It validates every request it receives against the OpenAPI document with openapi-core and records
each validation failure; it answers with the status a test asks for, with a body generated from
that response's schema by hypothesis-jsonschema (fixed seed: the same spec and status give the same
body on every run).

    python3 Tests/Conformance/stub_server.py --spec spec/ory-kratos.yaml [--port 0] [--max-minutes 20]

The first line on stdout is the port it listens on (127.0.0.1 only); logs go to stderr. It exits
when the process that started it closes its stdin (a pipe or a terminal), or after --max-minutes.

Control headers, stripped from the request before it is validated (they are not in the spec):

    X-Stub-Status: 404        answer with this status (default: the first documented 2xx)
    X-Stub-Delay-Ms: 1500     wait this long before answering (at most 30 s)
    X-Stub-Pages: 3           list operations with `page_token`: pretend there are 3 pages and send
                              `Link: <...page_token=...>; rel="next"` on all but the last
    X-Stub-Variant: 1         which generated body: 0 the richest example (default), 1 the smallest
                              (only required members, typically), n >= 2 the richest of another seed
    X-Stub-Label: text        a name for the call, repeated in the log and in failures
    X-Stub-Expect: base64url(JSON)   what the caller meant to send; differences are failures:
        {"params": {"path": {name: text}, "query": {name: [text, ...]}, "header": {name: text},
                    "cookie": {name: text}},
         "exact": true,           also fail on declared parameters that were sent but not expected
         "body": JSON value}      the body, compared after decoding (form bodies too)

Control endpoints (not in the spec):

    GET  /__stub/failures     JSON list of {operationId, label, message, request}
    POST /__stub/reset        forget failures and log
    GET  /__stub/log          JSON list of {operationId, label, method, target, status}
    GET  /__stub/selfcheck    responses the stub generated that do not validate against the spec
    GET  /__stub/defects      what the stub repaired in the spec before validating with it
    *    /__stub/redirect-target   where every 303 points; a client that follows redirects is caught

Validation, beyond openapi-core:
  - security requirements that name an undefined scheme (Kratos: `sessionToken` on
    `POST /self-service/settings`) are removed from the copy of the spec the validator uses, and the
    alternative becomes `{}` (anonymous): a client cannot send credentials for a scheme the spec does
    not define, so their absence is not a client failure. Listed at /__stub/defects.
  - `application/x-www-form-urlencoded` bodies are decoded the way Kratos decodes forms (dotted names
    nest: `traits.email=a` is {"traits": {"email": "a"}}; repeated names make arrays; values are
    converted to the schema's boolean/integer/number types, choosing oneOf branches by discriminator),
    then validated by openapi-core as the equivalent JSON body of the same operation.
  - query parameters the operation does not declare, and bodies sent to operations without a request
    body, are failures (openapi-core ignores both).
"""

from __future__ import annotations

import argparse
import base64
import copy
import http.server
import json
import os
import re
import socket
import socketserver
import stat
import sys
import threading
import time
import traceback
import urllib.parse
from typing import Any, Optional

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
STUB_HEADER_PREFIX = "x-stub-"
MAX_DELAY_MS = 30_000
BODY_SIZE_CAP = 16 * 1024  # bytes of JSON a generated body may have (the largest example under it)
EXAMPLES_PER_SCHEMA = 6
SEED = 20240501
CACHE_FORMAT = 1  # bump when the conversion or the choice of examples changes
DEFAULT_CACHE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".build-conformance", "body-cache")


def log(message: str) -> None:
    sys.stderr.write(f"stub: {message}\n")
    sys.stderr.flush()


# ----------------------------------------------------------------------------------------------
# Loading the spec


class _SpecLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: examples such as 2024-01-01 stay strings, as in JSON."""


_SpecLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_spec(path: str) -> dict:
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8")
    if path.endswith(".json"):
        return json.loads(text)
    return string_keys(yaml.load(text, Loader=_SpecLoader))


def string_keys(node: Any) -> Any:
    """Mapping keys as text, as JSON has them: YAML reads `200:` (a response status) as an integer."""
    if isinstance(node, dict):
        return {str(key) if isinstance(key, (int, float)) and not isinstance(key, bool) else key: string_keys(value)
                for key, value in node.items()}
    if isinstance(node, list):
        return [string_keys(value) for value in node]
    return node


def resolve_ref(spec: dict, ref: str) -> Any:
    if not ref.startswith("#/"):
        raise ValueError(f"only local references are supported: {ref}")
    node: Any = spec
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[part]
    return node


def deref(spec: dict, node: Any) -> Any:
    """Follows `$ref`s at the top of a node (not inside it)."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        node = resolve_ref(spec, node["$ref"])
        seen += 1
        if seen > 50:
            raise ValueError("reference cycle")
    return node


class Operation:
    """One operation of the spec, with parameters, body and responses dereferenced one level."""

    def __init__(self, spec: dict, path: str, method: str, path_item: dict, op: dict):
        self.spec = spec
        self.path = path
        self.method = method
        self.op = op
        self.operation_id = op.get("operationId") or f"{method.upper()} {path}"
        params: dict[tuple[str, str], dict] = {}
        for raw in list(path_item.get("parameters", [])) + list(op.get("parameters", [])):
            param = deref(spec, raw)
            params[(param["name"], param["in"])] = param
        self.parameters = list(params.values())
        self.request_body = deref(spec, op["requestBody"]) if "requestBody" in op else None
        self.responses = {str(k): deref(spec, v) for k, v in op.get("responses", {}).items()}
        self.security = op.get("security", spec.get("security", []))
        segments = [s for s in path.split("/") if s != ""]
        self._path_names: list = []
        self.template_count = sum(1 for s in segments if "{" in s)
        pattern = "^"
        for segment in segments:
            pattern += "/"
            pos = 0
            for match in re.finditer(r"\{([^}]+)\}", segment):
                pattern += re.escape(segment[pos:match.start()])
                pattern += f"(?P<p{len(self._path_names)}>[^/]+)"
                self._path_names.append(match.group(1))
                pos = match.end()
            pattern += re.escape(segment[pos:])
        if not segments:
            pattern += "/"
        self.regex = re.compile(pattern + "/?$")

    def match(self, raw_path: str) -> Optional[dict]:
        match = self.regex.match(raw_path)
        if not match:
            return None
        names = self._path_names
        return {names[i]: urllib.parse.unquote(match.group(f"p{i}")) for i in range(len(names))}

    def documented_statuses(self) -> list[str]:
        return list(self.responses.keys())

    def success_status(self) -> int:
        codes = sorted(int(k) for k in self.responses if k.isdigit() and 200 <= int(k) < 300)
        return codes[0] if codes else 200

    def response_for(self, status: int) -> tuple[Optional[str], Optional[dict]]:
        """The documented response key and response object that covers `status`."""
        key = str(status)
        if key in self.responses:
            return key, self.responses[key]
        wildcard = f"{status // 100}XX"
        for candidate in (wildcard, wildcard.lower()):
            if candidate in self.responses:
                return candidate, self.responses[candidate]
        if "default" in self.responses:
            return "default", self.responses["default"]
        return None, None


def operations_of(spec: dict) -> list[Operation]:
    result = []
    for path, path_item in spec.get("paths", {}).items():
        path_item = deref(spec, path_item)
        for method in HTTP_METHODS:
            if method in path_item:
                result.append(Operation(spec, path, method, path_item, path_item[method]))
    return result


def default_status_for(op: Operation) -> int:
    """The status a test asks for to exercise the `default` response: one not documented otherwise."""
    for code in (500, 502, 503, 599, 418):
        if str(code) not in op.responses and f"{code // 100}XX" not in op.responses:
            return code
    return 599


def undocumented_status_for(op: Operation) -> Optional[int]:
    """A status no response of the operation covers, or None when `default` covers all."""
    if "default" in op.responses:
        return None
    for code in (418, 599, 502):
        if op.response_for(code)[0] is None:
            return code
    return None


# ----------------------------------------------------------------------------------------------
# Security: what a client with every credential set sends, and whether a request carries it

# The credentials the reference client and the Swift drivers pass (the stub checks their form, not
# their value: a real server would, a stub cannot know them).
CREDENTIAL_USER = "conformance-user"
CREDENTIAL_PASSWORD = "conformance-password"
BEARER_SCHEME_TYPES = ("oauth2", "openIdConnect")  # tokens sent as `Authorization: Bearer`


def security_schemes(spec: dict) -> dict:
    return {name: deref(spec, scheme) for name, scheme in spec.get("components", {}).get("securitySchemes", {}).items()}


def chosen_security(spec: dict, op: "Operation") -> list:
    """The alternative a client with every credential set uses: the first non-empty one whose schemes
    are all defined (as the generated client's `Authentication.apply` chooses); [] for none."""
    defined = security_schemes(spec)
    for alternative in op.security:
        if alternative and all(name in defined for name in alternative):
            return list(alternative)
    return []


def scheme_credentials(name: str, scheme: dict) -> Optional[tuple]:
    """(where, key, value) a client sends for one scheme: where is header, query or cookie; None for
    a scheme no HTTP request can carry (mutualTLS)."""
    kind = scheme.get("type")
    if kind == "http":
        if str(scheme.get("scheme", "")).lower() == "basic":
            token = base64.b64encode(f"{CREDENTIAL_USER}:{CREDENTIAL_PASSWORD}".encode()).decode()
            return "header", "Authorization", f"Basic {token}"
        return "header", "Authorization", f"Bearer conformance-{name}"
    if kind in BEARER_SCHEME_TYPES:
        return "header", "Authorization", f"Bearer conformance-{name}"
    if kind == "apiKey":
        return scheme.get("in", "header"), scheme.get("name", name), f"conformance-{name}"
    return None


def security_query_names(spec: dict) -> set:
    """Query parameters that carry credentials: declared by the security schemes, not the operation."""
    return {s.get("name") for s in security_schemes(spec).values() if s.get("type") == "apiKey" and s.get("in") == "query"}


def security_problem(spec: dict, op: "Operation", header_map: dict, query_map: dict, cookies: dict) -> Optional[str]:
    """None when some alternative of the operation's security requirement is met by the request.

    Stricter than openapi-core, which accepts any token for oauth2/openIdConnect and any value after
    `Basic`: a bearer token must follow `Bearer `, Basic credentials must decode to `user:password`."""
    defined = security_schemes(spec)
    if not op.security or any(not alternative for alternative in op.security):
        return None
    reasons = []
    for alternative in op.security:
        missing = [scheme_problem(name, defined.get(name), header_map, query_map, cookies) for name in alternative]
        missing = [m for m in missing if m]
        if not missing:
            return None
        reasons.append(" and ".join(missing))
    return "no security alternative is met: " + "; or ".join(reasons)


def scheme_problem(name: str, scheme: Optional[dict], header_map: dict, query_map: dict, cookies: dict) -> Optional[str]:
    if scheme is None:
        return f"{name}: not defined by the spec"
    expected = scheme_credentials(name, scheme)
    if expected is None:
        return f"{name}: type {scheme.get('type')} cannot be checked on the wire"
    where, key, _ = expected
    if where == "query":
        return None if key in query_map else f"{name}: no '{key}' query parameter"
    if where == "cookie":
        return None if key in cookies else f"{name}: no '{key}' cookie"
    received = header_map.get(key.lower())
    if not received:
        return f"{name}: no '{key}' header"
    value = received[0]
    if key.lower() != "authorization" or scheme.get("type") == "apiKey":
        return None
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        kind, _, token = value.partition(" ")
        try:
            decoded = base64.b64decode(token, validate=True).decode("utf-8")
        except Exception:
            decoded = ""
        if kind.lower() != "basic" or ":" not in decoded:
            return f"{name}: HTTP basic expects 'Authorization: Basic base64(user:password)', received {value!r}"
        return None
    if not value.lower().startswith("bearer "):
        return f"{name}: expects 'Authorization: Bearer <token>', received {value!r}"
    return None


# ----------------------------------------------------------------------------------------------
# Spec defects: what the validator's copy of the spec has repaired


def repair_spec(spec: dict) -> tuple[dict, list[str]]:
    repaired = copy.deepcopy(spec)
    defined = set(repaired.get("components", {}).get("securitySchemes", {}).keys())
    notes = []

    def fix(requirements: list, where: str) -> list:
        fixed = []
        for alternative in requirements:
            unknown = [name for name in alternative if name not in defined]
            if unknown:
                notes.append(
                    f"{where}: security requirement names undefined scheme(s) {', '.join(unknown)}; "
                    f"the validator treats that alternative as anonymous ({{}})"
                )
                alternative = {k: v for k, v in alternative.items() if k in defined}
            fixed.append(alternative)
        return fixed

    # The stub serves every operation at the root of http://127.0.0.1:PORT, where the client under
    # test is pointed; the spec's own servers (hosts, variables, path prefixes) do not apply.
    if repaired.get("servers") not in (None, [], [{"url": "/"}]):
        notes.append(f"servers {[s.get('url') for s in repaired['servers']]} replaced by '/' (the stub's root)")
    repaired["servers"] = [{"url": "/"}]
    for item in repaired.get("paths", {}).values():
        item.pop("servers", None)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                item[method].pop("servers", None)
    if "security" in repaired:
        repaired["security"] = fix(repaired["security"], "document")
    # HTTP auth scheme names are case-insensitive (RFC 9110 11.1); openapi-core compares them with
    # the lower-cased header, so `scheme: Basic` would reject every correct request.
    for scheme in repaired.get("components", {}).get("securitySchemes", {}).values():
        if isinstance(scheme, dict) and scheme.get("type") == "http" and isinstance(scheme.get("scheme"), str):
            scheme["scheme"] = scheme["scheme"].lower()

    # `enum` of scalars on an array schema (Ory client v1.6.2's `expand` parameters): no array can
    # equal a string, so no value would be valid; the values are meant for the items.
    def move_array_enums(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array" and isinstance(node.get("enum"), list) and isinstance(node.get("items"), dict) \
                    and all(not isinstance(v, (list, dict)) for v in node["enum"]):
                notes.append(f"{where}: enum {node['enum']} on an array schema moved to its items")
                items = node["items"]
                if "$ref" not in items:
                    items.setdefault("enum", node["enum"])
                del node["enum"]
            for key, value in node.items():
                move_array_enums(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                move_array_enums(value, f"{where}/{index}")

    if str(repaired.get("openapi", "")).startswith("3.1"):
        count = read_nullable_as_null_type(repaired)
        if count:
            notes.append(f"{count} schemas use OpenAPI 3.0's `nullable: true` in a 3.1 document, where it means "
                         f"nothing; read as a type that also allows null, as the description means")

    move_array_enums(repaired.get("paths", {}), "#/paths")
    move_array_enums(repaired.get("components", {}), "#/components")
    for path, item in repaired.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item and "security" in item[method]:
                where = f"{method.upper()} {path} ({item[method].get('operationId', '?')})"
                item[method]["security"] = fix(item[method]["security"], where)
    return repaired, notes


def read_nullable_as_null_type(node: Any) -> int:
    """`nullable: true` with a single `type` becomes `type: [type, "null"]` (and null joins an `enum`)."""
    count = 0
    if isinstance(node, dict):
        if node.get("nullable") is True and isinstance(node.get("type"), str):
            node["type"] = [node["type"], "null"]
            if isinstance(node.get("enum"), list) and None not in node["enum"]:
                node["enum"] = node["enum"] + [None]
            count += 1
        for value in node.values():
            count += read_nullable_as_null_type(value)
    elif isinstance(node, list):
        for value in node:
            count += read_nullable_as_null_type(value)
    return count


# ----------------------------------------------------------------------------------------------
# OpenAPI schema -> JSON Schema for hypothesis-jsonschema

INT_BOUNDS = {
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), 2**63 - 1),
    None: (-(2**63), 2**63 - 1),
}
PASSTHROUGH = (
    "type", "enum", "const", "minimum", "maximum", "multipleOf", "minLength", "maxLength",
    "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "required",
    "format",
)
STRING_CAP = 24
# canonical base64: the bits after the last byte are zero, so decoding and re-encoding gives it back
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"
BASE64_PATTERN = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$"
ITEMS_CAP = 2
FREEFORM_PROPERTIES_CAP = 2


ANNOTATION_KEYWORDS = {"description", "title", "summary", "readOnly", "writeOnly", "nullable", "deprecated", "example",
                       "examples", "externalDocs", "default"}


def only_annotates(schema: Any) -> bool:
    """Whether an allOf member only says something about the value (readOnly, nullable, a description,
    perhaps `type: object`) without constraining it: Asana writes `allOf: [{$ref: …}, {nullable: true}]`."""
    return (isinstance(schema, dict) and "$ref" not in schema and schema.get("type", "object") == "object"
            and all(key in ANNOTATION_KEYWORDS or key == "type" or key.startswith("x-") for key in schema))


def non_null_type(types: Any) -> Any:
    """`type` without `"null"`: the one type of `[T, "null"]` (or of a plain `T`); else the value as given."""
    if isinstance(types, list):
        rest = [t for t in types if t != "null"]
        return rest[0] if len(rest) == 1 else types
    return types


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


class SchemaConverter:
    """Inlines `$ref`s, converts `nullable`, forbids undeclared properties, caps sizes, and pins
    discriminator properties to the values that select each oneOf/anyOf branch.

    direction: "response" drops writeOnly properties, "request" drops readOnly ones.
    Recursive references are cut: the recursive property, or array element, becomes impossible
    (`false`), so hypothesis leaves it out (arrays stay empty).
    """

    def __init__(self, spec: dict, direction: str = "response"):
        self.spec = spec
        self.direction = direction

    def convert(self, schema: Any, stack: tuple = ()) -> Any:
        if schema is True or schema is False:
            return schema
        if not isinstance(schema, dict):
            return True
        if "$ref" in schema:
            ref = schema["$ref"]
            if ref in stack:
                return False
            return self.convert(resolve_ref(self.spec, ref), stack + (ref,))
        out: dict = {}
        for key in PASSTHROUGH:
            if key in schema:
                out[key] = copy.deepcopy(schema[key])
        types = out.get("type")
        # 3.1 spells a nullable integer `type: [integer, "null"]`: the bounds and caps below are for its
        # non-null type (an int32 field got 27-digit numbers no client can hold)
        base = non_null_type(types)
        # OpenAPI 3.0 boolean exclusive bounds
        if schema.get("exclusiveMinimum") is True and "minimum" in schema:
            out["exclusiveMinimum"] = out.pop("minimum")
        elif isinstance(schema.get("exclusiveMinimum"), (int, float)) and not isinstance(schema.get("exclusiveMinimum"), bool):
            out["exclusiveMinimum"] = schema["exclusiveMinimum"]
        if schema.get("exclusiveMaximum") is True and "maximum" in schema:
            out["exclusiveMaximum"] = out.pop("maximum")
        elif isinstance(schema.get("exclusiveMaximum"), (int, float)) and not isinstance(schema.get("exclusiveMaximum"), bool):
            out["exclusiveMaximum"] = schema["exclusiveMaximum"]
        if base == "integer":
            low, high = INT_BOUNDS.get(schema.get("format"), INT_BOUNDS[None])
            out.setdefault("minimum", low) if "exclusiveMinimum" not in out else None
            out.setdefault("maximum", high) if "exclusiveMaximum" not in out else None
            out.pop("format", None)
        if base == "number":
            out.pop("format", None)
            if "minimum" not in out and "exclusiveMinimum" not in out:
                out["minimum"] = -1e9
            if "maximum" not in out and "exclusiveMaximum" not in out:
                out["maximum"] = 1e9
        if base == "string" and not any(k in out for k in ("maxLength", "enum", "const", "pattern", "format")):
            if out.get("minLength", 0) <= STRING_CAP:
                out["maxLength"] = STRING_CAP
        if base == "string" and out.get("format") == "byte" and not any(k in out for k in ("pattern", "enum", "const")):
            # base64 (RFC 4648), which the validator and the clients' `Data` decode; short, a whole
            # number of quanta
            out.pop("format")
            out["pattern"] = BASE64_PATTERN
            out["maxLength"] = min(out.get("maxLength", STRING_CAP), STRING_CAP)
        if base == "string" and out.get("format") == "time" and not any(k in out for k in ("pattern", "enum", "const")):
            out.pop("format")
            out["pattern"] = TIME_PATTERN  # HH:MM:SS, what the validator's `time` accepts
        if base == "string" and out.get("format") not in (None, "date-time", "date", "uuid", "uuid4", "email", "uri", "ipv4", "ipv6", "hostname"):
            out.pop("format")
        is_object = base == "object" or "properties" in schema or "additionalProperties" in schema
        if is_object and types is None and not any(k in schema for k in ("allOf", "anyOf", "oneOf")):
            # JSON Schema lets an untyped schema with `properties` be any value; the description
            # means an object, and that is what clients (Kiln's too) decode
            out["type"] = "object"
        if "properties" in schema:
            props = {}
            dropped = set()
            for name, sub in schema["properties"].items():
                target = deref(self.spec, sub) if isinstance(sub, dict) else sub
                if isinstance(target, dict):
                    if self.direction == "response" and target.get("writeOnly") and not sub.get("$ref"):
                        dropped.add(name)
                        continue
                    if self.direction == "request" and target.get("readOnly") and not sub.get("$ref"):
                        dropped.add(name)
                        continue
                if isinstance(sub, dict) and (sub.get("writeOnly") and self.direction == "response" or sub.get("readOnly") and self.direction == "request"):
                    dropped.add(name)
                    continue
                props[name] = self.convert(sub, stack)
            out["properties"] = props
            if "required" in out:
                out["required"] = [r for r in out["required"] if r not in dropped]
                for name in out["required"]:
                    if props.get(name) is False:
                        # a required recursive property: keep one level by not cutting
                        props[name] = True
        if "additionalProperties" in schema:
            extra = schema["additionalProperties"]
            if extra is False:
                out["additionalProperties"] = False
            elif extra is True or extra == {}:
                out["maxProperties"] = min(out.get("maxProperties", FREEFORM_PROPERTIES_CAP), FREEFORM_PROPERTIES_CAP)
            else:
                out["additionalProperties"] = self.convert(extra, stack)
                out["maxProperties"] = min(out.get("maxProperties", FREEFORM_PROPERTIES_CAP), FREEFORM_PROPERTIES_CAP)
        elif "properties" in schema:
            out["additionalProperties"] = False
        elif is_object:
            out["maxProperties"] = min(out.get("maxProperties", FREEFORM_PROPERTIES_CAP), FREEFORM_PROPERTIES_CAP)
        if "items" in schema:
            out["items"] = self.convert(schema["items"], stack)
            if out["items"] is False:
                out["maxItems"] = 0
                out.pop("minItems", None)
        if types == "array" and "maxItems" not in out:
            out["maxItems"] = max(ITEMS_CAP, out.get("minItems", 0))
        for key in ("allOf", "anyOf", "oneOf"):
            if key in schema:
                branches = []
                for branch in schema[key]:
                    if key == "allOf" and only_annotates(branch):
                        # `readOnly`, `nullable` or a description next to a `$ref`: it constrains
                        # nothing the other members do not (null is no object of theirs), so it
                        # must not keep the allOf from being merged and sealed below
                        branches.append({"type": "object"} if "type" in branch else {})
                        continue
                    converted = self.convert(branch, stack)
                    if key == "allOf" and isinstance(converted, dict):
                        # properties of one allOf member are not the whole object's
                        converted.pop("additionalProperties", None)
                    branches.append(converted)
                if key != "allOf" and "discriminator" in schema:
                    branches = self._pin_discriminator(schema, branches)
                out[key] = branches
        if "allOf" in out and "additionalProperties" not in schema:
            out = self._seal_all_of(out)
        if "not" in schema:
            out["not"] = self.convert(schema["not"], stack)
        if schema.get("nullable"):
            if "enum" in out and None not in out["enum"]:
                out["enum"] = list(out["enum"]) + [None]
            if isinstance(out.get("type"), str):
                out["type"] = [out["type"], "null"]
            elif "type" not in out:
                out = {"anyOf": [out, {"type": "null"}]}
        return out

    OBJECT_KEYWORDS = {"type", "properties", "required", "additionalProperties", "maxProperties", "minProperties"}

    def _seal_all_of(self, out: dict) -> dict:
        """An allOf of plain objects merged into one object without undeclared members, as for a
        schema with `properties`: JSON Schema cannot forbid what no single member declares (each
        member's `additionalProperties` was dropped), so the generator would invent members no
        client type holds. Compositions of anything else stay as they are."""
        members = out["allOf"]
        # a member that is also `nullable` (`type: [object, null]`) is still an object here: the merged
        # object is generated without null, a subset of what the allOf allows
        if not all(isinstance(m, dict) and set(m) <= self.OBJECT_KEYWORDS
                   and m.get("type", "object") in ("object", ["object", "null"])
                   and m.get("additionalProperties") in (None, False) for m in members):
            return out
        rest = {k: v for k, v in out.items() if k != "allOf"}
        if not set(rest) <= self.OBJECT_KEYWORDS or rest.get("type", "object") != "object":
            return out
        merged: dict = {"type": "object", "properties": dict(rest.get("properties", {})),
                        "required": list(rest.get("required", []))}
        for member in members:
            for name, sub in member.get("properties", {}).items():
                previous = merged["properties"].get(name)
                merged["properties"][name] = sub if previous is None else {"allOf": [previous, sub]}
            merged["required"] += [r for r in member.get("required", []) if r not in merged["required"]]
        if not merged["required"]:
            del merged["required"]
        merged["additionalProperties"] = False
        return merged

    def _pin_discriminator(self, schema: dict, branches: list) -> list:
        discriminator = schema["discriminator"]
        prop = discriminator["propertyName"]
        mapping = discriminator.get("mapping", {})
        source = schema.get("oneOf") or schema.get("anyOf") or []
        pinned = []
        for raw, converted in zip(source, branches):
            values = []
            if isinstance(raw, dict) and "$ref" in raw:
                values = [value for value, target in mapping.items() if target == raw["$ref"] or target == ref_name(raw["$ref"])]
                if not values and not mapping:
                    values = [ref_name(raw["$ref"])]
            if values and isinstance(converted, dict):
                converted = copy.deepcopy(converted)
                converted.setdefault("properties", {})[prop] = {"type": "string", "enum": sorted(values)}
                required = converted.setdefault("required", [])
                if prop not in required:
                    required.append(prop)
            pinned.append(converted)
        return pinned


# ----------------------------------------------------------------------------------------------
# Generating bodies with hypothesis-jsonschema

_generation_lock = threading.Lock()


def generate_examples(json_schema: Any, seed: int, count: int = EXAMPLES_PER_SCHEMA) -> list:
    from hypothesis import HealthCheck, Phase, given, settings, strategies as st
    from hypothesis import seed as hypothesis_seed
    from hypothesis_jsonschema import from_schema

    formats = {
        "uuid": st.uuids().map(str),
        "uuid4": st.uuids(version=4).map(str),
    }
    strategy = from_schema(json_schema, custom_formats=formats)
    examples: list = []

    @hypothesis_seed(seed)
    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(strategy)
    def collect(value):
        examples.append(value)

    collect()
    return examples


def pick_example(examples: list) -> Any:
    """The richest example whose JSON fits the size cap (the smallest one when none fits)."""
    sized = [(len(json.dumps(e, ensure_ascii=False).encode("utf-8")), i, e) for i, e in enumerate(examples)]
    fitting = [s for s in sized if s[0] <= BODY_SIZE_CAP]
    if fitting:
        return max(fitting, key=lambda s: (s[0], -s[1]))[2]
    return min(sized, key=lambda s: (s[0], s[1]))[2]


class BodyFactory:
    """Generated examples per (schema, seed), kept in memory and, when `cache_dir` is set, on disk:
    generation is deterministic, so a later run (or another process) reads them instead of waiting
    for hypothesis. The key covers the converted schema, the seed and the generator versions."""

    def __init__(self, spec: dict, cache_dir: Optional[str] = None):
        self.spec = spec
        self.converter = SchemaConverter(spec, "response")
        self.cache: dict = {}
        self.cache_dir = cache_dir

    def _disk_key(self, json_schema: Any, seed: int) -> str:
        import hashlib

        import hypothesis
        import hypothesis_jsonschema

        material = json.dumps(
            [json_schema, seed, EXAMPLES_PER_SCHEMA, hypothesis.__version__, hypothesis_jsonschema.__version__, CACHE_FORMAT],
            sort_keys=True, default=str,
        )
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def _generate(self, json_schema: Any, seed: int) -> list:
        path = None
        if self.cache_dir:
            path = os.path.join(self.cache_dir, self._disk_key(json_schema, seed) + ".json")
            try:
                with open(path, encoding="utf-8") as handle:
                    return json.load(handle)
            except (OSError, ValueError):
                pass
        examples = generate_examples(json_schema, seed)
        if path:
            try:
                os.makedirs(self.cache_dir, exist_ok=True)
                temporary = f"{path}.{os.getpid()}.tmp"
                with open(temporary, "w", encoding="utf-8") as handle:
                    json.dump(examples, handle, ensure_ascii=False)
                os.replace(temporary, path)
            except OSError:
                pass
        return examples

    def body(self, schema: Any, key: str, variant: int = 0) -> Any:
        """Variant 0: the richest example of the fixed seed; 1: its smallest (typically only the
        required members, empty strings, zeros); n >= 2: the richest example of seed + n - 1."""
        seed = SEED + max(0, variant - 1)
        cache_key = (json.dumps(schema, sort_keys=True), seed)
        with _generation_lock:
            if cache_key not in self.cache:
                started = time.monotonic()
                json_schema = self.converter.convert(schema)
                self.cache[cache_key] = self._generate(json_schema, seed)
                log(f"generated {key} (seed {seed}) in {time.monotonic() - started:.2f}s")
            examples = self.cache[cache_key]
            if not examples:
                return None
            chosen = smallest_example(examples) if variant == 1 else pick_example(examples)
            return copy.deepcopy(chosen)


def smallest_example(examples: list) -> Any:
    sized = [(len(json.dumps(e, ensure_ascii=False).encode("utf-8")), i, e) for i, e in enumerate(examples)]
    return min(sized, key=lambda s: (s[0], s[1]))[2]


# ----------------------------------------------------------------------------------------------
# Form bodies (Kratos convention)


class FormDecoder:
    """`application/x-www-form-urlencoded` → JSON, as Kratos's decoder reads forms."""

    def __init__(self, spec: dict):
        self.spec = spec

    def decode(self, raw: bytes, schema: Any) -> Any:
        pairs = urllib.parse.parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        tree: dict = {}
        for name, value in pairs:
            parts = name.split(".")
            node = tree
            for part in parts[:-1]:
                existing = node.get(part)
                if not isinstance(existing, dict):
                    existing = {}
                    node[part] = existing
                node = existing
            leaf = parts[-1]
            if leaf in node:
                if isinstance(node[leaf], list):
                    node[leaf].append(value)
                else:
                    node[leaf] = [node[leaf], value]
            else:
                node[leaf] = value
        return self.coerce(tree, schema)

    def coerce(self, value: Any, schema: Any) -> Any:
        schema = deref(self.spec, schema) if isinstance(schema, dict) else schema
        if not isinstance(schema, dict):
            return value
        for key in ("oneOf", "anyOf"):
            if key in schema:
                branch = self._branch(value, schema, key)
                if branch is not None:
                    return self.coerce(value, branch)
                return value
        if "allOf" in schema:
            for branch in schema["allOf"]:
                value = self.coerce(value, branch)
            return value
        kind = schema.get("type")
        if kind == "array":
            items = value if isinstance(value, list) else [value]
            return [self.coerce(item, schema.get("items", {})) for item in items]
        if isinstance(value, list) and kind != "array":
            value = value[-1]
        if isinstance(value, dict):
            props = schema.get("properties", {})
            extra = schema.get("additionalProperties")
            return {
                k: self.coerce(v, props.get(k, extra if isinstance(extra, dict) else {}))
                for k, v in value.items()
            }
        if isinstance(value, str):
            if kind == "boolean" and value in ("true", "false"):
                return value == "true"
            if kind == "integer" and re.fullmatch(r"-?\d+", value):
                return int(value)
            if kind == "number":
                try:
                    return float(value) if not re.fullmatch(r"-?\d+", value) else int(value)
                except ValueError:
                    return value
            if kind == "object" and value == "":
                return {}
        return value

    def _branch(self, value: Any, schema: dict, key: str) -> Optional[dict]:
        discriminator = schema.get("discriminator")
        if discriminator and isinstance(value, dict):
            tag = value.get(discriminator["propertyName"])
            if isinstance(tag, list):
                tag = tag[-1]
            target = discriminator.get("mapping", {}).get(tag)
            if target:
                return resolve_ref(self.spec, target) if target.startswith("#") else resolve_ref(self.spec, f"#/components/schemas/{target}")
            for branch in schema[key]:
                if isinstance(branch, dict) and "$ref" in branch and ref_name(branch["$ref"]) == tag:
                    return resolve_ref(self.spec, branch["$ref"])
        # no discriminator: the first branch whose required properties are all present
        for branch in schema[key]:
            target = deref(self.spec, branch)
            if isinstance(value, dict) and isinstance(target, dict):
                if all(r in value for r in target.get("required", [])):
                    return target
        return None


# ----------------------------------------------------------------------------------------------
# Requests as openapi-core sees them


def media_type_of(content_type: Optional[str]) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


class StubRequest:
    """openapi-core's Request protocol (with SupportsPathPattern: the path is already matched)."""

    def __init__(self, op: Operation, path_params: dict, query: list, headers: list, cookies: list,
                 content_type: str, body: Optional[bytes]):
        from openapi_core.datatypes import RequestParameters
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        self.host_url = "http://127.0.0.1"
        self.path = op.path
        self.path_pattern = op.path
        self.method = op.method
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query),
            header=Headers(headers),
            cookie=ImmutableMultiDict(cookies),
            path=path_params,
        )
        self.content_type = content_type
        self.body = body


class StubResponse:
    def __init__(self, status: int, content_type: str, headers: dict, data: bytes):
        from werkzeug.datastructures import Headers

        self.status_code = status
        self.content_type = content_type
        self.headers = Headers(list(headers.items()))
        self.data = data


def describe_error(error: BaseException) -> str:
    """One line: the error, then its causes; schema errors as `at /pointer: message`."""
    parts = []
    node: Optional[BaseException] = error
    depth = 0
    while node is not None and depth < 5:
        schema_errors = getattr(node, "schema_errors", None)
        if schema_errors:
            details = []
            for schema_error in list(schema_errors)[:6]:
                where = "/".join(str(p) for p in getattr(schema_error, "absolute_path", []))
                details.append(f"at /{where}: {getattr(schema_error, 'message', schema_error)}")
            parts.append("; ".join(details))
            break
        text = str(node)
        if text.startswith("Request body validation error: Value"):
            text = "Request body validation error"
        if text and text not in parts:
            parts.append(text)
        node = node.__cause__
        depth += 1
    return " <- ".join(parts)


# ----------------------------------------------------------------------------------------------
# Comparing what arrived with what the caller meant to send


UUID_TEXT = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def json_equal_diff(expected: Any, actual: Any, path: str = "") -> Optional[str]:
    """None when equal (null and absent count as the same; numbers by value)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            left, right = expected.get(key), actual.get(key)
            if left is None and right is None:
                continue
            diff = json_equal_diff(left, right, f"{path}/{key}")
            if diff:
                return diff
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"at {path or '/'}: expected {len(expected)} elements, got {len(actual)}"
        for index, (left, right) in enumerate(zip(expected, actual)):
            diff = json_equal_diff(left, right, f"{path}/{index}")
            if diff:
                return diff
        return None
    if isinstance(expected, bool) or isinstance(actual, bool):
        if expected is actual:
            return None
    elif isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        if expected == actual or abs(expected - actual) <= 1e-9 * max(1.0, abs(expected)):
            return None
    elif expected == actual:
        return None
    elif isinstance(expected, str) and isinstance(actual, str) and UUID_TEXT.match(expected) and expected.lower() == actual.lower():
        return None  # RFC 4122: case-insensitive on input (uppercase output is noted, not failed)
    return f"at {path or '/'}: expected {json.dumps(expected)[:200]}, got {json.dumps(actual)[:200]}"


# ----------------------------------------------------------------------------------------------
# The server


class StubState:
    def __init__(self, spec_path: str, cache_dir: Optional[str] = None):
        from openapi_core import OpenAPI

        self.original_spec = load_spec(spec_path)
        self.spec_name = os.path.basename(spec_path)
        self.validation_spec, self.defects = repair_spec(self.original_spec)
        # bodies are generated from the repaired spec too: a schema no value satisfies generates nothing
        self.spec = self.validation_spec
        for note in self.defects:
            log(f"spec defect: {note}")
        self.openapi = OpenAPI.from_dict(self.validation_spec)
        self.operations = operations_of(self.spec)
        self.operations.sort(key=lambda o: (o.template_count, -len(o.path)))
        self.bodies = BodyFactory(self.spec, cache_dir)
        self.forms = FormDecoder(self.spec)
        self.lock = threading.Lock()
        self.failures: list = []
        self.log: list = []
        self.selfcheck: list = []
        self.port = 0

    def find(self, method: str, raw_path: str) -> tuple[Optional[Operation], dict, bool]:
        path_matched = False
        for op in self.operations:
            params = op.match(raw_path)
            if params is None:
                continue
            path_matched = True
            if op.method == method:
                return op, params, True
        return None, {}, path_matched

    def record_failure(self, op_id: str, label: str, message: str, excerpt: str) -> None:
        with self.lock:
            self.failures.append({"operationId": op_id, "label": label, "message": message, "request": excerpt})
        log(f"FAILURE {op_id} [{label}]: {message}")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "KilnConformanceStub/1"
    state: StubState

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm and the client's
        # delayed ACK add ~40 ms to every response.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
        if os.environ.get("STUB_VERBOSE"):
            log(format % args)

    # one entry point for every method
    def do_GET(self) -> None: self.handle_any()
    def do_POST(self) -> None: self.handle_any()
    def do_PUT(self) -> None: self.handle_any()
    def do_PATCH(self) -> None: self.handle_any()
    def do_DELETE(self) -> None: self.handle_any()
    def do_HEAD(self) -> None: self.handle_any()
    def do_OPTIONS(self) -> None: self.handle_any()

    def read_body(self) -> Optional[bytes]:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size_line = self.rfile.readline().strip()
                size = int(size_line.split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
            return data
        length = int(self.headers.get("Content-Length", "0") or "0")
        if length == 0:
            return None
        return self.rfile.read(length)

    def send(self, status: int, body: bytes = b"", content_type: Optional[str] = None, headers: Optional[dict] = None) -> None:
        self.send_response(status)
        if content_type and body:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def send_json(self, status: int, value: Any) -> None:
        self.send(status, json.dumps(value, indent=1).encode("utf-8"), "application/json")

    def handle_any(self) -> None:
        try:
            self._handle()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception:  # a stub bug: answer 599 so the test sees it, and say why
            log("internal error:\n" + traceback.format_exc())
            try:
                self.send_json(599, {"stub_error": traceback.format_exc()})
            except Exception:
                pass

    def _handle(self) -> None:
        state = self.state
        method = self.command.lower()
        split = urllib.parse.urlsplit(self.path)
        raw_path = split.path
        body = self.read_body()

        if raw_path.startswith("/__stub/"):
            self.control(method, raw_path, body)
            return

        control = {k.lower(): v for k, v in self.headers.items() if k.lower().startswith(STUB_HEADER_PREFIX)}
        label = control.get("x-stub-label", "")
        delay = min(int(control.get("x-stub-delay-ms", "0") or "0"), MAX_DELAY_MS)
        headers = [(k, v) for k, v in self.headers.items() if not k.lower().startswith(STUB_HEADER_PREFIX)]
        excerpt = self.excerpt(headers, body)

        op, path_params, path_matched = state.find(method, raw_path)
        if op is None:
            message = f"no operation for {self.command} {raw_path}" + (" (method not allowed)" if path_matched else "")
            state.record_failure("?", label, message, excerpt)
            with state.lock:
                state.log.append({"operationId": None, "label": label, "method": self.command, "target": self.path, "status": 404})
            self.send_json(404, {"stub_error": message})
            return

        self.validate(op, path_params, split.query, headers, body, control, label, excerpt)

        status = self.chosen_status(op, control, label, excerpt)
        if delay:
            deadline = time.monotonic() + delay / 1000
            while time.monotonic() < deadline:
                time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
        with state.lock:
            state.log.append({"operationId": op.operation_id, "label": label, "method": self.command, "target": self.path, "status": status})
        self.respond(op, status, split.query, control, label)

    def excerpt(self, headers: list, body: Optional[bytes]) -> str:
        lines = [f"{self.command} {self.path}"]
        for name, value in headers:
            if name.lower() in ("host", "accept-encoding", "connection", "user-agent", "accept-language", "content-length"):
                continue
            lines.append(f"{name}: {value}")
        if body:
            text = body[:600].decode("utf-8", "replace")
            lines.append("")
            lines.append(text + ("…" if len(body) > 600 else ""))
        return "\n".join(lines)

    # -- validation

    def validate(self, op: Operation, path_params: dict, query_text: str, headers: list, body: Optional[bytes],
                 control: dict, label: str, excerpt: str) -> None:
        state = self.state
        fail = lambda message: state.record_failure(op.operation_id, label, message, excerpt)  # noqa: E731
        query = urllib.parse.parse_qsl(query_text, keep_blank_values=True)
        cookies = []
        for name, value in headers:
            if name.lower() == "cookie":
                for piece in value.split(";"):
                    if "=" in piece:
                        k, v = piece.strip().split("=", 1)
                        cookies.append((k, v))
        content_type = self.headers.get("Content-Type", "")
        media_type = media_type_of(content_type)

        declared_query = {p["name"] for p in op.parameters if p["in"] == "query"} | security_query_names(state.spec)
        for name in sorted({n for n, _ in query} - declared_query):
            fail(f"query parameter '{name}' is not declared by the operation")
        header_map: dict = {}
        for name, value in headers:
            header_map.setdefault(name.lower(), []).append(value)
        query_map: dict = {}
        for name, value in query:
            query_map.setdefault(name, []).append(value)
        problem = security_problem(state.spec, op, header_map, query_map, dict(cookies))
        if problem:
            fail(problem)

        validated_body = body
        validated_type = content_type
        decoded_body: Any = None
        if body is not None and op.request_body is None:
            fail(f"a body was sent ({len(body)} bytes, Content-Type '{content_type}') but the operation has no request body")
        if body is not None and op.request_body is not None:
            content = op.request_body.get("content", {})
            if media_type == "application/x-www-form-urlencoded" and media_type in content:
                schema = content[media_type].get("schema", {})
                try:
                    decoded_body = state.forms.decode(body, schema)
                except Exception as error:  # undecodable form
                    fail(f"form body could not be decoded: {error}")
                    decoded_body = None
                json_twin = content.get("application/json")
                if decoded_body is not None and json_twin is not None and json.dumps(json_twin.get("schema"), sort_keys=True) == json.dumps(schema, sort_keys=True):
                    validated_body = json.dumps(decoded_body).encode("utf-8")
                    validated_type = "application/json"
            elif media_type.startswith("text/"):
                decoded_body = body.decode("utf-8", "replace")
            elif media_type.endswith("json"):
                try:
                    decoded_body = json.loads(body.decode("utf-8"))
                except Exception as error:
                    fail(f"the JSON body does not parse: {error}")

        request = StubRequest(op, path_params, query, headers, cookies, validated_type.lower(), validated_body)
        try:
            errors = list(state.openapi.iter_apicall_request_errors(request))
        except Exception as error:
            errors = [error]
        for error in errors:
            fail(describe_error(error))

        expect_text = control.get("x-stub-expect")
        if expect_text:
            try:
                padded = expect_text + "=" * (-len(expect_text) % 4)
                expect = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
            except Exception as error:
                fail(f"X-Stub-Expect does not decode: {error}")
                return
            self.check_expectations(op, expect, path_params, query, headers, cookies, body, decoded_body, fail)

    def check_expectations(self, op: Operation, expect: dict, path_params: dict, query: list, headers: list,
                           cookies: list, body: Optional[bytes], decoded_body: Any, fail) -> None:
        params = expect.get("params", {})
        header_map: dict = {}
        for name, value in headers:
            header_map.setdefault(name.lower(), []).append(value)
        query_map: dict = {}
        for name, value in query:
            query_map.setdefault(name, []).append(value)
        for name, value in params.get("path", {}).items():
            if path_params.get(name) != value:
                fail(f"path parameter '{name}': expected {value!r}, received {path_params.get(name)!r}")
        for name, values in params.get("query", {}).items():
            received = query_map.get(name)
            param = next((p for p in op.parameters if p["in"] == "query" and p["name"] == name), {})
            if received is not None and not param.get("explode", param.get("style", "form") == "form") and len(received) == 1:
                received = received[0].split(",")
            if received != values:
                fail(f"query parameter '{name}': expected {values!r}, received {received!r}")
        for name, value in params.get("header", {}).items():
            received = header_map.get(name.lower())
            joined = ", ".join(received) if received else None
            if joined != value:
                fail(f"header parameter '{name}': expected {value!r}, received {joined!r}")
        for name, value in params.get("cookie", {}).items():
            received = dict(cookies).get(name)
            if received != value:
                fail(f"cookie parameter '{name}': expected {value!r}, received {received!r}")
        if expect.get("exact"):
            for param in op.parameters:
                where, name = param["in"], param["name"]
                expected_names = {n.lower() if where == "header" else n for n in params.get(where, {})}
                key = name.lower() if where == "header" else name
                present = (
                    (where == "query" and name in query_map)
                    or (where == "header" and name.lower() in header_map)
                    or (where == "cookie" and name in dict(cookies))
                )
                if present and key not in expected_names:
                    fail(f"{where} parameter '{name}' was sent but the caller did not set it")
        if "body" in expect:
            if body is None:
                if expect["body"] is not None:
                    fail("expected a request body, none was sent")
            elif decoded_body is None and expect["body"] is not None:
                fail("the request body could not be decoded for comparison")
            else:
                diff = json_equal_diff(expect["body"], decoded_body)
                if diff:
                    fail(f"request body differs from the value the caller passed: {diff}")
        elif expect.get("exact") and body is not None and op.request_body is not None:
            fail(f"a request body was sent ({len(body)} bytes) but the caller passed none")

    # -- responses

    def chosen_status(self, op: Operation, control: dict, label: str, excerpt: str) -> int:
        text = control.get("x-stub-status")
        if not text:
            return op.success_status()
        try:
            return int(text)
        except ValueError:
            if text == "default":
                return default_status_for(op)
            self.state.record_failure(op.operation_id, label, f"X-Stub-Status '{text}' is not a status", excerpt)
            return 599

    def respond(self, op: Operation, status: int, query_text: str, control: dict, label: str) -> None:
        state = self.state
        key, response = op.response_for(status)
        headers: dict = {}
        if status in (301, 302, 303, 307, 308):
            headers["Location"] = f"http://127.0.0.1:{state.port}/__stub/redirect-target?from={op.operation_id}"
        if response is None:
            self.send(status, json.dumps({"stub": f"undocumented status {status}"}).encode(), "application/json", headers)
            return
        for name, header in response.get("headers", {}).items():
            header = deref(state.spec, header)
            if name.lower() in ("content-type", "location"):
                continue
            schema = header.get("schema", {"type": "string"})
            value = state.bodies.body(schema, f"{op.operation_id} {status} header {name}")
            headers[name] = header_safe(value if isinstance(value, str) else json.dumps(value), deref(state.spec, schema))
        try:
            variant = max(0, int(control.get("x-stub-variant", "0") or "0"))
        except ValueError:
            variant = 0
        pages = control.get("x-stub-pages")
        query = dict(urllib.parse.parse_qsl(query_text, keep_blank_values=True))
        has_page_token = any(p["in"] == "query" and p["name"] == "page_token" for p in op.parameters)
        if pages and has_page_token and 200 <= status < 300:
            total = max(1, int(pages))
            token = query.get("page_token", "")
            match = re.fullmatch(r"stub-page-(\d+)", token)
            page = int(match.group(1)) if match else 1
            variant = 0 if page == 1 else page  # distinct bodies per page
            kept = [(k, v) for k, v in urllib.parse.parse_qsl(query_text, keep_blank_values=True) if k != "page_token"]
            def page_url(n: int) -> str:
                # relative, as Kratos sends it
                return self.path.split("?")[0] + "?" + urllib.parse.urlencode(kept + [("page_token", f"stub-page-{n}")])
            links = [f'<{page_url(1)}>; rel="first"']
            if page < total:
                links.append(f'<{page_url(page + 1)}>; rel="next"')
            headers["Link"] = ",".join(links)
        content = response.get("content") or {}
        if not content or status in (204, 304) or status < 200:
            # HTTP forbids a body on these; a description may still declare content for them
            self.send(status, b"", None, headers)
            return
        media_type, media = next(iter(content.items()))
        schema = media.get("schema", {})
        value = state.bodies.body(schema, f"{op.operation_id} {key} {media_type}", variant)
        if media_type.startswith("text/") and isinstance(value, str):
            data = value.encode("utf-8")
            content_type = f"{media_type}; charset=utf-8"
        else:
            data = json.dumps(value, ensure_ascii=False).encode("utf-8")
            content_type = media_type
        self.selfcheck(op, status, content_type, headers, data)
        self.send(status, data, content_type, headers)

    def selfcheck(self, op: Operation, status: int, content_type: str, headers: dict, data: bytes) -> None:
        """The generated body must itself conform to the spec; if it does not, the stub is wrong."""
        state = self.state
        request = StubRequest(op, {}, [], [], [], "", None)
        response = StubResponse(status, content_type, headers, data)
        try:
            errors = list(state.openapi.iter_apicall_response_errors(request, response))
        except Exception as error:
            errors = [error]
        for error in errors:
            message = describe_error(error)
            if "Missing required" in message and "parameter" in message:
                continue
            if message == "Missing response data" and content_type.startswith("text/") and not data:
                continue  # an empty text body is the empty string, which the schema allows
            entry = {"operationId": op.operation_id, "status": status, "message": message}
            with state.lock:
                if entry not in state.selfcheck:
                    state.selfcheck.append(entry)
                    log(f"self-check: generated {op.operation_id} {status} does not validate: {message}")

    # -- control endpoints

    def control(self, method: str, raw_path: str, body: Optional[bytes]) -> None:
        state = self.state
        name = raw_path[len("/__stub/"):]
        if name == "failures" and method == "get":
            with state.lock:
                self.send_json(200, list(state.failures))
        elif name == "log" and method == "get":
            with state.lock:
                self.send_json(200, list(state.log))
        elif name == "reset" and method == "post":
            with state.lock:
                state.failures.clear()
                state.log.clear()
            self.send_json(200, {"reset": True})
        elif name == "selfcheck" and method == "get":
            with state.lock:
                self.send_json(200, list(state.selfcheck))
        elif name == "defects" and method == "get":
            self.send_json(200, state.defects)
        elif name == "redirect-target":
            origin = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("from", ["?"])[0]
            state.record_failure(origin, "", "the client followed a 303 redirect; redirects must be reported, not followed",
                                 f"{self.command} {self.path}")
            self.send_json(200, {"stub": "redirect target"})
        elif name == "health":
            self.send_json(200, {"ok": True, "spec": state.spec_name, "operations": len(state.operations)})
        else:
            self.send_json(404, {"stub_error": f"no control endpoint {method.upper()} {raw_path}"})


def header_safe(value: str, schema: Any) -> str:
    """A response header value HTTP can carry: generated strings may hold control characters or
    non-ASCII, which no client can receive (`Header without colon`). A plain string schema gets
    letters instead, as long as its length bounds ask; other schemas keep their value."""
    if all(32 <= ord(ch) < 127 for ch in value) and value == value.strip():
        return value
    plain = isinstance(schema, dict) and not any(k in schema for k in ("enum", "const", "pattern", "format"))
    if not plain:
        return value
    length = max(schema.get("minLength", 0), min(len(value), schema.get("maxLength", 24)), 1)
    return ("stubheadervalue" * (length // 15 + 1))[:length]


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def watch_stdin() -> None:
    """Exit when whoever started us closes our stdin (only when it is a pipe or a terminal)."""
    try:
        mode = os.fstat(0).st_mode
    except OSError:
        return
    if not (stat.S_ISFIFO(mode) or os.isatty(0)):
        return

    def run() -> None:
        try:
            while sys.stdin.buffer.read(1024):
                pass
        except Exception:
            pass
        log("stdin closed; exiting")
        os._exit(0)

    threading.Thread(target=run, daemon=True).start()


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", required=True, help="the OpenAPI document (YAML or JSON)")
    parser.add_argument("--port", type=int, default=0, help="0 (default) picks a free port")
    parser.add_argument("--max-minutes", type=float, default=20.0, help="exit after this long")
    parser.add_argument("--warm", action="store_true", help="generate every documented response body before listening")
    parser.add_argument("--cache", default=os.environ.get("KILN_STUB_CACHE", DEFAULT_CACHE_DIR),
                        help="where generated bodies are kept between runs ('' for nowhere); default .build-conformance/body-cache")
    args = parser.parse_args(argv)

    state = StubState(args.spec, os.path.normpath(args.cache) if args.cache else None)
    Handler.state = state
    if args.warm:
        for op in state.operations:
            for key, response in op.responses.items():
                for media_type, media in (response.get("content") or {}).items():
                    state.bodies.body(media.get("schema", {}), f"{op.operation_id} {key} {media_type}")
                    break
    server = Server(("127.0.0.1", args.port), Handler)
    state.port = server.server_address[1]
    sys.stdout.write(f"{state.port}\n")
    sys.stdout.flush()
    log(f"serving {state.spec_name} ({len(state.operations)} operations) on http://127.0.0.1:{state.port}")
    watch_stdin()
    timer = threading.Timer(args.max_minutes * 60, lambda: (log("time limit reached; exiting"), os._exit(0)))
    timer.daemon = True
    timer.start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
