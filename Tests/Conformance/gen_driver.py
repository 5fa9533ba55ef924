#!/usr/bin/env python3
"""Writes the Swift conformance cases for a generated client, from the spec and the client's source.

For every operation (or only GETs, with --only-get):
  - calls with every parameter set and with only the required ones (and, for operations that take
    several content types, once per content type; for oneOf bodies, once per branch), each carrying
    an `X-Stub-Expect` header that tells the stub what the call passed, so that a dropped, renamed or
    misencoded parameter or body member is a failure;
  - one case per documented (operation, status) pair, and per operation without `default`, one
    undocumented status.

The Swift names come from the generated client's source: the `func <operationId>Response(` labels
(matched to spec parameter names ignoring case and punctuation), the cases of `Operations.<Type>.Response`
and `Operations.<Type>.Body`. Values are built in Swift with `v(json)` (decoded by the client's own
decoder), so the generator needs no Swift types.

    gen_driver.py --spec spec/ory-kratos.yaml --client Generated/OryKratos --output Tests/OryKratosConformanceTests/KratosCases.swift
    gen_driver.py ... --selftest http://127.0.0.1:PORT   # send the calls as a reference client would; must record no failures
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import os
import re
import sys
import urllib.parse
import urllib.request
from typing import Any, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stub_server as stub  # noqa: E402

# ----------------------------------------------------------------------------------------------
# Statuses and their case names (RFC 9110 reason phrases in lowerCamelCase)

STATUS_CASES = {
    100: "continue", 101: "switchingProtocols", 200: "ok", 201: "created", 202: "accepted",
    203: "nonAuthoritativeInformation", 204: "noContent", 205: "resetContent", 206: "partialContent",
    300: "multipleChoices", 301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified",
    307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest", 401: "unauthorized",
    402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed",
    406: "notAcceptable", 407: "proxyAuthenticationRequired", 408: "requestTimeout", 409: "conflict",
    410: "gone", 411: "lengthRequired", 412: "preconditionFailed", 413: "contentTooLarge",
    414: "uriTooLong", 415: "unsupportedMediaType", 416: "rangeNotSatisfiable", 417: "expectationFailed",
    418: "imATeapot", 421: "misdirectedRequest", 422: "unprocessableContent", 423: "locked",
    424: "failedDependency", 425: "tooEarly", 426: "upgradeRequired", 428: "preconditionRequired",
    429: "tooManyRequests", 431: "requestHeaderFieldsTooLarge", 451: "unavailableForLegalReasons",
    500: "internalServerError", 501: "notImplemented", 502: "badGateway", 503: "serviceUnavailable",
    504: "gatewayTimeout", 505: "httpVersionNotSupported",
}

RANGE_CASES = {1: "informational", 2: "success", 3: "redirection", 4: "clientError", 5: "serverError"}

# ----------------------------------------------------------------------------------------------
# Deterministic values for requests


class Synth:
    """Spec-valid request values. mode "all" sets every optional member, "required" only required ones."""

    def __init__(self, spec: dict):
        self.spec = spec

    def value(self, schema: Any, mode: str, hint: str = "value", stack: tuple = (), branch: Optional[int] = None) -> Any:
        if schema is True or schema is None:
            return f"{hint}-1"
        if "$ref" in schema:
            ref = schema["$ref"]
            if stack.count(ref) >= 2:
                return None
            return self.value(stub.resolve_ref(self.spec, ref), mode, hint, stack + (ref,), branch)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            non_empty = [v for v in values if v != ""]
            return (non_empty or values or [None])[0]
        for key in ("oneOf", "anyOf"):
            if key in schema:
                branches = schema[key]
                index = branch if branch is not None else 0
                chosen = branches[index]
                result = self.value(chosen, mode, hint, stack)
                discriminator = schema.get("discriminator")
                if discriminator and isinstance(result, dict) and isinstance(chosen, dict) and "$ref" in chosen:
                    keys = [k for k, target in discriminator.get("mapping", {}).items() if target == chosen["$ref"]]
                    result[discriminator["propertyName"]] = sorted(keys)[0] if keys else stub.ref_name(chosen["$ref"])
                return result
        if "allOf" in schema:
            merged: dict = {}
            for part in schema["allOf"]:
                if not describes_value(part):
                    continue  # a member with only a description or readOnly, next to a $ref
                piece = self.value(part, mode, hint, stack)
                if isinstance(piece, dict):
                    merged.update(piece)
                elif piece is not None:
                    return piece  # an allOf of scalars (Asana: `allOf: [{type: string}]`) is that scalar
            return merged
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "string")
        if kind is None:
            if "properties" in schema or "additionalProperties" in schema:
                kind = "object"
            elif "items" in schema:
                kind = "array"
        if kind == "object":
            return self.object(schema, mode, hint, stack)
        if kind == "array":
            items = schema.get("items", {})
            count = 2 if mode == "all" else max(schema.get("minItems", 0), 1 if mode == "all" else 0)
            count = max(count, schema.get("minItems", 0))
            if "maxItems" in schema:
                count = min(count, schema["maxItems"])
            item_schema = stub.deref(self.spec, items) if isinstance(items, dict) else {}
            if isinstance(item_schema, dict) and "enum" in item_schema:
                values = [v for v in item_schema["enum"] if v not in (None, "")]
                return values[:count] if len(values) >= count else values
            return [self.item(items, mode, f"{hint}{i + 1}", stack) for i in range(count)]
        if kind == "integer":
            low = schema.get("minimum", 1)
            high = schema.get("maximum", low + 100)
            candidate = 2 if low <= 2 <= high else low
            if schema.get("default") == candidate and candidate + 1 <= high:
                candidate += 1
            return int(candidate)
        if kind == "number":
            low = schema.get("minimum", 0)
            high = schema.get("maximum", 1e6)
            return 1.5 if low <= 1.5 <= high else low
        if kind == "boolean":
            return not schema.get("default", False) if isinstance(schema.get("default"), bool) else True
        if kind == "string" or kind is None:
            return self.string(schema, hint)
        return f"{hint}-1"

    def item(self, items: Any, mode: str, hint: str, stack: tuple) -> Any:
        return self.value(items, mode, hint, stack)

    def object(self, schema: dict, mode: str, hint: str, stack: tuple) -> Any:
        props = schema.get("properties")
        if props is None:
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return {f"{hint}-key": self.value(extra, mode, f"{hint}-entry", stack)}
            # free-form: one member, a string (forms carry only strings)
            return {"key": f"{hint}-1"}
        required = set(schema.get("required", []))
        out = {}
        for name, sub in props.items():
            if self.read_only(sub):
                continue
            if mode == "all" or name in required:
                value = self.value(sub, mode, name, stack)
                if value is None and name not in required:
                    continue
                out[name] = value
        return out

    def read_only(self, schema: Any) -> bool:
        """readOnly on the schema, its reference or a member of its allOf (Asana marks them so)."""
        target = stub.deref(self.spec, schema) if isinstance(schema, dict) else None
        if not isinstance(target, dict):
            return False
        if schema.get("readOnly") or target.get("readOnly"):
            return True
        return any(isinstance(part, dict) and stub.deref(self.spec, part).get("readOnly") for part in target.get("allOf", []))

    def string(self, schema: dict, hint: str) -> str:
        fmt = schema.get("format")
        if fmt == "date-time":
            return "2024-05-01T12:30:00Z"
        if fmt == "date":
            return "2024-05-01"
        if fmt == "time":
            return "12:30:00"  # what the validator's `time` accepts (no offset)
        if fmt in ("uuid", "uuid4"):
            return "9f425a8d-7efc-4768-8f23-7647a74fdf13"
        if fmt == "email":
            return "alice@example.com"
        if fmt in ("uri", "url", "uri-reference"):
            return "https://example.com/return?x=1"
        if fmt == "byte":
            return base64.b64encode(b"conformance").decode()
        if "pattern" in schema:
            return self.pattern_value(schema)
        text = f"{hint}-1"
        if "minLength" in schema and len(text) < schema["minLength"]:
            text = text + "x" * (schema["minLength"] - len(text))
        if "maxLength" in schema:
            text = text[: schema["maxLength"]]
        return text

    def pattern_value(self, schema: dict) -> str:
        from hypothesis import HealthCheck, Phase, given, seed, settings, strategies as st

        found = []

        @seed(stub.SEED)
        @settings(max_examples=1, derandomize=True, database=None, deadline=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(st.from_regex(schema["pattern"], fullmatch=True))
        def collect(value):
            found.append(value)

        collect()
        return found[0]


VALUE_KEYWORDS = ("$ref", "type", "properties", "additionalProperties", "items", "enum", "const", "allOf", "oneOf", "anyOf", "format", "pattern")


def describes_value(schema: Any) -> bool:
    """Whether a schema says what its value is (not only a description, nullable or readOnly)."""
    return isinstance(schema, dict) and any(key in schema for key in VALUE_KEYWORDS)


def wire_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def param_value(synth: Synth, param: dict) -> Any:
    schema = param.get("schema", {})
    target = stub.deref(synth.spec, schema)
    name = param["name"]
    kind = target.get("type") if isinstance(target, dict) else None
    plain_string = kind == "string" and not any(k in target for k in ("enum", "format", "pattern", "const"))
    if plain_string:
        # characters each encoding must escape: space, reserved delimiters, percent, non-ASCII
        if param["in"] == "path":
            text = f"{name} 1/ü%25#?😀;,"
        elif param["in"] == "query":
            text = f"{name} a&b=c+d/é%#?😀;"
        elif param["in"] == "header" and name.lower() == "cookie":
            # a `Cookie` header parameter carries cookie pairs, not free text
            return "conformance_first=value-1; conformance_second=value-2"
        else:
            text = f"{name}-value-1"
        return within_length(text, target)
    return synth.value(schema, "all", name)


def within_length(text: str, schema: dict) -> str:
    """`text` padded with `x` or cut to the schema's minLength/maxLength (in characters)."""
    if len(text) < schema.get("minLength", 0):
        text += "x" * (schema["minLength"] - len(text))
    if "maxLength" in schema:
        text = text[: schema["maxLength"]]
    return text


