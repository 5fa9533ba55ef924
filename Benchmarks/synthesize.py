#!/usr/bin/env python3
"""Synthetic OpenAPI documents for the benchmarks, in two shapes.

    synthesize.py real SIZE OUT.yaml [--seed N]        real-shaped, about SIZE bytes (e.g. 300k, 3M, 20M)
    synthesize.py SPEC FACTOR OUT.yaml [--patch-session-token]   an existing spec's shape, FACTOR times

**real**: an OpenAPI 3.1 document shaped like the large public APIs under `Tests/Specs/real/`
(Asana, Discord, Adyen; the proportions and why they were chosen are in `Benchmarks/README.md`).
It is made of *resources*, each with its own tags, components and 4-7 operations, added while the
document gets closer to SIZE bytes (a resource is ~30-50 KB, so the 0.3 MB size lands within ~10 %). Every resource has long Markdown descriptions (paragraphs, lists,
code spans), a main schema with inline objects three levels deep, inline enums (some repeated
identically across resources), arrays of inline objects, OAS 3.1 type arrays (`type: [string, "null"]`),
an `allOf` extension, a discriminated `oneOf`, and parameters in path, query, header and cookie.
The output depends only on SIZE and the seed (fixed word lists, `random.Random(seed)`): the same
arguments always give the same bytes.

**FACTOR** (the older ×N scaling): copy 1 keeps the original names; copies 2..N repeat every schema,
response, tag and path with a suffix (`identity` -> `identityC2`, `/admin/identities` ->
`/c2/admin/identities`), with every `#/components/...` reference rewritten to the copy of its own
family. With --patch-session-token the dangling `sessionToken` requirement of Kratos v26.2.0 is
resolved by adding an apiKey scheme, so that swift-openapi-generator accepts it.

Output is YAML; YAML timestamps are kept as strings.
"""
import copy
import random
import re
import sys

import yaml

try:  # libyaml is much faster for the large sizes
    from yaml import CSafeDumper as Dumper, CSafeLoader as BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as Dumper, SafeLoader as BaseLoader


class Loader(BaseLoader):
    """SafeLoader without the timestamp resolver: `2024-01-01` stays a string."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in BaseLoader.yaml_implicit_resolvers.items()
}


class PlainDumper(Dumper):
    """No anchors or aliases (`&id001`/`*id001`) for shared lists and mappings: real documents spell
    every node out, and openapi-generator's YAML parser caps aliases at 50."""

    def ignore_aliases(self, data):
        return True


def dump(node) -> str:
    return yaml.dump(node, Dumper=PlainDumper, sort_keys=False, allow_unicode=True, width=100)


# ==============================================================================================
# Real-shaped documents

# Word lists written for this file. Resource names are PREFIX + NOUN (40 × 40 = 1,600 before a
# numeric suffix is needed); none is a Swift keyword or a name the generators reserve.
PREFIXES = """account billing store ledger catalog customer partner merchant channel guild studio
portfolio project workspace fleet warehouse shipping loyalty audit compliance payroll treasury
campaign support forum archive library course clinic venue ticket travel garden factory media
energy insurance property vehicle""".split()
NOUNS = """invoice voucher terminal payout webhook member role badge sticker emoji note comment
attachment section milestone goal budget contract device sensor route parcel manifest quota
schedule shift review rating coupon mandate transfer dispute refund batch snapshot widget
template license""".split()
VERBS = """archive restore approve reject publish duplicate reassign verify suspend resume
export import""".split()
WORDS = """the a each every request response field value record resource owner workspace account
token cursor page result object list item entry update change event default limit value status
state when if only after before during unless returns lists creates updates removes requires
includes contains describes identifies represents controls stores sends receives validates marks
schedules applies collects ignores rejects accepts caller client server integration platform
merchant member team project billing payment ledger currency amount balance period region setting
timezone locale format version identifier reference timestamp interval window retry webhook
delivery signature header query parameter body filter sort order ascending descending visible
hidden archived pending active closed draft final partial complete""".split()
CODE_WORDS = ["null", "true", "false", "limit", "offset", "opt_fields", "next_page", "created_at",
              "status", "gid", "id", "X-Request-Id", "2024-01-31", "ISO 4217", "RFC 3339", "UTC"]
