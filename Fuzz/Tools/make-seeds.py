#!/usr/bin/env python3
"""Writes raw seed inputs for the fuzz targets into OUT/<target>/ (one file per seed).

scripts/fuzz-corpus runs this, then minimizes each raw set into Fuzz/Corpus/<target> with
libFuzzer's -merge=1. Sources: Tests/Specs (the small OAI specs whole; the Kratos spec cut
into one-path and few-schema pieces with the components they reference), the generator's
fixture specs, Templates/*.stencil, template literals from the template tests, and hand-written
inputs for YAML features the specs do not use.

usage: make-seeds.py REPO OUT
"""
import copy
import hashlib
import json
import os
import re
import sys

import yaml

REPO, OUT = sys.argv[1], sys.argv[2]
SPEC_CORPUS = os.path.join(REPO, "Tests", "Specs")
MAX_PIECE = 24 * 1024


def write(target, data, tag):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    name = f"{tag}-{hashlib.sha1(data).hexdigest()[:12]}"
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/"):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def resolve(document, pointer):
    node = document
    for part in pointer[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def piece(document, paths=None, schemas=None):
    """A valid spec with only `paths` / `schemas` and everything they reference."""
    out = {k: document[k] for k in ("openapi", "info") if k in document}
    if paths:
        out["paths"] = {p: document["paths"][p] for p in paths}
    components = {}
    pending = []
    if paths:
        pending += list(refs(out["paths"]))
    for name in schemas or []:
        pending.append(f"#/components/schemas/{name}")
    seen = set()
    while pending:
        pointer = pending.pop()
        if pointer in seen or not pointer.startswith("#/components/"):
            continue
        seen.add(pointer)
        parts = pointer.split("/")
        if len(parts) != 4:
            continue
        value = resolve(document, pointer)
        if value is None:
            continue
        components.setdefault(parts[2], {})[parts[3]] = value
        pending += list(refs(value))
    if components:
        out["components"] = components
    if paths:
        # Security schemes named by the operations.
        schemes = document.get("components", {}).get("securitySchemes", {})
        if schemes:
            out.setdefault("components", {})["securitySchemes"] = schemes
    return out


def dump(spec, as_json):
    if as_json:
        return json.dumps(spec, indent=1, default=str)
    return yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=100)


def kratos_pieces():
    with open(os.path.join(SPEC_CORPUS, "ory-kratos-v26.2.0.yaml")) as f:
        document = yaml.safe_load(f)
    pieces = []
    paths = list(document.get("paths", {}))
    for index, path in enumerate(paths):
        pieces.append(("kratos-path", piece(document, paths=[path]), index % 5 == 0))
    schemas = list(document.get("components", {}).get("schemas", {}))
    for start in range(0, len(schemas), 6):
        pieces.append(("kratos-schemas", piece(document, schemas=schemas[start:start + 6]), start % 30 == 0))
    for tag, spec, as_json in pieces:
        text = dump(spec, as_json)
        if len(text.encode()) <= MAX_PIECE:
            yield tag, text


HAND_YAML = [
    "a: &x [1, 2]\nb: *x\nc: {<<: {k: v}, d: 1}\n",
    "base: &base {x: 1, y: 2}\nderived:\n  <<: [*base, {z: 3}]\n  x: 9\n",
    "? complex\n: value\n? [a, b]\n: seq-key\n",
    "s: !!str 123\ni: !!int '42'\nf: !!float 1e3\nb: !!bool yes\nn: !!null ''\nt: !custom x\n",
    "lit: |\n  line 1\n   line 2\n\nfold: >-\n  folded\n  text\nkeep: |+\n  x\n\n",
    "q: 'it''s'\nd: \"tab\\tnew\\nuni\\u00e9 \\U0001F600 surrogate \\ud83d\\ude00\"\nx: \"\\x41\"\n",
    "%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\n!e!thing {a: .inf, b: -.Inf, c: .NaN, d: 0x1F, e: 0o17, f: ~, g: Null}\n...\n",
    "[1, [2, [3, [4, [5, [6, [7, [8]]]]]]]]",
    "a: &a [*a]\n",
    "l1: &l1 [a, a, a, a]\nl2: &l2 [*l1, *l1, *l1, *l1]\nl3: &l3 [*l2, *l2, *l2, *l2]\n",
    "key: value\nkey: other\n",
    "- a\n- b:\n    - c\n    -  d: e\n- ? f\n",
    "\ufeffbom: true\n",
    "{\"json\": [true, false, null, 1.5e-3, \"s\"], \"nested\": {\"k\": {}}}",
    "---\nfirst: 1\n---\nsecond: 2\n",
    "a: b\n\tc: d\n",
    "x: \"unterminated\n",
    "date: 2024-01-02T03:04:05Z\nint: 0123\nneg: -0\nplus: +12\n",
]


