#!/usr/bin/env python3
"""Validate the curated GitHub runners OpenAPI description.

Usage: python3 spec/validate.py spec/github-runners.yaml

Checks, in order:
  1. the document is a valid OpenAPI 3.0 description (openapi-spec-validator);
  2. every example (media-type `example` / `examples`, parameter and header examples,
     schema-level `example`; inline or `$ref`'d to components/examples) validates
     against its schema with OAS30Validator, with format checking (date-time, uri, ...);
  3. the set of operationIds is exactly the 71 expected runner operations and the
     rate-limit status (72);
  4. project conventions the Rust generator relies on (x-newtype on int64 ids,
     list wrappers, Link headers on paginated lists, externalDocs on operations, x-secret
     on every secret) and x-github-availability on every operation.

Prints a short summary and exits 0, or lists every problem and exits 1.
Requires: pip install openapi-spec-validator (brings openapi-schema-validator, jsonschema).
"""

from __future__ import annotations

import copy
import sys
from urllib.parse import urlsplit

import yaml
from jsonschema import FormatChecker
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from openapi_spec_validator import OpenAPIV30SpecValidator

EXPECTED_OPERATION_IDS = {
    # runner groups, enterprise scope
    "enterprise-admin/list-self-hosted-runner-groups-for-enterprise",
    "enterprise-admin/create-self-hosted-runner-group-for-enterprise",
    "enterprise-admin/get-self-hosted-runner-group-for-enterprise",
    "enterprise-admin/update-self-hosted-runner-group-for-enterprise",
    "enterprise-admin/delete-self-hosted-runner-group-from-enterprise",
    "enterprise-admin/list-org-access-to-self-hosted-runner-group-in-enterprise",
    "enterprise-admin/set-org-access-to-self-hosted-runner-group-in-enterprise",
    "enterprise-admin/add-org-access-to-self-hosted-runner-group-in-enterprise",
    "enterprise-admin/remove-org-access-to-self-hosted-runner-group-in-enterprise",
    "enterprise-admin/list-self-hosted-runners-in-group-for-enterprise",
    "enterprise-admin/set-self-hosted-runners-in-group-for-enterprise",
    "enterprise-admin/add-self-hosted-runner-to-group-for-enterprise",
    "enterprise-admin/remove-self-hosted-runner-from-group-for-enterprise",
    # runner groups, organization scope
    "actions/list-self-hosted-runner-groups-for-org",
    "actions/create-self-hosted-runner-group-for-org",
    "actions/get-self-hosted-runner-group-for-org",
    "actions/update-self-hosted-runner-group-for-org",
    "actions/delete-self-hosted-runner-group-from-org",
    "actions/list-github-hosted-runners-in-group-for-org",
    "actions/list-repo-access-to-self-hosted-runner-group-in-org",
    "actions/set-repo-access-to-self-hosted-runner-group-in-org",
    "actions/add-repo-access-to-self-hosted-runner-group-in-org",
    "actions/remove-repo-access-to-self-hosted-runner-group-in-org",
    "actions/list-self-hosted-runners-in-group-for-org",
    "actions/set-self-hosted-runners-in-group-for-org",
    "actions/add-self-hosted-runner-to-group-for-org",
    "actions/remove-self-hosted-runner-from-group-for-org",
}
for _tag, _for, _from in (
    ("enterprise-admin", "for-enterprise", "from-enterprise"),
    ("actions", "for-org", "from-org"),
    ("actions", "for-repo", "from-repo"),
):
    EXPECTED_OPERATION_IDS |= {
        f"{_tag}/list-self-hosted-runners-{_for}",
        f"{_tag}/list-runner-applications-{_for}",
        f"{_tag}/create-registration-token-{_for}",
        f"{_tag}/create-remove-token-{_for}",
        f"{_tag}/get-self-hosted-runner-{_for}",
        f"{_tag}/delete-self-hosted-runner-{_from}",
        # not in the seed pages: just-in-time runners and custom labels
        f"{_tag}/generate-runner-jitconfig-{_for}",
        f"{_tag}/list-labels-for-self-hosted-runner-{_for}",
        f"{_tag}/add-custom-labels-to-self-hosted-runner-{_for}",
        f"{_tag}/set-custom-labels-for-self-hosted-runner-{_for}",
        f"{_tag}/remove-all-custom-labels-from-self-hosted-runner-{_for}",
        f"{_tag}/remove-custom-label-from-self-hosted-runner-{_for}",
    }
