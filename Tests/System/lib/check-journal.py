#!/usr/bin/env python3
"""Compares a bulletind store with the journal entries the daemon sent (journalctl -o json),
and checks the catalog. Prints one "ok - ..." / "not ok - ..." line per check, details as
"#   ..." lines. Used by journal-test.sh and service-test.sh; needs only the stdlib."""
import argparse
import collections
import hashlib
import json
import re
import sys

MID_STORY = "6b38d59c8f5c49479424abbd0f2a4dc3"
MID_STARTED = "78a847b2680b41618f7bcf970b736a4c"
MID_READY = "5d03b8b80d0842ee8fc06c30e2549564"
MID_STOPPING = "0efa5e210e7444b78b1961cb55e1f7e1"
CONTRACT_IDS = {
    "78a847b2680b41618f7bcf970b736a4c", "5d03b8b80d0842ee8fc06c30e2549564",
    "77a756d8ac634644856992cd8149f9f1", "7f749f9738084f86b43dfcfc955a7a2f",
    "0efa5e210e7444b78b1961cb55e1f7e1", "6b38d59c8f5c49479424abbd0f2a4dc3",
    "39a8f4ed76f74fa9b764c4606e68f87e", "bfd277c9905e4fcf8bcc6562695d75c6",
    "3a767f9b79e7468797faa23551b5a97f", "4b46fc65e33243ecb3de6a8bdcc6b991",
    "e322ed9f3e4c4810b2ce67e25da9c5ea", "77ab5d0e2fe84e2e8915601f9a0ca257",
}


def report(good, what, details=()):
    print(("ok - " if good else "not ok - ") + what)
    if not good:
        for d in list(details)[:10]:
            print("#   " + str(d))


def value(v):
    """journalctl -o json: a string; an array of bytes for binary/non-UTF-8 data;
    an array of those when a field occurs more than once (returned as a list)."""
    if isinstance(v, list) and v and all(isinstance(x, int) for x in v):
        return bytes(v).decode("utf-8", "replace")
    if isinstance(v, list):
        return [value(x) for x in v]
    return v


def load_journal(path):
    entries = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                e = json.loads(line)
                entries.append({k: value(v) for k, v in e.items()})
    return entries


def load_store(path, problems):
    lines = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                try:
                    lines.append(json.loads(line))
                except ValueError as e:
                    problems.append(f"store line {n}: {e}")
    except OSError as e:
        problems.append(str(e))
    return lines


