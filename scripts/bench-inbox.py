#!/usr/bin/env python3
"""Drop-to-durable latency and burst throughput of the real daemon (`make bench-inbox`).

    scripts/bench-inbox.py BINARY [--drops 1000] [--burst 10000] [--dir DIR]

Runs `BINARY run` on its defaults (fsync after every bulletin) in a fresh folder on the disk
under test, and measures with inotify, not polling:
  * one fsync on this disk (a 300-byte append, then fsync), to state the target concretely;
  * --drops single bulletins, one at a time: rename into the inbox -> the store's first
    IN_MODIFY (the line is visible) and -> the inbox's IN_MOVED_FROM (the daemon moves a file out
    only after its lines were appended and fsync'd: durable and done);
  * a burst of --burst files renamed in at once: files per second, and the daemon's peak
    resident memory (VmHWM) before and after.
"""
import argparse
import ctypes
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time

IN_MODIFY, IN_MOVED_FROM, IN_Q_OVERFLOW, IN_CLOEXEC = 0x2, 0x40, 0x4000, 0o2000000
SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vo", "ul", "esh", "dri", "po", "sun", "gar", "fel", "ni", "zo", "bel"]


def bulletin(number):
    """One story of about 45 words, different for every number (no duplicates)."""
    state = (number * 0x9E3779B97F4A7C15 + 0x2545F491) & 0xFFFFFFFFFFFFFFFF
    words = []
    for _ in range(45):
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        words.append(SYLLABLES[state >> 60] + SYLLABLES[(state >> 56) & 15] + SYLLABLES[(state >> 52) & 15])
    return f"Bulletin {number} reports {' '.join(words[:5])}\n\nCouncil number {number} said {' '.join(words[5:])}.\n"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Inotify:
    def __init__(self):
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(IN_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self.pending = []

    def watch(self, path, mask):
        wd = self.libc.inotify_add_watch(self.fd, path.encode(), mask)
        if wd < 0:
            raise OSError(ctypes.get_errno(), f"inotify_add_watch {path}")
        return wd

    def next(self):
        """The next (wd, mask, name) and the time it was read, blocking."""
        if not self.pending:
            data = os.read(self.fd, 65536)
            now = time.perf_counter()
            offset = 0
            while offset < len(data):
                wd, mask, _, length = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16:offset + 16 + length].rstrip(b"\0").decode(errors="replace")
                self.pending.append((wd, mask, name, now))
                offset += 16 + length
        return self.pending.pop(0)


