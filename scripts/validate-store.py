#!/usr/bin/env python3
"""Validate every line of a bulletind store against schema/record.schema.json.

Usage: validate-store.py SCHEMA STORE
Prints 'N lines valid' and exits 0, or names the first bad line and exits 1.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main() -> int:
    schema_path, store_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    count = 0
    with open(store_path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.endswith(b"\n"):
                print(f"{store_path}:{number}: torn line (no newline)")
                return 1
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                print(f"{store_path}:{number}: not JSON: {error}")
                return 1
            errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
            if errors:
                print(f"{store_path}:{number}: {errors[0].message} at {list(errors[0].path)}")
                return 1
            count += 1
    print(f"{count} lines valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