def yaml_encodings(text):
    data = text.encode("utf-8")
    yield "utf8", data
    yield "utf16le", b"\xff\xfe" + text.encode("utf-16-le")
    yield "utf16be", b"\xfe\xff" + text.encode("utf-16-be")
    yield "utf32le", b"\xff\xfe\x00\x00" + text.encode("utf-32-le")


def template_literals():
    """String literals with tags from the template tests (simple escapes only)."""
    folder = os.path.join(REPO, "Tests", "KilnTemplatesTests")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name)) as f:
            source = f.read()
        for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', source):
            if "{{" not in literal and "{%" not in literal or "\\(" in literal:
                continue
            yield literal.replace("\\n", "\n").replace("\\t", "\t").replace('\\"', '"').replace("\\\\", "\\")
        for block in re.findall(r'"""\n(.*?)\n\s*"""', source, re.S):
            if "{{" in block or "{%" in block:
                if "\\(" not in block:
                    yield block


HAND_TEMPLATES = [
    "{% for p in type.properties %}{{ forloop.counter }} {{ p.name|upper }}{% if not forloop.last %},{% endif %}{% empty %}none{% endfor %}",
    "{% for k, v in dict %}{{ k }}={{ v|default:\"-\" }}\n{% endfor %}",
    "{% set x = names|reverse|join:\"/\" %}{{ x|replace:\"/\",\"::\" }} {{ text|trim|lines|count }} {{ text|indent:4,true }}",
    "{% if number < 0 and not flag or empty == \"\" %}{{ nothing|isEmpty }}{% elif 1 in items %}in{% else %}{{ dict.c.0 }}{% endif %}",
    "    {% include \"nested.stencil\" with value = type.name %}\n{% include \"list.stencil\" %}{% include \"header.stencil\" %}",
    "{%- if flag -%}\n  x\n{%- else -%}\n  {{- names.first|capitalize -}}{{ names.last|lowerFirst }}\n{%- endif %}",
    "{{ module.doc|docComment:4 }}\n{{ type.name|swiftString }} {{ specFileName|commentSafe }}",
    "{% include \"self.stencil\" %}",
    "{{ \"a\\\"b\"|first }}{{ items|last }}{{ items.count }}{{ names.1 }}{{ text.count }}{{ 'x' }}",
]


def main():
    # YAML: the small OAI specs, fixtures, Kratos pieces (a few), hand-written features.
    small_specs = sorted(f for f in os.listdir(SPEC_CORPUS) if f.startswith("oai-"))
    fixture_root = os.path.join(REPO, "Tests", "KilnGeneratorTests", "Fixtures")
    fixtures = []
    for folder, _, files in os.walk(fixture_root):
        for name in files:
            if name.endswith((".yaml", ".json")):
                fixtures.append(os.path.join(folder, name))
    for name in small_specs:
        with open(os.path.join(SPEC_CORPUS, name), encoding="utf-8") as f:
            text = f.read()
        write("yaml", text, "oai")
        write("pipeline", text, "oai")
    for path in sorted(fixtures):
        with open(path, "rb") as f:
            data = f.read()
        if len(data) <= MAX_PIECE:
            write("yaml", data, "fixture")
            write("pipeline", data, "fixture")
    for tag, text in kratos_pieces():
        write("pipeline", text, tag)
        if len(text) <= 8 * 1024:
            write("yaml", text, tag)
    for index, text in enumerate(HAND_YAML):
        for encoding, data in yaml_encodings(text):
            if encoding == "utf8" or index < 3:
                write("yaml", data, f"hand-{encoding}")

    # Templates: the real templates, test literals, hand-written ones, and context variants.
    template_dir = os.path.join(REPO, "Templates")
    for name in sorted(os.listdir(template_dir)):
        with open(os.path.join(template_dir, name), encoding="utf-8") as f:
            write("templates", f.read(), "stencil")
    for literal in template_literals():
        write("templates", literal, "test")
    for text in HAND_TEMPLATES:
        write("templates", text, "hand")
    write("templates", '{"items": [1, "two", null], "type": {"name": "Ctx"}}\x00{% for i in items %}{{ i }}{% endfor %}{{ type.name }}', "ctx")
    write("templates", '{"dict": {"z": [true], "a": {"b": -1}}}\x00{% for k, v in dict %}{{ k }}:{{ v }}{% endfor %}', "ctx")


main()