def catalog_entries(path):
    entries, current = {}, None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"^-- ([0-9a-f]{32})(\s|$)", line)
            if m:
                current = entries.setdefault(m.group(1), [])
            elif current is not None:
                current.append(line.rstrip("\n"))
    return entries


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--journal", required=True)
    ap.add_argument("--seed")
    ap.add_argument("--pid", type=int, default=0, help="the daemon's PID, 0: do not check")
    ap.add_argument("--catalog")
    ap.add_argument("--expect-stories", type=int, default=0)
    ap.add_argument("--lifecycle", default="started,ready,stopping")
    a = ap.parse_args()

    problems = []
    store = load_store(a.store, problems)
    report(not problems and store, f"store {a.store} holds JSON lines", problems)
    stories = [r for r in store if r.get("kind") == "story"]
    if a.expect_stories:
        report(len(stories) == a.expect_stories,
               f"store has exactly {a.expect_stories} story lines",
               [f"found {len(stories)}"])
    ids = [r.get("id") for r in store]
    dup_ids = [i for i, c in collections.Counter(ids).items() if c > 1]
    report(not dup_ids, "store ids are unique", dup_ids)

    journal = load_journal(a.journal)
    mine = [e for e in journal if e.get("SYSLOG_IDENTIFIER") == "bulletind"
            or e.get("MESSAGE_ID") in CONTRACT_IDS]
    new = [e for e in journal if e.get("MESSAGE_ID") == MID_STORY]
    by_id = collections.defaultdict(list)
    for e in new:
        sid = e.get("STORY_ID")
        by_id[sid if isinstance(sid, str) else repr(sid)].append(e)

    bad = [f"{r['id']}: {len(by_id.get(r['id'], []))} entries" for r in stories
           if len(by_id.get(r.get("id"), [])) != 1]
    report(stories and not bad,
           f"each of the {len(stories)} story lines has exactly one new-story entry "
           f"(MESSAGE_ID={MID_STORY}) with STORY_ID = its id", bad)
    stray = sorted(set(by_id) - {r.get("id") for r in stories})
    report(not stray, "no new-story entry without a story line in the store", stray)

    def compare(field, expected_of):
        wrong = []
        for r in stories:
            for e in by_id.get(r.get("id"), []):
                want, got = expected_of(r), e.get(field)
                if got != want:
                    wrong.append(f"{r['id']}: {field}={got!r}, store has {want!r}")
        report(stories and not wrong, f"new-story entries carry {field} equal to the store's", wrong)

    compare("HEADLINE", lambda r: r.get("headline"))
    compare("BULLETIN_FILE", lambda r: (r.get("bulletin") or {}).get("file"))
    compare("BULLETIN_SHA256", lambda r: (r.get("bulletin") or {}).get("sha256"))
    if a.seed:
        digest = hashlib.sha256(open(a.seed, "rb").read()).hexdigest()
        wrong = {e.get("BULLETIN_SHA256") for e in new} - {digest}
        report(new and not wrong, "BULLETIN_SHA256 is the SHA-256 of the seed's bytes",
               [f"expected {digest}, got {sorted(map(str, wrong))}"])

    for field, want in (("SYSLOG_IDENTIFIER", "bulletind"),):
        wrong = [f"{e.get('MESSAGE_ID')}: {e.get(field)!r}" for e in mine if e.get(field) != want]
        report(mine and not wrong, f"every bulletind entry has {field}={want}", wrong)
    # Entries the daemon sent itself (sd_journal_sendv: _TRANSPORT=journal). Under systemd its
    # stdout/stderr lines land in the journal too (_TRANSPORT=stdout), without CODE_* fields.
    native = [e for e in mine if e.get("_TRANSPORT", "journal") == "journal"]
    stray = [e.get("MESSAGE") for e in mine if e.get("_TRANSPORT", "journal") != "journal"]
    if stray:
        print(f"# note: {len(stray)} entries came from the daemon's stdout/stderr, e.g.:")
        for m in stray[:3]:
            print(f"#   {m!r}")
    for field in ("PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC"):
        missing = [f"{e.get('MESSAGE_ID')}: {e.get('MESSAGE')!r}" for e in native if not e.get(field)]
        report(native and not missing, f"every entry the daemon sent (_TRANSPORT=journal) has {field}", missing)
    wrong = [e.get("PRIORITY") for e in mine if str(e.get("PRIORITY")) not in "01234567"]
    report(not wrong, "PRIORITY is a syslog level 0-7", wrong)
    if a.pid:
        wrong = sorted({e.get("_PID") for e in mine} - {str(a.pid)})
        report(mine and not wrong, f"entries come from the daemon itself (_PID={a.pid})", wrong)

    names = {"started": MID_STARTED, "ready": MID_READY, "stopping": MID_STOPPING}
    seq = {}
    for name in a.lifecycle.split(","):
        found = [e for e in journal if e.get("MESSAGE_ID") == names[name]]
        report(len(found) >= 1, f"a {name} entry (MESSAGE_ID={names[name]}) exists")
        if found:
            seq[name] = int(found[0].get("__REALTIME_TIMESTAMP", 0))
    if "started" in seq and "ready" in seq:
        report(seq["started"] <= seq["ready"], "the started entry precedes the ready entry")

    malformed = [f"{e.get('MESSAGE_ID')!r}" for e in mine
                 if "MESSAGE_ID" in e and not re.fullmatch(r"[0-9a-f]{32}", str(e["MESSAGE_ID"]))]
    report(not malformed, "every MESSAGE_ID is 32 lower-case hex digits", malformed)

    if a.catalog:
        cat = catalog_entries(a.catalog)
        missing = sorted(CONTRACT_IDS - set(cat))
        report(not missing, f"the catalog documents all {len(CONTRACT_IDS)} MESSAGE_IDs", missing)
        incomplete = [f"{mid}: lacks {h}" for mid, body in cat.items()
                      for h in ("Subject:", "Defined-By: bulletind", "Documentation:")
                      if not any(l.startswith(h) for l in body)]
        report(not incomplete, "each catalog entry has Subject, Defined-By: bulletind, Documentation",
               incomplete)
        used = {e.get("MESSAGE_ID") for e in mine if e.get("MESSAGE_ID")}
        undocumented = sorted(used - set(cat))
        report(not undocumented, "every MESSAGE_ID the daemon sent is in the catalog", undocumented)
    return 0


if __name__ == "__main__":
    sys.exit(main())
