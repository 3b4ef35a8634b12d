#!/usr/bin/env python3
"""Validate every line of a JSON Lines file against a JSON Schema (draft 2020-12).

Usage: validate-jsonl.py SCHEMA FILE
  the store:          validate-jsonl.py schema/record.schema.json stories.jsonl
  `bulletind export`: validate-jsonl.py schema/ninjs-schema_2.2.json export.ninjs
Prints 'N objects valid' and exits 0, or names the first bad line and exits 1.
Every format the schema names (uri, date-time, ...) is asserted: a validator that cannot check
one of them is an error, not a pass.
"""
import json
import sys

from jsonschema import Draft202012Validator

PACKAGES = {"uri": "rfc3986-validator", "date-time": "rfc3339-validator"}


def formats(node) -> set:
    """Every value of a "format" keyword anywhere in the schema."""
    if isinstance(node, dict):
        found = {node["format"]} if isinstance(node.get("format"), str) else set()
        return found.union(*(formats(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(formats(value) for value in node))
    return set()


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip())
        return 2
    schema_path, path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    checker = Draft202012Validator.FORMAT_CHECKER
    missing = sorted(formats(schema) - set(checker.checkers))
    if missing:
        needed = " ".join(sorted({PACKAGES.get(name, name) for name in missing}))
        print(f"the validator cannot check the formats {missing}: pip install {needed}")
        return 1
    validator = Draft202012Validator(schema, format_checker=checker)
    count = 0
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.endswith(b"\n"):
                print(f"{path}:{number}: torn line (no newline at the end)")
                return 1
            try:
                item = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                print(f"{path}:{number}: not JSON: {error}")
                return 1
            errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
            if errors:
                print(f"{path}:{number}: {errors[0].message} at {list(errors[0].path)}")
                return 1
            count += 1
    print(f"{count} objects valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
