#!/usr/bin/env python3
"""Trim Hexclave's published OpenAPI documents to the endpoints this SDK uses.

Reads   <source>/{server,client}.json   (default source: /work/shared/hexclave-openapi)
Writes  src/main/resources/hexclave-openapi/{server,client}.json  (next to this script)

Keeps only the paths listed in KEPT_PATHS (those that exist in each document), the components they reference
(transitively, through "$ref"), and drops every `description`, `summary`, `example` and `examples` keyword
(a Response Object's `description`, which OpenAPI requires, is kept as an empty string).
Nothing else is changed: known gaps of the upstream documents are handled, and documented, in HexclaveContract.java.

Usage:  python3 contract/trim-openapi.py [source-dir]
"""
import json
import os
import sys

KEPT_PATHS = [
    "/",
    "/users",
    "/users/me",
    "/users/{user_id}",
    "/auth/sessions",
    "/auth/sessions/current",
    "/auth/sessions/current/refresh",
    "/auth/sessions/{id}",
    "/team-permissions",
    "/team-permissions/{team_id}/{user_id}/{permission_id}",
    "/auth/cli",
    "/auth/cli/poll",
    "/auth/cli/complete",
]
STRIPPED = {"description", "summary", "example", "examples"}
# Maps whose keys are names chosen by the API (property names, status codes, media types), not keywords.
NAME_MAPS = {"properties", "patternProperties", "responses", "content", "schemas", "parameters",
             "requestBodies", "headers", "securitySchemes", "paths"}


def strip(node, parent_key=None, grandparent_key=None):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if parent_key not in NAME_MAPS and key in STRIPPED:
                # A Response Object's `description` is REQUIRED by OpenAPI: keep the member, empty its text.
                if key == "description" and grandparent_key == "responses":
                    out[key] = ""
                continue
            out[key] = strip(value, key, parent_key)
        return out
    if isinstance(node, list):
        return [strip(v, None, None) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            found.add(tuple(ref[len("#/components/"):].split("/", 1)))
        for v in node.values():
            refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def trim(doc):
    paths = {p: doc["paths"][p] for p in KEPT_PATHS if p in doc["paths"]}
    out = {"openapi": doc["openapi"], "info": doc.get("info", {}), "servers": doc.get("servers", []), "paths": paths}
    components = doc.get("components", {})
    wanted, seen = set(), set()
    refs(paths, wanted)
    kept = {}
    while wanted - seen:
        kind, name = sorted(wanted - seen)[0]
        seen.add((kind, name))
        item = components.get(kind, {}).get(name)
        if item is None:
            raise SystemExit("dangling $ref: #/components/%s/%s" % (kind, name))
        kept.setdefault(kind, {})[name] = item
        refs(item, wanted)
    if kept:
        out["components"] = kept
    return strip(out)


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/hexclave-openapi"
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "src", "main", "resources", "hexclave-openapi")
    os.makedirs(target, exist_ok=True)
    for name in ("server", "client"):
        with open(os.path.join(source, name + ".json"), encoding="utf-8") as f:
            doc = json.load(f)
        trimmed = trim(doc)
        with open(os.path.join(target, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(trimmed, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print("%s.json: %d of %d paths kept" % (name, len(trimmed["paths"]), len(doc["paths"])))


if __name__ == "__main__":
    main()