STATUS_ENUMS = [  # shared pools: the same inline enum appears in many schemas, as in real documents
    ["active", "inactive", "archived"],
    ["pending", "processing", "succeeded", "failed", "canceled"],
    ["draft", "published", "retired"],
    ["low", "medium", "high", "critical"],
]
CURRENCIES = ["EUR", "USD", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "AUD", "CAD"]


class Text:
    """Deterministic Markdown prose: sentences, paragraphs, bullet lists, code spans."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def sentence(self, fields=()) -> str:
        rng = self.rng
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 12))]
        if rng.random() < 0.2:
            span = rng.choice(list(fields) or CODE_WORDS) if fields and rng.random() < 0.6 else rng.choice(CODE_WORDS)
            words.insert(rng.randint(1, len(words) - 1), f"`{span}`")
        if rng.random() < 0.08:
            words.insert(rng.randint(1, len(words) - 1), "**not**")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, fields=(), sentences=(2, 5)) -> str:
        return " ".join(self.sentence(fields) for _ in range(self.rng.randint(*sentences)))

    def bullets(self, fields=()) -> str:
        items = []
        for _ in range(self.rng.randint(2, 5)):
            name = self.rng.choice(list(fields) or CODE_WORDS)
            items.append(f"- `{name}`: {self.sentence(fields)}")
        return "\n".join(items)

    def long(self, fields=(), paragraphs=(2, 3)) -> str:
        """Multi-paragraph Markdown, a list in about half of them."""
        parts = [self.paragraph(fields, (1, 3)) for _ in range(self.rng.randint(*paragraphs))]
        if self.rng.random() < 0.4:
            parts.insert(self.rng.randint(1, len(parts)), self.bullets(fields))
        if self.rng.random() < 0.2:
            parts.append("**Note:** " + self.sentence(fields))
        return "\n\n".join(parts)

    def short(self, fields=()) -> str:
        return self.sentence(fields) if self.rng.random() < 0.85 else self.paragraph(fields, (2, 3))


def camel(*words) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


class RealShape:
    """Builds the document resource by resource; `add_resource` returns the new parts."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.text = Text(self.rng)
        self.names = []
        self.used = set()

    # -- the fixed part: info, security, shared parameters and responses ---------------------

    def skeleton(self) -> dict:
        t = self.text
        return {
            "openapi": "3.1.0",
            "info": {"title": "Synthetic real-shaped API", "version": "1.0.0",
                     "description": t.long(paragraphs=(3, 5))},
            "servers": [{"url": "https://api.example.com/v1"}],
            "security": [{"bearerAuth": []}],
            "tags": [],
            "paths": {},
            "components": {
                "securitySchemes": {
                    "bearerAuth": {"type": "http", "scheme": "bearer", "description": t.paragraph()},
                    "apiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-Api-Key",
                                   "description": t.short()},
                },
                "parameters": {
                    "limit": {"name": "limit", "in": "query", "required": False, "description": t.paragraph(),
                              "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
                    "offset": {"name": "offset", "in": "query", "required": False, "description": t.long(),
                               "schema": {"type": "string"}},
                    "pretty": {"name": "opt_pretty", "in": "query", "required": False, "description": t.short(),
                               "schema": {"type": "boolean"}},
                    "requestId": {"name": "X-Request-Id", "in": "header", "required": False,
                                  "description": t.paragraph(), "schema": {"type": "string", "format": "uuid"}},
                },
                "schemas": {
                    "ApiFailureDetail": self.obj({
                        "message": {"type": "string", "description": t.short()},
                        "help": {"type": ["string", "null"], "description": t.short()},
                        "phrase": {"type": "string", "description": t.short()},
                    }, required=["message"], description=t.long()),
                    "ApiFailure": self.obj({
                        "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ApiFailureDetail"},
                                   "description": t.short()},
                    }, required=["errors"], description=t.paragraph()),
                    "NextPage": self.obj({
                        "offset": {"type": "string", "description": t.short()},
                        "path": {"type": "string", "description": t.short()},
                        "uri": {"type": "string", "format": "uri", "description": t.short()},
                    }, description=t.long()),
                },
                "responses": {
                    str(code): {"description": t.paragraph(),
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiFailure"}}}}
                    for code in (400, 401, 403, 404, 500)
                },
            },
        }

    @staticmethod
    def obj(properties, required=(), description=None) -> dict:
        node = {"type": "object"}
        if description:
            node["description"] = description
        if required:
            node["required"] = list(required)
        node["properties"] = properties
        return node

    # -- one resource -------------------------------------------------------------------------

    def new_name(self):
        rng = self.rng
        for _ in range(50):
            prefix, noun = rng.choice(PREFIXES), rng.choice(NOUNS)
            if (prefix, noun) not in self.used:
                self.used.add((prefix, noun))
                return prefix, noun
        prefix, noun = rng.choice(PREFIXES), rng.choice(NOUNS)
        return prefix, f"{noun}{len(self.used)}"

    def scalar(self, fields, name):
        """One property: a scalar, a nullable scalar (3.1 type array) or an inline enum."""
        rng, t = self.rng, self.text
        roll = rng.random()
        if roll < 0.12:
            node = {"type": "string", "enum": rng.choice(STATUS_ENUMS)}
        elif roll < 0.18:
            node = {"type": "string", "enum": sorted(rng.sample(CURRENCIES, rng.randint(3, 8)))}
        elif roll < 0.38:
            node = {"type": [rng.choice(["string", "integer", "boolean", "number"]), "null"]}
        elif roll < 0.50:
            node = {"type": "string", "format": "date-time"}
        elif roll < 0.62:
            node = {"type": "integer", "format": "int64", "minimum": 0}
        elif roll < 0.70:
            node = {"type": "boolean"}
        elif roll < 0.76:
            node = {"type": "number", "format": "double"}
        elif roll < 0.82:
            node = {"type": "array", "items": {"type": "string"}, "maxItems": 50}
        else:
            node = {"type": "string", "maxLength": rng.choice([64, 255, 1024])}
        if rng.random() < 0.7:
            node["description"] = t.short(fields) if rng.random() < 0.95 else t.long(fields, (1, 2))
        if rng.random() < 0.15 and node.get("type") == "string" and "enum" not in node and "format" not in node:
            node["example"] = f"{name}-{rng.randint(100, 999)}"
        return node

    def fields(self, count):
        picked = []
        while len(picked) < count:
            name = f"{self.rng.choice(WORDS)}_{self.rng.choice(WORDS)}"
            if name not in picked and re.fullmatch(r"[a-z_]+", name):
                picked.append(name)
        return picked

    def inline_object(self, depth, fields_hint) -> dict:
        """An inline object nested `depth` more levels: objects in objects, arrays of objects."""
        rng, t = self.rng, self.text
        names = self.fields(rng.randint(3, 6))
        props = {name: self.scalar(fields_hint, name) for name in names}
        if depth > 0:
            inner = self.fields(1)[0] + "_details"
            props[inner] = self.inline_object(depth - 1, fields_hint)
            if rng.random() < 0.5:
                props[inner + "_items"] = {"type": "array", "description": t.short(fields_hint),
                                           "items": self.inline_object(depth - 1, fields_hint)}
        node = self.obj(props, required=names[:rng.randint(0, 2)], description=t.short(fields_hint))
        return node

    def add_resource(self, doc) -> tuple[dict, dict, list]:
        """(paths, schemas, tags) of one new resource; refs may point at earlier resources."""
        rng, t = self.rng, self.text
        prefix, noun = self.new_name()
        Name = camel(prefix, noun)
        plural = f"{prefix}_{noun}s"
        idp = f"{noun}_gid"
        ref = lambda n: {"$ref": f"#/components/schemas/{n}"}
        names = self.fields(rng.randint(6, 10))
        hint = names + [idp, "created_at", "status"]

        props = {
            "gid": {"type": "string", "readOnly": True, "description": t.short(hint), "example": "12345"},
            "resource_type": {"type": "string", "readOnly": True, "description": t.short(hint)},
            "created_at": {"type": "string", "format": "date-time", "readOnly": True, "description": t.short(hint)},
            "status": {"type": "string", "enum": rng.choice(STATUS_ENUMS), "description": t.long(hint, (1, 2))},
        }
        for name in names:
            props[name] = self.scalar(hint, name)
        props["settings"] = self.inline_object(2, hint)  # three inline levels
        props["line_items"] = {"type": "array", "description": t.paragraph(hint),
                               "items": self.inline_object(1, hint)}
        props["metadata"] = {"type": "object", "additionalProperties": {"type": "string"},
                             "description": t.paragraph(hint)}
        if self.names:  # a reference to an earlier resource, nullable the 3.1 way
            other = rng.choice(self.names)
            props["related"] = {"oneOf": [ref(other), {"type": "null"}], "description": t.short(hint)}
        schemas = {}
        source_card, source_bank = f"{Name}CardSource", f"{Name}BankSource"
        schemas[source_card] = self.obj({
            "kind": {"type": "string", "enum": ["card"], "description": t.short()},
            "last_four": {"type": "string", "description": t.short()},
            "expiry": {"type": ["string", "null"], "description": t.short()},
        }, required=["kind"], description=t.paragraph(hint))
        schemas[source_bank] = self.obj({
            "kind": {"type": "string", "enum": ["bank"], "description": t.short()},
            "iban": {"type": "string", "description": t.short()},
            "bic": {"type": ["string", "null"], "description": t.short()},
        }, required=["kind"], description=t.paragraph(hint))
        props["source"] = {"description": t.paragraph(hint), "oneOf": [ref(source_card), ref(source_bank)],
                           "discriminator": {"propertyName": "kind",
                                             "mapping": {"card": f"#/components/schemas/{source_card}",
                                                         "bank": f"#/components/schemas/{source_bank}"}}}
        # Many small named types, as real documents have (amounts, owners, time windows).
        small = {
            f"{Name}Amount": self.obj({
                "value": {"type": "integer", "format": "int64", "description": t.short(hint)},
                "currency": {"type": "string", "enum": sorted(rng.sample(CURRENCIES, rng.randint(3, 8))),
                             "description": t.short(hint)}}, required=["value", "currency"], description=t.short(hint)),
            f"{Name}Owner": self.obj({
                "gid": {"type": "string", "description": t.short(hint)},
                "name": {"type": "string", "description": t.short(hint)},
                "email": {"type": ["string", "null"], "format": "email", "description": t.short(hint)}},
                required=["gid"], description=t.paragraph(hint, (1, 2))),
            f"{Name}Window": self.obj({
                "starts_at": {"type": "string", "format": "date-time", "description": t.short(hint)},
                "ends_at": {"type": ["string", "null"], "format": "date-time", "description": t.short(hint)}},
                description=t.short(hint)),
        }
        schemas.update(small)
        props["amount"] = dict(ref(f"{Name}Amount"))
        props["owner"] = dict(ref(f"{Name}Owner"))
        props["validity"] = {"type": "array", "items": ref(f"{Name}Window"), "description": t.short(hint)}
        schemas[Name] = self.obj(props, required=["gid", "status"], description=t.long(hint, (2, 4)))
        schemas[f"{Name}Compact"] = self.obj(
            {k: props[k] for k in ("gid", "resource_type", "status")}, required=["gid"],
            description=t.paragraph(hint))
        create = {name: self.scalar(hint, name) for name in names[: rng.randint(3, len(names))]}
        create["status"] = {"type": "string", "enum": props["status"]["enum"], "description": t.short(hint)}
        create["settings"] = self.inline_object(1, hint)
        schemas[f"{Name}CreateRequest"] = self.obj(create, required=list(create)[:2],
                                                   description=t.long(hint, (1, 3)))
        schemas[f"{Name}Detailed"] = {"description": t.long(hint, (1, 2)), "allOf": [ref(Name), self.obj({
            "history": {"type": "array", "description": t.short(hint), "items": self.inline_object(0, hint)},
            "notes": {"type": ["string", "null"], "description": t.short(hint)},
        })]}

        main_tag, action_tag = f"{prefix.capitalize()} {noun}s", f"{Name} actions"
        tags = [{"name": main_tag, "description": t.long(hint, (1, 2))},
                {"name": action_tag, "description": t.paragraph(hint)}]
        errors = {code: {"$ref": f"#/components/responses/{code}"}
                  for code in rng.sample(["400", "401", "403", "404", "500"], rng.randint(2, 5))}
        data = lambda schema: {"application/json": {"schema": self.obj({"data": schema}, required=["data"])}}
        path_param = {"name": idp, "in": "path", "required": True, "description": t.paragraph(hint),
                      "schema": {"type": "string"}, "example": "12345"}
        opt_fields = {"name": "opt_fields", "in": "query", "required": False, "style": "form", "explode": False,
                      "description": t.long(hint, (1, 2)),
                      "schema": {"type": "array", "items": {"type": "string", "enum": sorted(props)[:12]}}}
        cookie = {"name": "session_hint", "in": "cookie", "required": False, "description": t.short(hint),
                  "schema": {"type": "string"}}
        shared = lambda name: {"$ref": f"#/components/parameters/{name}"}

        def op(op_id, summary, tag, params, responses, body=None):
            node = {"tags": [tag], "operationId": op_id, "summary": summary,
                    "description": t.long(hint, (1, 3)), "parameters": params}
            if body is not None:
                node["requestBody"] = body
            node["responses"] = dict(responses, **errors)
            return node

        base = f"/{plural}"
        item = f"{base}/{{{idp}}}"
        paths = {base: {}, item: {}}
        paths[base]["get"] = op(f"list{Name}s", f"List {prefix} {noun}s", main_tag,
                                [shared("limit"), shared("offset"), opt_fields, shared("requestId"),
                                 {"name": "status", "in": "query", "required": False, "description": t.short(hint),
                                  "schema": {"type": "string", "enum": props["status"]["enum"]}}, cookie],
                                {"200": {"description": t.paragraph(hint), "content": {"application/json": {"schema": self.obj({
                                    "data": {"type": "array", "items": ref(f"{Name}Compact")},
                                    "next_page": {"oneOf": [ref("NextPage"), {"type": "null"}]}}, required=["data"])}}}})
        paths[base]["post"] = op(f"create{Name}", f"Create a {prefix} {noun}", main_tag,
                                 [shared("pretty"), shared("requestId")],
                                 {"201": {"description": t.paragraph(hint), "content": data(ref(Name))}},
                                 {"required": True, "description": t.paragraph(hint),
                                  "content": {"application/json": {"schema": ref(f"{Name}CreateRequest")}}})
        paths[item]["get"] = op(f"get{Name}", f"Get a {prefix} {noun}", main_tag,
                                [path_param, shared("pretty"), opt_fields],
                                {"200": {"description": t.paragraph(hint), "content": data(ref(f"{Name}Detailed"))}})
        update_props = {n: self.scalar(hint, n) for n in rng.sample(names, min(len(names), rng.randint(2, 5)))}
        update_props["priority"] = {"type": "string", "enum": STATUS_ENUMS[3], "description": t.short(hint)}
        paths[item]["put"] = op(f"update{Name}", f"Update a {prefix} {noun}", main_tag,
                                [path_param, {"name": "If-Match", "in": "header", "required": False,
                                              "description": t.short(hint), "schema": {"type": "string"}}],
                                {"200": {"description": t.paragraph(hint), "content": data(ref(Name))}},
                                {"required": True, "content": {"application/json": {"schema": self.obj(
                                    {"data": self.obj(update_props, description=t.paragraph(hint))})}}})
        if rng.random() < 0.8:
            paths[item]["delete"] = op(f"delete{Name}", f"Delete a {prefix} {noun}", main_tag, [path_param],
                                       {"204": {"description": t.short(hint)}})
        for verb in rng.sample(VERBS, rng.randint(0, 2)):
            action = f"{item}/{verb}"
            body_schema = self.inline_object(1, hint)
            result = self.obj({"outcome": {"type": "string", "enum": STATUS_ENUMS[1], "description": t.short(hint)},
                               "message": {"type": ["string", "null"], "description": t.short(hint)},
                               "affected": {"type": "array", "items": ref(f"{Name}Compact"), "description": t.short(hint)}},
                              required=["outcome"], description=t.paragraph(hint))
            paths[action] = {"post": op(f"{verb}{Name}", f"{verb.capitalize()} a {prefix} {noun}", action_tag,
                                        [path_param, shared("requestId"),
                                         {"name": "dry_run", "in": "query", "required": False,
                                          "description": t.paragraph(hint), "schema": {"type": ["boolean", "null"]}}],
                                        {"200": {"description": t.paragraph(hint),
                                                 "content": {"application/json": {"schema": result}}}},
                                        {"required": False, "content": {"application/json": {"schema": body_schema}}})}
        used_action_tag = any(action_tag in o.get("tags", []) for p in paths.values() for o in p.values())
        if not used_action_tag:
            tags = tags[:1]
        self.names.append(Name)
        return paths, schemas, tags


