#!/usr/bin/env python3
"""Synthetic OpenAPI specs of the Kratos shape, N times as large.

    synthesize.py SPEC FACTOR OUT.yaml [--patch-session-token]

Copy 1 keeps the original names; copies 2..N repeat every schema, response, tag and path with
a suffix: schema `identity` -> `identityC2`, operationId `getIdentity` -> `getIdentityC2`, path
`/admin/identities` -> `/c2/admin/identities`, tag `identity` -> `identityC2`. Every
`#/components/...` reference (`$ref` and discriminator `mapping` values) is rewritten to the copy
of its own family, so each copy is a closed, valid sub-API. `securitySchemes` are shared.

With --patch-session-token the dangling `sessionToken` security requirement of Kratos v26.2.0 is
resolved by adding `sessionToken: {type: apiKey, in: header, name: X-Session-Token}` (the patch
BENCHMARKS.md documents), so that swift-openapi-generator accepts the synthetic specs too.

Output is YAML (like spec/ory-kratos.yaml); YAML timestamps are kept as strings.
"""
import copy
import sys

import yaml

try:  # libyaml is much faster for the large factors
    from yaml import CSafeDumper as Dumper, CSafeLoader as BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as Dumper, SafeLoader as BaseLoader


class Loader(BaseLoader):
    """SafeLoader without the timestamp resolver: `2024-01-01` stays a string."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in BaseLoader.yaml_implicit_resolvers.items()
}

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
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        sys.exit(__doc__)
    source, factor, target = args[0], int(args[1]), args[2]
    with open(source, encoding="utf-8") as handle:
        spec = yaml.load(handle, Loader=Loader)
    if "--patch-session-token" in argv:
        patch_session_token(spec)
    result = synthesize(spec, factor)
    with open(target, "w", encoding="utf-8") as handle:
        yaml.dump(result, handle, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


if __name__ == "__main__":
    main(sys.argv)
