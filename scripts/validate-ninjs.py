#!/usr/bin/env python3
"""Validate every line of `bulletind export` output against the official IPTC ninjs schema.

Usage: validate-ninjs.py SCHEMA FILE
Prints 'N objects valid' and exits 0, or names the first bad line and exits 1.
Formats are asserted (uri, date-time): a validator that cannot check them is an error, not a pass.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main() -> int:
    schema_path, path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    checker = Draft202012Validator.FORMAT_CHECKER
    missing = {"uri", "date-time"} - set(checker.checkers)
    if missing:
        print(f"the validator cannot check the formats {sorted(missing)}: pip install rfc3986-validator rfc3339-validator")
        return 1
    validator = Draft202012Validator(schema, format_checker=checker)
    count = 0
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.endswith(b"\n"):
                print(f"{path}:{number}: no newline at the end")
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
