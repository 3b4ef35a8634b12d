#!/usr/bin/env python3
"""What one hostile file costs the daemon (issue #14, finding 5: amplification).

Each case starts `bulletind run` (release build) in a fresh folder, with no journal reachable
(entries go to stderr, which is counted), waits for it to be ready, drops the case's file(s)
into the inbox and waits until every one is in processed/ or failed/. Then it prints, per case:
the bytes dropped, store lines, journal entries (all, the per-story and per-duplicate ones, the
summaries of exact repeats), store bytes, peak memory (`VmHWM` of /proc/PID/status) before the
drop and after, the daemon's CPU seconds and the wall seconds to the file moved out. Then it
starts the daemon again on what the file left (store, index snapshot) and prints its memory once
ready (`VmRSS`): what the daemon keeps for the file's stories, the duplicate index above all, as
it keeps any story. The peak less that is the bulletin's own share: memory it needs only while
it is ingested.

Cases:
  tiny-5mb     5 MB of distinct tiny stories (`Flash N` / `Word N.`), one file
  tiny-16mb    16 MiB of them (`inbox.max_file_size`), one file
  repeat-5mb   5 MB of one tiny story repeated, one file

Usage: bench-amplification.py BINARY [--cases tiny-5mb,tiny-16mb,repeat-5mb] [--work DIR]
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MIB = 1024 * 1024
STORY_ENTRY = "6b38d59c8f5c49479424abbd0f2a4dc3"
DUPLICATE_ENTRY = "39a8f4ed76f74fa9b764c4606e68f87e"
REPEATS_SUMMARY = "19db1e20c5f34ba0bb0e7fd8b0385f63"


def tiny_stories(limit: int) -> list:
    """Distinct two-line stories, as many as fit in `limit` bytes."""
    stories, size, number = [], 0, 0
    while True:
        story = f"Flash {number}\n\nWord {number}.\n\n".encode()
        if size + len(story) > limit:
            return stories
        stories.append(story)
        size += len(story)
        number += 1


def case_files(name: str) -> list:
    if name == "tiny-5mb":
        return [b"".join(tiny_stories(5_000_000))]
    if name == "tiny-16mb":
        return [b"".join(tiny_stories(16 * MIB))]
    if name == "repeat-5mb":
        story = b"Repeat\n\nSame words.\n\n"
        return [story * (5_000_000 // len(story))]
    raise SystemExit(f"unknown case {name}")


def status(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as text:
        for line in text:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as text:
        fields = text.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_ready(binary: str, work: str, name: str) -> subprocess.Popen:
    """`bulletind run` in `work`, once it says it is ready; its stderr in `work`/stderr."""
    env = dict(os.environ, BULLETIND_INBOX_FILE_TIME_LIMIT_S="600")
    env.pop("NOTIFY_SOCKET", None)
    env.pop("JOURNAL_STREAM", None)
    with open(f"{work}/stderr", "w") as err:
        daemon = subprocess.Popen([binary, "run"], cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 600
    while "ready: watching" not in open(f"{work}/stderr").read():
        if daemon.poll() is not None or time.monotonic() > deadline:
            daemon.kill()
            raise SystemExit(f"{name}: the daemon did not get ready:\n" + open(f"{work}/stderr").read())
        time.sleep(0.05)
    return daemon


def run_case(binary: str, name: str, root: str) -> dict:
    files = case_files(name)
    work = tempfile.mkdtemp(prefix=f"amplification-{name}-", dir=root)
    os.makedirs(f"{work}/inbox")
    daemon = start_ready(binary, work, name)
    try:
        before = status(daemon.pid, "VmHWM")
        cpu_before = cpu_seconds(daemon.pid)
        names = [f"{name}-{number:04}.txt" for number in range(len(files))]
        started = time.monotonic()
        for file_name, content in zip(names, files):
            with open(f"{work}/staged", "wb") as out:
                out.write(content)
            os.rename(f"{work}/staged", f"{work}/inbox/{file_name}")
        state = f"{work}/.bulletind"
        while daemon.poll() is None:
            done = sum(os.path.exists(f"{state}/processed/{n}") or os.path.exists(f"{state}/failed/{n}") for n in names)
            if done == len(names):
                break
            time.sleep(0.05)
        if daemon.poll() is not None:
            raise SystemExit(f"{name}: the daemon died ({daemon.returncode}):\n" + open(f"{work}/stderr").read()[-2000:])
        elapsed = time.monotonic() - started
        peak = status(daemon.pid, "VmHWM")
        cpu = cpu_seconds(daemon.pid) - cpu_before
        failed = sum(os.path.exists(f"{state}/failed/{n}") for n in names)
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=600)
        log = open(f"{work}/stderr").read()
        store = f"{work}/stories.jsonl"
        with open(store, "rb") as lines:
            line_count = sum(1 for _ in lines)
        restarted = start_ready(binary, work, name)
        kept = status(restarted.pid, "VmRSS")
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(timeout=600)
        return {
            "kept": kept, "case": name, "files": len(files), "bytes": sum(map(len, files)), "failed": failed,
            "lines": line_count, "entries": log.count("MESSAGE_ID="),
            "story_entries": log.count(STORY_ENTRY) + log.count(DUPLICATE_ENTRY), "summaries": log.count(REPEATS_SUMMARY),
            "store_bytes": os.path.getsize(store), "before": before, "peak": peak,
            "cpu": cpu, "wall": elapsed,
        }
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        shutil.rmtree(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--cases", default="tiny-5mb,tiny-16mb,repeat-5mb")
    parser.add_argument("--work", default=tempfile.gettempdir(), help="where the scratch folders go")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    for name in arguments.cases.split(","):
        r = run_case(binary, name, arguments.work)
        share = (r["peak"] - r["kept"]) * 1024
        print(
            f"{name:11} {r['files']:4} file(s) {r['bytes'] / 1e6:6.1f} MB: {r['lines']:,} lines, "
            f"{r['entries']:,} journal entries ({r['story_entries']:,} story/duplicate, {r['summaries']} summaries), "
            f"store {r['store_bytes'] / 1e6:.1f} MB; VmHWM {r['before'] / 1024:.0f} → {r['peak'] / 1024:.0f} MiB "
            f"(+{(r['peak'] - r['before']) / 1024:.0f}); {r['cpu']:.1f} s CPU, {r['wall']:.1f} s wall; "
            f"restarted on what it left: VmRSS {r['kept'] / 1024:.0f} MiB; the bulletin's own share of the peak "
            f"{share / MIB:.0f} MiB, {share / r['bytes']:.1f}× its size" + (f"; {r['failed']} in failed/" if r["failed"] else ""),
            flush=True)


if __name__ == "__main__":
    sys.exit(main())