# ----------------------------------------------------------------------------------------------
# The generated client's API, read from its source


class SwiftAPI:
    def __init__(self, client_dir: str):
        self.text = ""
        for base, folders, files in os.walk(client_dir):
            # The generated server side (`Server/`) declares handler methods with the client's
            # operation names; only the client's own API matters here.
            folders[:] = sorted(folder for folder in folders if folder != "Server")
            for name in sorted(files):
                if name.endswith(".swift"):
                    with open(os.path.join(base, name), encoding="utf-8") as handle:
                        self.text += handle.read() + "\n"
        self.blocks = self._blocks(self.text)

    @staticmethod
    def _blocks(text: str) -> list:
        """(kind, name, body_start, body_end, depth, parent_index) for each enum/struct/extension block."""
        blocks = []
        stack = []
        pattern = re.compile(r"\b(enum|struct|extension|class|actor)\s+([A-Za-z_][\w.]*)[^{;]*?\{|\{|\}")
        pos = 0
        code = SwiftAPI._mask(text)
        for match in pattern.finditer(code):
            token = match.group(0)
            if token == "}":
                if stack:
                    index = stack.pop()
                    if index is not None:
                        blocks[index][3] = match.start()
                continue
            if match.group(1):
                parent = next((i for i in reversed(stack) if i is not None), None)
                blocks.append([match.group(1), match.group(2), match.end(), None, len(stack), parent])
                stack.append(len(blocks) - 1)
            else:
                stack.append(None)
        return blocks

    @staticmethod
    def _mask(text: str) -> str:
        """Blanks out comments and string literals so braces inside them do not count."""
        out = list(text)
        i = 0
        n = len(text)
        while i < n:
            if text.startswith("//", i):
                j = text.find("\n", i)
                j = n if j < 0 else j
                for k in range(i, j):
                    out[k] = " "
                i = j
            elif text.startswith("/*", i):
                j = text.find("*/", i + 2)
                j = n if j < 0 else j + 2
                for k in range(i, j):
                    if out[k] != "\n":
                        out[k] = " "
                i = j
            elif text[i] == '"':
                hashes = 0
                k = i - 1
                while k >= 0 and text[k] == "#":
                    hashes += 1
                    k -= 1
                if text.startswith('"""', i):
                    end = text.find('"""' + "#" * hashes, i + 3)
                    end = n if end < 0 else end + 3 + hashes
                else:
                    j = i + 1
                    while j < n and text[j] != "\n":
                        if text[j] == "\\" and hashes == 0:
                            j += 2
                            continue
                        if text[j] == '"' and text[j + 1:j + 1 + hashes] == "#" * hashes:
                            break
                        j += 1
                    end = min(n, j + 1 + hashes)
                for k in range(i + 1, max(i + 1, end - 1)):
                    if out[k] != "\n":
                        out[k] = " "
                i = end
            else:
                i += 1
        return "".join(out)

    def body_of(self, block: list) -> str:
        return self.text[block[2]:block[3]]

    def find_block(self, name: str, inside: Optional[str] = None) -> Optional[list]:
        for block in self.blocks:
            if block[1].split(".")[-1] != name or block[0] not in ("enum", "struct", "class"):
                continue
            if inside is None:
                return block
            parent = block[5]
            qualified = block[1]
            if "." in qualified and qualified.split(".")[-2] == inside:
                return block
            while parent is not None:
                if self.blocks[parent][1].split(".")[-1] == inside:
                    return block
                parent = self.blocks[parent][5]
        return None

    def children(self, block: list) -> list:
        index = self.blocks.index(block)
        return [b for b in self.blocks if b[5] == index]

    def enum_cases(self, block: list) -> list:
        """[(name, [(label or None, type)])] of an enum's own cases (not nested types')."""
        body = self.body_of(block)
        masked = self._mask(body)
        # blank out nested blocks
        depth = 0
        flat = []
        for ch in masked:
            if ch == "{":
                depth += 1
                flat.append(" ")
            elif ch == "}":
                depth -= 1
                flat.append(" ")
            else:
                flat.append(ch if depth == 0 else " ")
        flat_text = "".join(flat)
        cases = []
        for match in re.finditer(r"^[ \t]*(?:indirect[ \t]+)?case[ \t]+([A-Za-z_`][\w`]*)[ \t]*(\()?", flat_text, re.M):
            name = match.group(1).strip("`")
            values = []
            if match.group(2):
                start = match.end()
                depth = 1
                j = start
                while j < len(body) and depth:
                    if body[j] in "([<":
                        depth += 1
                    elif body[j] in ")]>":
                        depth -= 1
                    j += 1
                inner = body[start:j - 1]
                for part in split_top(inner):
                    part = part.strip()
                    if not part:
                        continue
                    label_match = re.match(r"^([A-Za-z_]\w*)\s*:\s*(.+)$", part)
                    if label_match and not label_match.group(2).startswith(":"):
                        values.append((label_match.group(1), label_match.group(2).strip()))
                    else:
                        values.append((None, part))
            cases.append((name, values))
        return cases

    def method_for_operation(self, operation_id: str, method: str, path: str) -> Optional[str]:
        """The method the client documents as `(operationId `X`)`, or, for an operation without one
        (the client names it), as `` `METHOD /path` ``: the first `func` after that line."""
        marker = re.search(r"operationId `" + re.escape(operation_id) + r"`\)", self.text) \
            or re.search(r"`" + re.escape(f"{method.upper()} {path}") + r"` \(operationId `", self.text)
        if not marker:
            return None
        func = re.compile(r"\bfunc\s+([A-Za-z_]\w*)\s*[(<]").search(self.text, marker.end())
        return func.group(1) if func else None

    def operation_type(self, method: str) -> Optional[str]:
        """`X` of the `-> Operations.X.Response` that `func <method>Response(` returns."""
        match = re.search(r"\bfunc\s+" + re.escape(method) + r"Response\s*\([^{]*?->\s*Operations\.(\w+)\.Response", self.text, re.S)
        return match.group(1) if match else None

    def raw_parameter_values(self, method: str) -> dict:
        """(spec name, location) -> the value name the `…Raw` method passes to the request builder."""
        match = re.search(r"\bfunc\s+" + re.escape(method) + r"Raw\s*\(", self.text)
        if not match:
            return {}
        end = self.text.find("\n    }\n", match.end())
        body = self.text[match.end():end if end > 0 else len(self.text)]
        where = {"setPath": "path", "addQuery": "query", "setHeader": "header", "addCookie": "cookie"}
        found = {}
        for call in re.finditer(r"request\.(setPath|addQuery|setHeader|addCookie)\(\s*\"((?:[^\"\\]|\\.)*)\"\s*,\s*([A-Za-z_`][\w`]*)", body):
            found[(call.group(2), where[call.group(1)])] = call.group(3).strip("`")
        return found

    def function_params(self, name: str) -> Optional[list]:
        """[(label, type, has_default)] of `func name(`."""
        named = self.function_params_named(name)
        return None if named is None else [(label, type_text, has_default) for label, _, type_text, has_default in named]

    def function_params_named(self, name: str) -> Optional[list]:
        """[(label, internal name, type, has_default)] of `func name(`."""
        match = re.search(r"\bfunc\s+" + re.escape(name) + r"\s*(?:<[^>]*>)?\s*\(", self.text)
        if not match:
            return None
        start = match.end()
        depth = 1
        j = start
        while depth:
            if self.text[j] in "([<":
                depth += 1
            elif self.text[j] in ")]>":
                depth -= 1
            j += 1
        inner = self.text[start:j - 1]
        params = []
        for part in split_top(inner):
            part = part.strip()
            if not part:
                continue
            label_part, _, rest = part.partition(":")
            labels = label_part.split()
            label = labels[0].strip("`")
            internal = labels[-1].strip("`")
            type_text, _, default = rest.partition("=")
            params.append((label, internal, type_text.strip(), bool(default.strip())))
        return params