def fragment_size(paths, schemas, tags) -> int:
    """YAML bytes the parts add once nested in the document (the wrappers' own lines are dropped)."""
    text = dump({"paths": paths}) + dump({"components": {"schemas": schemas}}) + dump({"tags": tags})
    return len(text.encode()) - len("paths:\ncomponents:\n  schemas:\ntags:\n")


def synthesize_real(target_bytes: int, seed: int) -> dict:
    shape = RealShape(seed)
    doc = shape.skeleton()
    size = len(dump(doc).encode())
    while size < target_bytes:
        paths, schemas, tags = shape.add_resource(doc)
        grow = fragment_size(paths, schemas, tags)
        if size + grow - target_bytes > target_bytes - size:  # stop where the size is closest
            break
        doc["paths"].update(paths)
        doc["components"]["schemas"].update(schemas)
        doc["tags"].extend(tags)
        size += grow
    return doc


def write_shape(doc: dict, size: int, path: str) -> None:
    """A one-line summary of what the document holds, for the benchmark report."""
    import json
    operations = sum(1 for item in doc["paths"].values() for _ in item)
    counts = {"bytes": size, "operations": operations, "schemas": len(doc["components"]["schemas"]),
              "tags": len(doc["tags"])}
    counts["summary"] = f"{operations:,} operations, {counts['schemas']:,} component schemas, {counts['tags']:,} tags"
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(counts, handle)


