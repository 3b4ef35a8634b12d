#!/usr/bin/env python3
"""Time from start to READY=1 with a large store: what a restart costs.

Writes a store of N story lines (as bulletind writes them: bulletins of 10 stories), starts
`bulletind run` once to build and save its duplicate index (a full rebuild, timed too), stops it,
then starts it again several times and times each start until READY=1 reaches NOTIFY_SOCKET.
Prints the times, the resident memory after READY, and bytes per story.

Usage: bench-startup.py BINARY [--stories N] [--runs K] [--work DIR]
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

WORDS = ("minister talks border trade ministry report grain vote council summit energy prices "
         "rebels ceasefire parliament budget court election ports shipping tariffs drought "
         "bank rates inflation strike protest treaty envoy pipeline sanctions aid").split()


def write_store(path: str, stories: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for bulletin in range(0, stories, 10):
            sha = hashlib.sha256(f"bulletin {bulletin}".encode()).hexdigest()
            count = min(10, stories - bulletin)
            for index in range(count):
                number = bulletin + index
                words = [rng.choice(WORDS) for _ in range(60)] + [str(number)]
                body = " ".join(words) + "."
                headline = f"Story {number}: " + " ".join(rng.choice(WORDS) for _ in range(6))
                story_id = hashlib.sha256(f"{headline}\n\n{body}".encode()).hexdigest()[:32]
                record = {
                    "schema": "bulletind/1", "kind": "story", "id": story_id,
                    "received_at": "2026-11-29T12:00:00.000Z",
                    "bulletin": {"file": f"b{bulletin}.txt", "sha256": sha, "index": index, "stories": count},
                    "headline": headline, "body_text": body, "byline": None, "dateline": None,
                    "sources": [], "language": "en", "word_count": len(words),
                }
                out.write(json.dumps(record, separators=(",", ":")) + "\n")


def start_until_ready(binary: str, work: str, timeout: float = 600):
    sock_path = os.path.join(work, "notify.sock")
    if os.path.exists(sock_path):
        os.unlink(sock_path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(sock_path)
    listener.settimeout(timeout)
    env = dict(os.environ, NOTIFY_SOCKET=sock_path)
    env.pop("JOURNAL_STREAM", None)
    started = time.monotonic()
    process = subprocess.Popen(
        [binary, "run", "--inbox", os.path.join(work, "inbox"), "--store", os.path.join(work, "stories.jsonl"),
         "--state-dir", os.path.join(work, "state")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            message = listener.recv(4096).decode()
            if "READY=1" in message.split("\n"):
                return process, time.monotonic() - started
    finally:
        listener.close()


def resident_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def stop(process) -> int:
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=120)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--stories", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work")
    parser.add_argument("--reuse", action="store_true", help="keep the store and state already in --work")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="bulletind-startup-")
    os.makedirs(os.path.join(work, "inbox"), exist_ok=True)
    store = os.path.join(work, "stories.jsonl")
    if not (args.reuse and os.path.exists(store)):
        began = time.monotonic()
        write_store(store, args.stories)
        print(f"store: {args.stories} stories, {os.path.getsize(store) / 1e6:.0f} MB, written in {time.monotonic() - began:.1f} s")
        process, rebuild = start_until_ready(args.binary, work)
        print(f"first start (no snapshot: full rebuild from the store): READY after {rebuild:.2f} s")
        if stop(process) != 0:
            print("the daemon did not stop with exit 0")
            return 1
    snapshot = os.path.join(work, "state", "index.snapshot")
    print(f"index snapshot: {os.path.getsize(snapshot) / 1e6:.0f} MB")

    times = []
    for run in range(args.runs):
        process, elapsed = start_until_ready(args.binary, work)
        rss = resident_bytes(process.pid)
        times.append(elapsed)
        print(f"start {run + 1}: READY after {elapsed * 1000:.0f} ms; resident {rss / 1e6:.0f} MB = {rss / args.stories:.0f} bytes/story (whole process)")
        stop(process)
    times.sort()
    median = times[len(times) // 2]
    print(f"median start to READY=1 with {args.stories} stories: {median * 1000:.0f} ms (target 1000 ms: {median / 1.0:.2f}x of it)")
    if not args.work:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