# not in the seed pages: which repositories may use self-hosted runners at all
EXPECTED_OPERATION_IDS |= {
    "actions/get-self-hosted-runners-permissions-organization",
    "actions/set-self-hosted-runners-permissions-organization",
    "actions/list-selected-repositories-self-hosted-runners-organization",
    "actions/set-selected-repositories-self-hosted-runners-organization",
    "actions/enable-selected-repository-self-hosted-runners-organization",
    "actions/disable-selected-repository-self-hosted-runners-organization",
    "enterprise-admin/get-self-hosted-runners-permissions",
    "enterprise-admin/set-self-hosted-runners-permissions",
}
assert len(EXPECTED_OPERATION_IDS) == 71
# The rate-limit status, for programs that poll (not a runner operation).
EXPECTED_OPERATION_IDS.add("rate-limit/get")
assert len(EXPECTED_OPERATION_IDS) == 72

# Where each operation is served (x-github-availability): enterprise operations exist only on
# GitHub Enterprise Cloud and Server; listing the GitHub-hosted runners of a group does not
# exist on Enterprise Server; everything else is served by all three.
PRODUCTS = ("GitHub.com", "GitHub Enterprise Cloud", "GitHub Enterprise Server")


def expected_availability(operation_id: str) -> list[str]:
    if operation_id.startswith("enterprise-admin/"):
        return ["GitHub Enterprise Cloud", "GitHub Enterprise Server"]
    if operation_id == "actions/list-github-hosted-runners-in-group-for-org":
        return ["GitHub.com", "GitHub Enterprise Cloud"]
    return list(PRODUCTS)


# Properties that hold secrets: (schema, property); each must carry x-secret: true.
SECRETS = (
    ("authentication-token", "token"),
    ("runner-jit-config", "encoded_jit_config"),
    ("runner-application", "temp_download_token"),
)

# Paginated list operations: must take per_page and page and declare a Link header.
PAGINATED = {
    "enterprise-admin/list-self-hosted-runners-for-enterprise",
    "actions/list-self-hosted-runners-for-org",
    "actions/list-self-hosted-runners-for-repo",
    "enterprise-admin/list-self-hosted-runner-groups-for-enterprise",
    "actions/list-self-hosted-runner-groups-for-org",
    "enterprise-admin/list-org-access-to-self-hosted-runner-group-in-enterprise",
    "actions/list-repo-access-to-self-hosted-runner-group-in-org",
    "enterprise-admin/list-self-hosted-runners-in-group-for-enterprise",
    "actions/list-self-hosted-runners-in-group-for-org",
    "actions/list-github-hosted-runners-in-group-for-org",
    "actions/list-selected-repositories-self-hosted-runners-organization",
}

# Identifier properties / parameters and the Rust newtype each must carry.
NEWTYPES = {
    "runner_id": "RunnerId",
    "runner_group_id": "RunnerGroupId",
    "org_id": "OrgId",
    "repository_id": "RepositoryId",
    "runners": "RunnerId",  # items of the set-runners arrays
    "selected_organization_ids": "OrgId",
    "selected_repository_ids": "RepositoryId",
}
ID_NEWTYPE_BY_SCHEMA = {
    "runner": "RunnerId",
    "organization-runner-group": "RunnerGroupId",
    "enterprise-runner-group": "RunnerGroupId",
    "organization-simple": "OrgId",
    "minimal-repository": "RepositoryId",
}

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _is_absolute_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True  # formats only constrain strings
    if any(c.isspace() for c in value) or "{" in value or "}" in value:
        return False
    parts = urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


def make_format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    checker.checkers = dict(oas30_format_checker.checkers)
    if "uri" not in checker.checkers:
        checker.checkers["uri"] = (_is_absolute_uri, ())
    return checker