def split_top(text: str) -> list:
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "([<":
            depth += 1
        elif ch in ")]>":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def normalized(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def upper_camel(operation_id: str) -> str:
    parts = re.split(r"[^A-Za-z0-9]+", operation_id)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


# ----------------------------------------------------------------------------------------------
# Building the cases


def swift_string(text: str) -> str:
    hashes = "#"
    while f'"{hashes}' in text:
        hashes += "#"
    return f'{hashes}"{text}"{hashes}'


def b64(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")).decode("ascii").rstrip("=")


class Case:
    def __init__(self, op: stub.Operation, variant: str, params: dict, body: Any, has_body: bool, content_type: Optional[str]):
        self.op = op
        self.variant = variant
        self.params = params  # spec param -> value
        self.body = body
        self.has_body = has_body
        self.content_type = content_type

    def expectation(self) -> dict:
        expected: dict = {"path": {}, "query": {}, "header": {}, "cookie": {}}
        for (name, where), value in self.params.items():
            if where == "query":
                expected["query"][name] = [wire_text(v) for v in value] if isinstance(value, list) else [wire_text(value)]
            elif where == "header":
                expected["header"][name] = ",".join(wire_text(v) for v in value) if isinstance(value, list) else wire_text(value)
            else:
                expected[where][name] = ",".join(wire_text(v) for v in value) if isinstance(value, list) else wire_text(value)
        result: dict = {"params": expected, "exact": True}
        if self.has_body:
            result["body"] = self.body
        return result


def media_type_base(media_type: str) -> str:
    return media_type.split(";")[0].strip().lower()


def checkable_media_type(media_type: str) -> bool:
    """JSON, forms and text: the bodies the stub can decode, compare and generate."""
    base = media_type_base(media_type)
    return base in ("application/json", "application/x-www-form-urlencoded") or base.endswith("+json") or base.startswith("text/")


class Generator:
    def __init__(self, spec_path: str, client_dir: Optional[str], only_get: bool):
        self.spec, _ = stub.repair_spec(stub.load_spec(spec_path))
        self.synth = Synth(self.spec)
        self.api = SwiftAPI(client_dir) if client_dir else None
        self.operations = [op for op in stub.operations_of(self.spec) if not only_get or op.method == "get"]
        self.warnings: list = []
        self.skipped: list = []

    def body_info(self, op: stub.Operation) -> tuple:
        if op.request_body is None:
            return [], False
        content = op.request_body.get("content", {})
        return list(content.items()), bool(op.request_body.get("required"))

    def cases_for(self, op: stub.Operation) -> list:
        cases = []
        all_params = {(p["name"], p["in"]): param_value(self.synth, p) for p in op.parameters}
        required_params = {k: v for k, v in all_params.items() if any(p["name"] == k[0] and p["in"] == k[1] and p.get("required") for p in op.parameters)}
        contents, body_required = self.body_info(op)
        if not contents:
            cases.append(Case(op, "all", all_params, None, False, None))
            cases.append(Case(op, "required", required_params, None, False, None))
            return cases
        multi = len(contents) > 1
        for media_type, media in contents:
            schema = media.get("schema", {})
            suffix = f"/{self.short(media_type)}" if multi else ""
            cases.append(Case(op, "all" + suffix, all_params, self.synth.value(schema, "all", "body"), True, media_type))
            if body_required:
                cases.append(Case(op, "required" + suffix, required_params, self.synth.value(schema, "required", "body"), True, media_type))
            target = stub.deref(self.spec, schema)
            branches = (target.get("oneOf") or target.get("anyOf") or []) if isinstance(target, dict) else []
            for index, branch in enumerate(branches):
                name = stub.ref_name(branch["$ref"]) if "$ref" in branch else str(index)
                value = self.synth.value(schema, "all", "body", branch=index)
                cases.append(Case(op, f"body:{name}{suffix}", required_params, value, True, media_type))
        if not body_required:
            cases.append(Case(op, "required", required_params, None, False, None))
        return cases

    @staticmethod
    def short(media_type: str) -> str:
        return {"application/json": "json", "application/x-www-form-urlencoded": "form", "multipart/form-data": "multipart"}.get(media_type, re.sub(r"\W", "", media_type))

    # -- What the harness cannot do

    def skip(self, label: str, reason: str) -> None:
        entry = f"{label}: {reason}"
        if entry not in self.skipped:
            self.skipped.append(entry)

    def usable_cases(self, op: stub.Operation) -> list:
        """The calls of `op` the harness can make and check; the others are skipped with a reason."""
        usable = []
        for case in self.cases_for(op):
            if case.has_body and not checkable_media_type(case.content_type):
                self.skip(f"{op.operation_id}/{case.variant}",
                          f"request body {case.content_type}: the stub decodes and compares JSON, form and text bodies only")
            else:
                usable.append(case)
        return usable

    def status_skip_reason(self, op: stub.Operation, key: str) -> Optional[str]:
        content = op.responses[key].get("content") or {}
        if not content:
            return None
        media_type = next(iter(content))
        if not checkable_media_type(media_type) or media_type_base(media_type) == "application/x-www-form-urlencoded":
            return f"response body {media_type}: the stub generates JSON and text bodies only"
        return None

    # -- Swift

    def swift_call(self, op: stub.Operation, case: Case, method_suffix: str = "Response") -> Optional[str]:
        name = self.swift_function_base(op)
        params = self.api.function_params(name + method_suffix)
        if params is None:
            self.warnings.append(f"{op.operation_id}: no func {name}{method_suffix}( in the client")
            return None
        by_norm = {normalized(label): (label, type_text) for label, type_text, _ in params}
        label_of_value = {internal: label for label, internal, _, _ in self.api.function_params_named(name + "Raw") or []}
        raw_values = self.api.raw_parameter_values(name)
        args = []
        used = set()
        for (pname, where), value in case.params.items():
            key = normalized(pname)
            raw_label = label_of_value.get(raw_values.get((pname, where), ""))
            if raw_label is not None and normalized(raw_label) in by_norm:
                key = normalized(raw_label)  # what the client's own request builder says
            if key not in by_norm:
                # a label may carry the location, e.g. `cookieHeader`
                candidates = [n for n in by_norm if key in n and n not in used and n != "body"]
                if len(candidates) == 1:
                    key = candidates[0]
                else:
                    self.warnings.append(f"{op.operation_id}: no Swift label for {where} parameter '{pname}' in {[p[0] for p in params]}")
                    return None
            used.add(key)
            label = by_norm[key][0]
            args.append((self.param_order(params, label), f"{label}: try v({swift_string(json.dumps(value, ensure_ascii=False))})"))
        if case.has_body:
            body_param = next((p for p in params if p[0] == "body"), None)
            if body_param is None:
                self.warnings.append(f"{op.operation_id}: no body: parameter")
                return None
            value = f"try v({swift_string(json.dumps(case.body, ensure_ascii=False))})"
            body_enum = self.body_enum(op, body_param[1])
            if body_enum:
                case_name = body_enum.get(case.content_type)
                if case_name is None:
                    self.warnings.append(f"{op.operation_id}: Body enum has no case for {case.content_type}: {body_enum}")
                    return None
                value = f".{case_name}({value})"
            args.append((self.param_order(params, "body"), f"body: {value}"))
        args.sort()
        arguments = ", ".join(a for _, a in args)
        return f"client.{name}{method_suffix}({arguments})"

    @staticmethod
    def param_order(params: list, label: str) -> int:
        for index, p in enumerate(params):
            if p[0] == label:
                return index
        return len(params)

    def swift_function_base(self, op: stub.Operation) -> str:
        documented = self.api.method_for_operation(op.operation_id, op.method, op.path)
        if documented:
            return documented
        op_id = op.operation_id
        return op_id[:1].lower() + op_id[1:]

    def operation_type(self, op: stub.Operation) -> str:
        return self.api.operation_type(self.swift_function_base(op)) or upper_camel(op.operation_id)

    def body_enum(self, op: stub.Operation, type_text: str) -> Optional[dict]:
        """content type -> case name when the body parameter is an enum of encodings."""
        type_name = type_text.rstrip("?").split(".")[-1]
        owner = type_text.rstrip("?").split(".")[-2] if "." in type_text else self.operation_type(op)
        contents, _ = self.body_info(op)
        if len(contents) < 2:
            return None
        block = self.api.find_block(type_name, inside=owner)
        if block is None or block[0] != "enum":
            return None
        cases = [c[0] for c in self.api.enum_cases(block)]
        mapping = {}
        for media_type, _ in contents:
            wanted = {
                "application/json": ["json"],
                "application/x-www-form-urlencoded": ["urlEncodedForm", "form", "formURLEncoded", "urlEncoded"],
                "multipart/form-data": ["multipartForm", "multipart"],
            }.get(media_type, [])
            for candidate in wanted:
                if candidate in cases:
                    mapping[media_type] = candidate
                    break
        return mapping

    def response_cases(self, op: stub.Operation) -> Optional[dict]:
        block = self.api.find_block("Response", inside=self.operation_type(op))
        if block is None:
            self.warnings.append(f"{op.operation_id}: no Operations.{self.operation_type(op)}.Response enum")
            return None
        return dict(self.api.enum_cases(block))

    def swift_switch(self, op: stub.Operation, case_name: str, cases: dict) -> str:
        values = cases.get(case_name)
        lines = ["switch response {"]
        if values is None:
            lines.append(f"default: return .other(response, statusCode: response.statusCode)")
            lines.append("}")
            return "\n".join(lines)
        if not values:
            lines.append(f"case .{case_name}: return .empty({swift_string(case_name)}, statusCode: response.statusCode)")
        else:
            names = [f"a{i}" for i in range(len(values))]
            binding = ", ".join(f"let {n}" for n in names)
            status_expr = "response.statusCode"
            body_expr = None
            for (label, type_text), var in zip(values, names):
                if label == "statusCode" or (type_text == "Int" and label is None and case_name == "default" and status_expr == "response.statusCode"):
                    status_expr = var
                elif label in ("headers",):
                    continue
                elif type_text.endswith("HTTPResponse"):
                    status_expr = f"{var}.statusCode"
                elif body_expr is None:
                    body_expr = var
            if body_expr:
                lines.append(f"case .{case_name}({binding}): return try .body({swift_string(case_name)}, {body_expr}, statusCode: {status_expr})")
            else:
                lines.append(f"case .{case_name}({binding}): return .empty({swift_string(case_name)}, statusCode: {status_expr})")
        lines.append("default: return .other(response, statusCode: response.statusCode)")
        lines.append("}")
        return "\n".join(lines)

    def generate_swift(self, enum_name: str, module: str) -> str:
        out = [
            "// Generated by Tests/Conformance/gen_driver.py from the spec and the generated client's source.",
            "// Do not edit: scripts/conformance regenerates it.",
            "",
            "import Foundation",
            f"import {module}",
            "",
            f"enum {enum_name} {{",
            "    /// Every operation with every parameter, and with only the required ones (per content type and body branch).",
            "    static let calls: [ConformanceCall] = [",
        ]
        status_lines = []
        undocumented_lines = []
        skipped_pairs = 0
        skipped_operations = []
        for op in self.operations:
            cases = self.usable_cases(op)
            if not cases:
                skipped_operations.append(op.operation_id)
                for key in op.documented_statuses():
                    skipped_pairs += 1
                    self.skip(f"{op.operation_id}/status-{key}", "no call of the operation can be made (above)")
                continue
            for case in cases:
                call = self.swift_call(op, case)
                if call is None:
                    continue
                out.append(f"        ConformanceCall(operationId: {swift_string(op.operation_id)}, variant: {swift_string(case.variant)}, expect: {swift_string(json.dumps(case.expectation(), ensure_ascii=False, sort_keys=True))}, successStatus: {op.success_status()}) {{ client in")
                out.append(f"            let response = try await {call}")
                out.append("            return .other(response, statusCode: response.statusCode)")
                out.append("        },")
            # the convenience method with the required arguments
            required_case = next((c for c in cases if c.variant.startswith("required")), None)
            if required_case is not None:
                call = self.swift_call(op, required_case, method_suffix="")
                if call is not None:
                    out.append(f"        ConformanceCall(operationId: {swift_string(op.operation_id)}, variant: \"convenience\", expect: {swift_string(json.dumps(required_case.expectation(), ensure_ascii=False, sort_keys=True))}, successStatus: {op.success_status()}) {{ client in")
                    out.append(f"            _ = try await {call}")
                    out.append("            return .empty(\"success\")")
                    out.append("        },")
            response_cases = self.response_cases(op)
            minimal = next((c for c in cases if c.variant.startswith("required")), cases[0])
            call = self.swift_call(op, minimal)
            if response_cases is None or call is None:
                continue
            for key in op.documented_statuses():
                reason = self.status_skip_reason(op, key)
                if reason:
                    skipped_pairs += 1
                    self.skip(f"{op.operation_id}/status-{key}", reason)
                    continue
                if key == "default":
                    status, case_name = stub.default_status_for(op), "default"
                elif key.isdigit():
                    status = int(key)
                    case_name = STATUS_CASES.get(status, f"status{status}")
                else:
                    status = int(key[0]) * 100 + 99
                    case_name = RANGE_CASES.get(int(key[0]), key)
                if case_name not in response_cases and f"status{status}" in response_cases:
                    self.warnings.append(f"{op.operation_id}: status {status} is .status{status}, not .{case_name} (RFC 9110 name)")
                    case_name = f"status{status}"
                if case_name not in response_cases:
                    self.warnings.append(f"{op.operation_id}: Response has no case .{case_name} for {key}; cases: {sorted(response_cases)}")
                switch = self.swift_switch(op, case_name, response_cases).replace("\n", "\n            ")
                status_lines.append(f"        StatusCase(operationId: {swift_string(op.operation_id)}, key: {swift_string(key)}, status: {status}, caseName: {swift_string(case_name)}) {{ client in")
                status_lines.append(f"            let response = try await {call}")
                status_lines.append(f"            {switch}")
                status_lines.append("        },")
            undocumented = stub.undocumented_status_for(op)
            if undocumented is not None:
                switch = self.swift_switch(op, "undocumented", response_cases).replace("\n", "\n            ")
                undocumented_lines.append(f"        StatusCase(operationId: {swift_string(op.operation_id)}, key: \"undocumented\", status: {undocumented}, caseName: \"undocumented\") {{ client in")
                undocumented_lines.append(f"            let response = try await {call}")
                undocumented_lines.append(f"            {switch}")
                undocumented_lines.append("        },")
        out.append("    ]")
        out.append("")
        pairs = sum(len(op.documented_statuses()) for op in self.operations) - skipped_pairs
        out.append(f"    /// The spec's operations{' (GET only)' if all(op.method == 'get' for op in self.operations) else ''} and documented (operation, status) pairs, to check nothing was left out.")
        out.append(f"    static let operationIds: Set<String> = [{', '.join(swift_string(op.operation_id) for op in self.operations)}]")
        out.append(f"    static let documentedPairCount = {pairs}")
        out.append("")
        out.append("    /// Cases the harness cannot run, each with its reason (counted, never silent).")
        out.append("    static let skipped: [String] = [")
        out.extend(f"        {swift_string(entry)}," for entry in self.skipped)
        out.append("    ]")
        out.append(f"    static let skippedOperationIds: Set<String> = [{', '.join(swift_string(name) for name in skipped_operations)}]")
        out.append("")
        out.append("    /// Credentials for every security scheme the client's `Authentication` takes as text.")
        out.append(f"    static let authentication = {self.authentication_expression()}")
        out.append("")
        out.append("    /// Every documented (operation, status) pair.")
        out.append("    static let statusCases: [StatusCase] = [")
        out.extend(status_lines)
        out.append("    ]")
        out.append("")
        out.append("    /// Operations without a `default` response, answered with a status they do not document.")
        out.append("    static let undocumentedCases: [StatusCase] = [")
        out.extend(undocumented_lines)
        out.append("    ]")
        out.append("}")
        return "\n".join(out) + "\n"

    def authentication_expression(self) -> str:
        block = self.api.find_block("Authentication")
        if block is None:
            self.warnings.append("no Authentication type")
            return "Authentication()"
        body = self.api.body_of(block)
        match = re.search(r"\binit\s*\(", body)
        if not match:
            return "Authentication()"
        start = match.end()
        depth, j = 1, start
        while depth:
            depth += {"(": 1, ")": -1}.get(body[j], 0)
            j += 1
        args = []
        for part in split_top(body[start:j - 1]):
            if not part.strip():
                continue  # `init()`: a description without security schemes
            label, _, rest = part.partition(":")
            type_text = rest.partition("=")[0].strip()
            label = label.split()[0].strip("`") if label.split() else ""
            if type_text in ("String?", "String"):
                args.append(f'{label}: "conformance-{label}"')
            elif type_text.rstrip("?") == "BasicCredentials":
                args.append(f'{label}: BasicCredentials(username: {swift_string(stub.CREDENTIAL_USER)}, password: {swift_string(stub.CREDENTIAL_PASSWORD)})')
            else:
                self.warnings.append(f"Authentication.init takes {label}: {type_text}, which the harness cannot fill; left unset")
        return f"Authentication({', '.join(args)})"

    # -- reference client for --selftest

    def selftest(self, base: str) -> int:
        """Sends every case as a reference client would; the stub must record no failure."""
        urllib.request.urlopen(urllib.request.Request(base + "/__stub/reset", method="POST")).read()
        count = 0
        for op in self.operations:
            cases = self.usable_cases(op)
            for case in cases:
                count += 1
                self.reference_send(base, op, case)
            minimal = next((c for c in cases if c.variant.startswith("required")), cases[0] if cases else None)
            for key in op.documented_statuses():
                reason = "no call of the operation can be made (above)" if minimal is None else self.status_skip_reason(op, key)
                if reason:
                    self.skip(f"{op.operation_id}/status-{key}", reason)
                    continue
                status = stub.default_status_for(op) if key == "default" else int(key) if key.isdigit() else int(key[0]) * 100 + 99
                for variant in range(3):  # as ConformanceRunner.runStatusCases asks
                    count += 1
                    self.reference_send(base, op, minimal, extra={"X-Stub-Status": str(status), "X-Stub-Variant": str(variant)})
        failures = json.loads(urllib.request.urlopen(base + "/__stub/failures").read())
        selfcheck = json.loads(urllib.request.urlopen(base + "/__stub/selfcheck").read())
        for entry in selfcheck:
            print(f"SELFTEST STUB SELF-CHECK {entry['operationId']} {entry['status']}: {entry['message']}")
        failures += selfcheck
        for failure in failures[:len(failures) - len(selfcheck)]:
            print(f"SELFTEST FAILURE {failure['operationId']} [{failure['label']}]: {failure['message']}\n    {failure['request'][:600]}")
        for entry in self.skipped:
            print(f"selftest skipped {entry}")
        print(f"selftest: {count} reference requests, {len(failures)} failures, {len(self.skipped)} cases skipped")
        return 1 if failures else 0

    def reference_send(self, base: str, op: stub.Operation, case: Case, extra: Optional[dict] = None) -> None:
        path = op.path
        query = []
        headers = {"X-Stub-Label": f"{op.operation_id}/{case.variant}", "X-Stub-Expect": b64(case.expectation()), **(extra or {})}
        cookies = []
        # credentials as the generated client sends them when every one is set: the first
        # alternative of the operation's security requirement whose schemes are all defined
        schemes = stub.security_schemes(self.spec)
        for scheme_name in stub.chosen_security(self.spec, op):
            credentials = stub.scheme_credentials(scheme_name, schemes[scheme_name])
            if credentials is None:
                continue
            where, key, value = credentials
            if where == "header":
                headers[key] = value
            elif where == "query":
                query.append((key, value))
            elif where == "cookie":
                cookies.append(f"{key}={value}")
        for (name, where), value in case.params.items():
            if where == "path":
                text = ",".join(wire_text(v) for v in value) if isinstance(value, list) else wire_text(value)
                path = path.replace("{" + name + "}", urllib.parse.quote(text, safe=""))
            elif where == "query":
                param = next(p for p in op.parameters if p["name"] == name and p["in"] == "query")
                explode = param.get("explode", param.get("style", "form") == "form")
                if isinstance(value, list):
                    if explode:
                        query.extend((name, wire_text(v)) for v in value)
                    else:
                        query.append((name, ",".join(wire_text(v) for v in value)))
                else:
                    query.append((name, wire_text(value)))
            elif where == "header":
                headers[name] = ",".join(wire_text(v) for v in value) if isinstance(value, list) else wire_text(value)
            elif where == "cookie":
                cookies.append(f"{name}={wire_text(value)}")
        if cookies:
            headers["Cookie"] = "; ".join(cookies)
        url = base + path
        if query:
            url += "?" + "&".join(f"{urllib.parse.quote(k, safe='')}={urllib.parse.quote(v, safe='')}" for k, v in query)
        data = None
        if case.has_body:
            headers["Content-Type"] = case.content_type
            if case.content_type == "application/x-www-form-urlencoded":
                fields = []
                flatten(case.body, None, fields)
                data = "&".join(f"{urllib.parse.quote_plus(k)}={urllib.parse.quote_plus(v)}" for k, v in fields).encode()
            elif case.content_type.startswith("text/") and isinstance(case.body, str):
                data = case.body.encode()
            else:
                data = json.dumps(case.body).encode()
        request = urllib.request.Request(url, data=data, method=op.method.upper(), headers=headers)

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):  # a reference client reports redirects
                return None

        try:
            urllib.request.build_opener(NoRedirect).open(request).read()
        except urllib.error.HTTPError as error:
            error.read()


def flatten(value: Any, prefix: Optional[str], fields: list) -> None:
    if isinstance(value, dict):
        for key in sorted(value):
            flatten(value[key], f"{prefix}.{key}" if prefix else key, fields)
    elif isinstance(value, list):
        for element in value:
            flatten(element, prefix, fields)
    elif value is None:
        return
    else:
        fields.append((prefix or "", wire_text(value)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", required=True)
    parser.add_argument("--client", help="the generated client's source directory")
    parser.add_argument("--output", help="the Swift file to write")
    parser.add_argument("--enum-name", default="ConformanceCases")
    parser.add_argument("--module", default="OryKratos", help="the generated client's module, imported by the cases")
    parser.add_argument("--only-get", action="store_true", help="only the GET operations")
    parser.add_argument("--selftest", metavar="BASE_URL", help="send the cases as a reference client to a running stub ('spawn': start one)")
    args = parser.parse_args()
    generator = Generator(args.spec, args.client, args.only_get)
    if args.selftest == "spawn":
        import subprocess
        process = subprocess.Popen(
            [sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "stub_server.py"), "--spec", args.spec, "--max-minutes", "10"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        try:
            port = int(process.stdout.readline().decode().strip())
            return generator.selftest(f"http://127.0.0.1:{port}")
        finally:
            process.stdin.close()
            process.wait(timeout=10)
    if args.selftest:
        return generator.selftest(args.selftest.rstrip("/"))
    if not args.client or not args.output:
        parser.error("--client and --output are needed to write Swift")
    swift = generator.generate_swift(args.enum_name, args.module)
    for warning in generator.warnings:
        print(f"gen_driver: warning: {warning}", file=sys.stderr)
    old = open(args.output, encoding="utf-8").read() if os.path.exists(args.output) else None
    if old != swift:
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(swift)
        print(f"gen_driver: wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