def status(pid, field):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def measure_fsync(folder, count=200):
    path = os.path.join(folder, "fsync-probe")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    times = []
    for _ in range(count):
        os.write(fd, b"x" * 299 + b"\n")
        start = time.perf_counter()
        os.fsync(fd)
        times.append(time.perf_counter() - start)
    os.close(fd)
    os.unlink(path)
    return times


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--drops", type=int, default=1000)
    parser.add_argument("--burst", type=int, default=10000)
    parser.add_argument("--dir", default=".build", help="where the temporary folder goes (the disk under test)")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    os.makedirs(args.dir, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="bench-inbox-", dir=args.dir)
    inbox, staging, store = (os.path.join(folder, name) for name in ("inbox", "staging", "stories.jsonl"))
    os.makedirs(staging)
    env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "JOURNAL_STREAM", "WATCHDOG_USEC")}
    stderr = open(os.path.join(folder, "daemon.stderr"), "w+")
    daemon = None
    try:
        fsyncs = measure_fsync(folder)
        daemon = subprocess.Popen([binary, "run"], cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with open(stderr.name) as log:
                if "ready: watching" in log.read():
                    break
            if daemon.poll() is not None:
                sys.exit(f"the daemon exited with {daemon.returncode}")
            time.sleep(0.01)
        else:
            sys.exit("the daemon did not become ready within 30 s")
        notify = Inotify()
        store_wd = notify.watch(store, IN_MODIFY)
        inbox_wd = notify.watch(inbox, IN_MOVED_FROM)

        warmup = 20
        visible, durable = [], []
        for number in range(warmup + args.drops):
            name = f"drop{number}.txt"
            source = os.path.join(staging, name)
            with open(source, "w") as handle:
                handle.write(bulletin(number))
            seen = None
            start = time.perf_counter()
            os.rename(source, os.path.join(inbox, name))
            while True:
                wd, mask, event_name, at = notify.next()
                if mask & IN_Q_OVERFLOW:
                    sys.exit("the benchmark's own inotify queue overflowed")
                if wd == store_wd and seen is None:
                    seen = at
                if wd == inbox_wd and event_name == name:
                    break
            if number >= warmup:
                visible.append(seen - start)
                durable.append(at - start)

        notify.libc.inotify_rm_watch(notify.fd, store_wd)  # only moves out count now
        for number in range(args.burst):
            with open(os.path.join(staging, f"burst{number}.txt"), "w") as handle:
                handle.write(bulletin(1_000_000 + number))
        names = sorted(os.listdir(staging))
        peak_before = status(daemon.pid, "VmHWM")
        start = time.perf_counter()
        for name in names:
            os.rename(os.path.join(staging, name), os.path.join(inbox, name))
        renamed = time.perf_counter() - start
        moved_out, overflowed = 0, False
        while moved_out < args.burst and not overflowed:
            wd, mask, _, at = notify.next()
            overflowed = bool(mask & IN_Q_OVERFLOW)
            moved_out += wd == inbox_wd and bool(mask & IN_MOVED_FROM)
        while overflowed and os.listdir(inbox):
            time.sleep(0.005)
            at = time.perf_counter()
        burst_seconds = at - start
        peak_after = status(daemon.pid, "VmHWM")
        with open(store, "rb") as handle:
            lines = sum(1 for _ in handle)
        expected = warmup + args.drops + args.burst
    finally:
        if daemon is not None and daemon.poll() is None:
            daemon.terminate()
            daemon.wait(timeout=30)
        stderr.close()

    fsync_p50 = percentile(fsyncs, 0.5)
    target = 0.005 + fsync_p50
    print(f"bulletind inbox benchmark — {binary}")
    print(f"disk: one fsync (300-byte append) p50 {ms(fsync_p50)}, p99 {ms(percentile(fsyncs, 0.99))} over {len(fsyncs)}")
    print(f"single drops ({args.drops}, after {warmup} warm-up), one at a time:")
    for label, values in (("rename -> line visible in the store  ", visible), ("rename -> fsync'd and moved out     ", durable)):
        print(f"  {label} p50 {ms(percentile(values, 0.5))}  p99 {ms(percentile(values, 0.99))}  max {ms(max(values))}")
    p99 = percentile(durable, 0.99)
    print(f"  target p99 < 5 ms + one fsync = {ms(target)}: durable p99 is {p99 / target:.2f}x the target "
          f"({'met' if p99 < target else 'NOT met'}); visible p99 is {percentile(visible, 0.99) / target:.2f}x")
    print(f"burst: {args.burst} files renamed in within {ms(renamed)}, all ingested in {burst_seconds:.2f} s: "
          f"{args.burst / burst_seconds:.0f} files/s ({1 / percentile(durable, 0.5):.0f} files/s one at a time, "
          f"{(args.burst / burst_seconds) * percentile(durable, 0.5):.2f}x)")
    print(f"  peak resident memory (VmHWM) {peak_before / 1024:.1f} MiB before, {peak_after / 1024:.1f} MiB after "
          f"({peak_after / peak_before:.2f}x; {(peak_after - peak_before) * 1024 / args.burst:.0f} bytes per file)"
          + (" — the benchmark's inotify queue overflowed; end found by listing" if overflowed else ""))
    print(f"store: {lines} lines, {expected} expected: {'ok' if lines == expected else 'MISMATCH'}")
    shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0 if lines == expected else 1)


if __name__ == "__main__":
    main()