class Spec:
    def __init__(self, doc: dict):
        self.doc = doc
        self.problems: list[str] = []
        self.examples_validated = 0
        self.used_component_examples: set[str] = set()
        self.format_checker = make_format_checker()

    # -- references ---------------------------------------------------------
    def resolve(self, node, where: str):
        """Follow local $ref chains; returns (node, name-of-last-ref or None)."""
        seen = set()
        last = None
        while isinstance(node, dict) and "$ref" in node:
            target = node["$ref"]
            if target in seen:
                self.problems.append(f"{where}: circular $ref {target}")
                return None, last
            seen.add(target)
            if not target.startswith("#/"):
                self.problems.append(f"{where}: non-local $ref {target}")
                return None, last
            cur = self.doc
            for part in target[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                if not isinstance(cur, dict) or part not in cur:
                    self.problems.append(f"{where}: unresolvable $ref {target}")
                    return None, last
                cur = cur[part]
            last = target
            node = cur
        return node, last

    def check_all_refs(self, node, where: str = "#"):
        if isinstance(node, dict):
            if "$ref" in node:
                self.resolve(node, where)
            for k, v in node.items():
                self.check_all_refs(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                self.check_all_refs(v, f"{where}/{i}")

    # -- example validation -------------------------------------------------
    def validate_value(self, schema: dict, value, where: str):
        # Wrap so that '#/components/...' references resolve against the whole document.
        root = {"allOf": [copy.deepcopy(schema)], "components": self.doc.get("components", {})}
        validator = OAS30Validator(root, format_checker=self.format_checker)
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        self.examples_validated += 1
        for err in errors:
            path = "/".join(str(p) for p in err.absolute_path) or "(root)"
            self.problems.append(f"{where}: example invalid at {path}: {err.message}")

    def validate_examples_of(self, holder: dict, schema, where: str):
        """holder is a media type, parameter or header object."""
        if schema is None:
            if "example" in holder or "examples" in holder:
                self.problems.append(f"{where}: has examples but no schema")
            return
        if "example" in holder:
            self.validate_value(schema, holder["example"], f"{where}/example")
        for name, ex in (holder.get("examples") or {}).items():
            ex_where = f"{where}/examples/{name}"
            if isinstance(ex, dict) and "$ref" in ex:
                ref = ex["$ref"]
                if ref.startswith("#/components/examples/"):
                    self.used_component_examples.add(ref.rsplit("/", 1)[1])
                ex_where += f" ({ref})"
            resolved, _ = self.resolve(ex, ex_where)
            if resolved is None:
                continue
            if "externalValue" in resolved and "value" not in resolved:
                self.problems.append(f"{ex_where}: externalValue examples are not supported")
                continue
            if "value" not in resolved:
                self.problems.append(f"{ex_where}: example object has no value")
                continue
            self.validate_value(schema, resolved["value"], ex_where)

    def walk_schema_examples(self, schema, where: str, seen: set):
        """Validate schema-level `example` keywords (inside components/schemas and inline schemas)."""
        if not isinstance(schema, dict) or id(schema) in seen:
            return
        seen.add(id(schema))
        if "$ref" in schema:
            return
        if "example" in schema:
            self.validate_value(schema, schema["example"], f"{where}/example")
        for key in ("properties",):
            for name, sub in (schema.get(key) or {}).items():
                self.walk_schema_examples(sub, f"{where}/{key}/{name}", seen)
        for key in ("items", "additionalProperties", "not"):
            if isinstance(schema.get(key), dict):
                self.walk_schema_examples(schema[key], f"{where}/{key}", seen)
        for key in ("allOf", "anyOf", "oneOf"):
            for i, sub in enumerate(schema.get(key) or []):
                self.walk_schema_examples(sub, f"{where}/{key}/{i}", seen)

    def media_schema(self, media: dict):
        return media.get("schema")

    def check_examples(self):
        seen: set = set()
        comps = self.doc.get("components", {})
        for name, sch in (comps.get("schemas") or {}).items():
            self.walk_schema_examples(sch, f"#/components/schemas/{name}", seen)
        for name, param in (comps.get("parameters") or {}).items():
            self.validate_examples_of(param, param.get("schema"), f"#/components/parameters/{name}")
        for name, header in (comps.get("headers") or {}).items():
            self.validate_examples_of(header, header.get("schema"), f"#/components/headers/{name}")

        for path, item in (self.doc.get("paths") or {}).items():
            for method in HTTP_METHODS:
                op = item.get(method)
                if not op:
                    continue
                base = f"{method.upper()} {path}"
                for i, p in enumerate(list(item.get("parameters") or []) + list(op.get("parameters") or [])):
                    if "$ref" in p:
                        continue  # component parameters are checked above
                    self.validate_examples_of(p, p.get("schema"), f"{base} parameter {p.get('name', i)}")
                body = op.get("requestBody")
                if body is not None:
                    body, _ = self.resolve(body, f"{base} requestBody")
                    for ctype, media in ((body or {}).get("content") or {}).items():
                        self.validate_examples_of(media, self.media_schema(media), f"{base} requestBody {ctype}")
                        self.walk_schema_examples(media.get("schema"), f"{base} requestBody {ctype}/schema", seen)
                for status, resp in (op.get("responses") or {}).items():
                    resp, _ = self.resolve(resp, f"{base} {status}")
                    for ctype, media in ((resp or {}).get("content") or {}).items():
                        self.validate_examples_of(media, self.media_schema(media), f"{base} {status} {ctype}")
                        self.walk_schema_examples(media.get("schema"), f"{base} {status} {ctype}/schema", seen)
                    for hname, header in ((resp or {}).get("headers") or {}).items():
                        if "$ref" not in header:
                            self.validate_examples_of(header, header.get("schema"), f"{base} {status} header {hname}")

        for name in sorted(set((comps.get("examples") or {}).keys()) - self.used_component_examples):
            self.problems.append(f"#/components/examples/{name}: defined but never used by an operation")

    # -- operations and conventions -----------------------------------------
    def operations(self):
        for path, item in (self.doc.get("paths") or {}).items():
            for method in HTTP_METHODS:
                if method in item:
                    yield path, method, item[method]

    def check_operation_ids(self):
        found: dict[str, str] = {}
        for path, method, op in self.operations():
            op_id = op.get("operationId")
            where = f"{method.upper()} {path}"
            if not op_id:
                self.problems.append(f"{where}: missing operationId")
                continue
            if op_id in found:
                self.problems.append(f"{where}: duplicate operationId {op_id} (also {found[op_id]})")
            found[op_id] = where
        for missing in sorted(EXPECTED_OPERATION_IDS - found.keys()):
            self.problems.append(f"missing operation: {missing}")
        for extra in sorted(found.keys() - EXPECTED_OPERATION_IDS):
            self.problems.append(f"unexpected operation: {extra} ({found[extra]})")
        return len(found)

    def _param_names(self, item: dict, op: dict) -> set[str]:
        names = set()
        for p in list(item.get("parameters") or []) + list(op.get("parameters") or []):
            p, _ = self.resolve(p, "parameter")
            if p:
                names.add(p.get("name"))
        return names

    def _check_newtype(self, schema, expected: str, where: str):
        schema, _ = self.resolve(schema, where)
        if not isinstance(schema, dict):
            return
        if schema.get("type") == "array":
            self._check_newtype(schema.get("items"), expected, where + "/items")
            return
        if schema.get("x-newtype") != expected:
            self.problems.append(f"{where}: expected x-newtype {expected}, found {schema.get('x-newtype')!r}")
        if schema.get("type") != "integer" or schema.get("format") != "int64":
            self.problems.append(f"{where}: identifier must be type integer, format int64")

    def _is_object_array(self, schema) -> bool:
        """True for arrays of objects (e.g. the `runners` list of a runner-list), which are not id arrays."""
        schema, _ = self.resolve(schema, "schema")
        if not isinstance(schema, dict) or schema.get("type") != "array":
            return False
        items, _ = self.resolve(schema.get("items"), "schema/items")
        return isinstance(items, dict) and items.get("type") == "object"

    def _walk_props(self, schema, where: str, seen: set):
        if not isinstance(schema, dict) or id(schema) in seen or "$ref" in schema:
            return
        seen.add(id(schema))
        for name, sub in (schema.get("properties") or {}).items():
            if name in NEWTYPES and not self._is_object_array(sub):
                self._check_newtype(sub, NEWTYPES[name], f"{where}/properties/{name}")
            self._walk_props(sub, f"{where}/properties/{name}", seen)
        if isinstance(schema.get("items"), dict):
            self._walk_props(schema["items"], f"{where}/items", seen)
        for key in ("allOf", "anyOf", "oneOf"):
            for i, sub in enumerate(schema.get(key) or []):
                self._walk_props(sub, f"{where}/{key}/{i}", seen)

    def check_conventions(self):
        comps = self.doc.get("components", {})
        schemas = comps.get("schemas") or {}
        seen: set = set()
        for name, sch in schemas.items():
            self._walk_props(sch, f"#/components/schemas/{name}", seen)
        for name, expected in ID_NEWTYPE_BY_SCHEMA.items():
            if name in schemas:
                self._check_newtype(schemas[name].get("properties", {}).get("id"), expected,
                                    f"#/components/schemas/{name}/properties/id")
            else:
                self.problems.append(f"#/components/schemas/{name}: missing")
        for schema_name, prop in SECRETS:
            secret = schemas.get(schema_name, {}).get("properties", {}).get(prop, {})
            if secret.get("x-secret") is not True:
                self.problems.append(f"#/components/schemas/{schema_name}/properties/{prop}: missing x-secret: true")
        for name, param in (comps.get("parameters") or {}).items():
            if param.get("name") in NEWTYPES:
                self._check_newtype(param.get("schema"), NEWTYPES[param["name"]], f"#/components/parameters/{name}/schema")
        if "link" not in (comps.get("headers") or {}):
            self.problems.append("#/components/headers/link: missing")

        for path, method, op in self.operations():
            where = f"{method.upper()} {path}"
            item = self.doc["paths"][path]
            ext = op.get("externalDocs") or {}
            if not str(ext.get("url", "")).startswith("https://docs.github.com/") or "#" not in str(ext.get("url", "")):
                self.problems.append(f"{where}: externalDocs url must be a docs.github.com URL with an anchor")
            for key in ("summary", "description", "tags"):
                if not op.get(key):
                    self.problems.append(f"{where}: missing {key}")
            availability = op.get("x-github-availability")
            expected = expected_availability(str(op.get("operationId")))
            if not isinstance(availability, list) or any(p not in PRODUCTS for p in availability):
                self.problems.append(f"{where}: x-github-availability must be a list of {', '.join(PRODUCTS)}")
            elif sorted(availability) != sorted(expected):
                self.problems.append(f"{where}: x-github-availability {availability}, expected {expected}")
            body = op.get("requestBody")
            if body is not None:
                body, _ = self.resolve(body, where)
                for media in ((body or {}).get("content") or {}).values():
                    self._walk_props(media.get("schema"), f"{where} requestBody", seen)
            if op.get("operationId") in PAGINATED:
                names = self._param_names(item, op)
                for required in ("per_page", "page"):
                    if required not in names:
                        self.problems.append(f"{where}: paginated list without {required} parameter")
                ok = op.get("responses", {}).get("200", {})
                headers = {k.lower(): v for k, v in (ok.get("headers") or {}).items()}
                if headers.get("link", {}).get("$ref") != "#/components/headers/link":
                    self.problems.append(f"{where}: paginated list without Link header ($ref components/headers/link)")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = argv[1]
    try:
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        print(f"FAIL: cannot read {path}: {exc}", file=sys.stderr)
        return 1

    spec = Spec(doc)

    if not isinstance(doc, dict):
        print(f"FAIL: {path}: not a YAML mapping", file=sys.stderr)
        return 1

    # 0. Every local $ref must resolve (checked first: the libraries below raise on dangling refs).
    spec.check_all_refs(doc)
    refs_ok = not spec.problems

    # 1. OpenAPI 3.0 structural validation.
    if doc.get("openapi") != "3.0.3":
        spec.problems.append(f"openapi version must be 3.0.3, found {doc.get('openapi')!r}")
    try:
        for err in OpenAPIV30SpecValidator(doc).iter_errors():
            loc = "/".join(str(p) for p in getattr(err, "absolute_path", []) or [])
            spec.problems.append(f"openapi-spec-validator: {err.message}" + (f" (at {loc})" if loc else ""))
    except Exception as exc:  # the validator raises (rather than reports) on some broken documents
        spec.problems.append(f"openapi-spec-validator aborted: {type(exc).__name__}: {str(exc)[:300]}")

    # 2. Examples against their schemas (needs resolvable references).
    if refs_ok:
        spec.check_examples()
    else:
        spec.problems.append("examples not validated because of unresolvable $ref(s)")

    # 3. Exactly the expected operations; 4. conventions.
    n_ops = spec.check_operation_ids()
    spec.check_conventions()

    spec.problems = list(dict.fromkeys(spec.problems))  # drop exact duplicates, keep order
    if spec.problems:
        print(f"FAIL: {path}: {len(spec.problems)} problem(s)", file=sys.stderr)
        for problem in spec.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"OK: {path}: {n_ops} operations, {spec.examples_validated} examples validated, "
          f"{len((doc.get('components') or {}).get('schemas') or {})} component schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