def parse_size(text: str) -> int:
    found = re.fullmatch(r"([\d.]+)\s*([kKmM]?)[bB]?", text)
    if not found:
        sys.exit(f"synthesize.py: bad size {text!r} (e.g. 300k, 3M, 20M)")
    return int(float(found.group(1)) * {"": 1, "k": 1e3, "m": 1e6}[found.group(2).lower()])


# ==============================================================================================
# ×N copies of an existing spec

COMPONENT_FAMILIES = ("schemas", "responses", "parameters", "requestBodies", "headers", "examples", "links")


def patch_session_token(spec):
    schemes = spec.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes.setdefault("sessionToken", {"type": "apiKey", "in": "header", "name": "X-Session-Token"})


def rewrite(node, suffix, names):
    """Deep copy of node with every local component reference pointing at the suffixed copy."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = rewrite_ref(value, suffix, names)
            elif key == "mapping" and isinstance(value, dict):
                out[key] = {k: rewrite_ref(v, suffix, names) if isinstance(v, str) else v for k, v in value.items()}
            elif key == "operationId" and isinstance(value, str):
                out[key] = value + suffix
            elif key == "tags" and isinstance(value, list) and all(isinstance(t, str) for t in value):
                out[key] = [t + suffix for t in value]
            else:
                out[key] = rewrite(value, suffix, names)
        return out
    if isinstance(node, list):
        return [rewrite(item, suffix, names) for item in node]
    return node


def rewrite_ref(ref, suffix, names):
    prefix = "#/components/"
    if not ref.startswith(prefix):
        return ref
    family, _, name = ref[len(prefix):].partition("/")
    if family in COMPONENT_FAMILIES and name in names.get(family, ()):
        return f"{prefix}{family}/{name}{suffix}"
    return ref


def synthesize(spec, factor):
    components = spec.get("components", {})
    names = {family: set(components.get(family, {})) for family in COMPONENT_FAMILIES}
    out = copy.deepcopy(spec)
    if factor > 1:
        out["info"]["title"] = f"{spec['info'].get('title', 'API')} x{factor}"
    for n in range(2, factor + 1):
        suffix = f"C{n}"
        for family in COMPONENT_FAMILIES:
            for name, value in components.get(family, {}).items():
                out["components"][family][name + suffix] = rewrite(value, suffix, names)
        for path, item in spec["paths"].items():
            out["paths"][f"/c{n}{path}"] = rewrite(item, suffix, names)
        for tag in spec.get("tags", []):
            new_tag = dict(tag)
            new_tag["name"] = tag["name"] + suffix
            out.setdefault("tags", []).append(new_tag)
    return out


def main(argv):
    seed = 16
    if "--seed" in argv:
        at = argv.index("--seed")
        seed = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    args = [a for a in argv[1:] if not a.startswith("--")]
    if args and args[0] == "real":
        if len(args) != 3:
            sys.exit(__doc__)
        doc = synthesize_real(parse_size(args[1]), seed)
        text = dump(doc)
        with open(args[2], "w", encoding="utf-8") as handle:
            handle.write(text)
        write_shape(doc, len(text.encode()), re.sub(r"\.ya?ml$", "", args[2]) + ".shape.json")
        return
    if len(args) != 3:
        sys.exit(__doc__)
    source, factor, target = args[0], int(args[1]), args[2]
    with open(source, encoding="utf-8") as handle:
        spec = yaml.load(handle, Loader=Loader)
    if "--patch-session-token" in argv:
        patch_session_token(spec)
    result = synthesize(spec, factor)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(dump(result))


if __name__ == "__main__":
    main(sys.argv)
