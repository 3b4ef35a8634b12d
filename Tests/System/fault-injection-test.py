#!/usr/bin/env python3
"""fault-injection-test.py BULLETIND_BINARY

Crash-recovery test of the real daemon: bulletins are dropped continuously into the inbox (the
safe way: written in a staging folder on the same file system, then renamed in) while the daemon
is killed with SIGKILL at random moments, at least MIN_KILLS times, and restarted each time. Some
kills land a few milliseconds after the store grew, i.e. in the middle of ingestion, so that now
and then one lands inside a bulletin's write. Then the daemon is left to finish (bounded wait for
an empty inbox), stopped with SIGTERM, and the store is checked against what was dropped:

- every story occurrence (sha256, index) of every dropped file, index in 0..<N, is in the store
  exactly once, and nothing else is;
- no torn line, every line valid JSON, every `id` unique, every `duplicate_of` resolves;
- every dropped file is in the processed folder (same bytes), none in the failed folder, inbox empty;
  except a file the crash-loop guard set aside: one the daemon was killed reading three times
  (kills this close together are what a crash loop looks like; a kill before the restarted
  daemon began reading it again does not count). Such a file must be in the failed folder (same
  bytes) with the guard's reason, the log must show a start that counted its second death, and
  none of its stories may be in the store: set aside whole, never half-stored. The count of such
  files is printed;
- `BINARY verify --store FILE` exits 0, if the binary has that subcommand.

Between the kill phase and the finish, a crash-point phase: BATCH_FILES bulletins of 2,200 to
3,600 tiny stories each (several of the daemon's batches of 1,000 stories; stories that repeat
an earlier one of the same file two batches later, and a few of the shared pool) are dropped one
at a time with the daemon's crash point between batches armed (`BULLETIND_FAULT_KILL_AT_BATCH`
names a file; the daemon removes it and SIGKILLs itself right after the next batch's lines are
written): at the first boundary, or at a later one when armed once the bulletin's lines are seen
in the store. Checked: the daemon died there each time, by SIGKILL, with whole batches of the
bulletin in the store and no ledger entry for it; then a start without the point armed recovers
and ingests the file (the store checks above then hold for these files too: each story exactly
once, repeats across batches as duplicates).

Output: progress notes on stderr ("# ..."), one "ok - ..." / "not ok - ..." line per check on
stdout, then "N passed, M failed"; exit status 1 on any failure, 64 on bad usage.

Environment: SEED (random seed, default: time-based; printed), KILLS (default 60, minimum 50),
FILES (default 150), BATCH_FILES (default 4), KEEP_WORKDIR=1 keeps the work folder (a failing
run always keeps it).
Python 3 standard library only; needs no root.
"""

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

MIN_KILLS = 50
DRAIN_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0

passed = 0
failed = 0


def note(message):
    sys.stderr.write("# %s\n" % message)
    sys.stderr.flush()


def ok(description):
    global passed
    passed += 1
    sys.stdout.write("ok - %s\n" % description)
    sys.stdout.flush()


def not_ok(description, details=()):
    global failed
    failed += 1
    sys.stdout.write("not ok - %s\n" % description)
    for detail in details:
        for line in str(detail).splitlines():
            sys.stdout.write("#   %s\n" % line)
    sys.stdout.flush()


def check(description, condition, details=()):
    if condition:
        ok(description)
    else:
        not_ok(description, details)
    return condition


def wait_until(predicate, timeout_s, interval_s=0.02, max_interval_s=0.2):
    """Polls predicate until it is true or the deadline passes; returns its last value."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval_s)
        interval_s = min(interval_s * 1.5, max_interval_s)


# ---------------------------------------------------------------------------------------------
# Bulletin generation: a headline line (short, no final period), a blank line, paragraphs each
# ending with a period, blank lines between. Every file holds at least one story of its own
# (a unique token in headline and body), so no two files share bytes; some stories come from a
# shared pool and repeat across files (and now and then twice in one file): duplicates.

SYLLABLES = ["ka", "lo", "mer", "tin", "vos", "ral", "den", "pi", "su", "gor", "bel", "fa",
             "nix", "tor", "ul", "zen", "ca", "dra", "mo", "ste", "vi", "ha", "qua", "ri"]


def make_vocabulary(rng, size):
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.vocabulary = make_vocabulary(rng, 3000)
        self.serial = 0
        self.shared = [self.story("shared%d" % number) for number in range(12)]

    def token(self):
        self.serial += 1
        return "q%05d%s" % (self.serial, "".join(self.rng.choice("bcdfghjkmnpqrstvwxz") for _ in range(4)))

    def words(self, count):
        return [self.rng.choice(self.vocabulary) for _ in range(count)]

    def story(self, tag=None, long=False):
        rng = self.rng
        tag = tag or self.token()
        headline = " ".join([w.capitalize() for w in self.words(rng.randint(4, 8))] + [tag])
        paragraphs = []
        for _ in range(rng.randint(40, 120) if long else rng.randint(1, 4)):
            sentences = []
            for _ in range(rng.randint(3, 12)):
                sentence = self.words(rng.randint(8, 20))
                sentences.append(" ".join([sentence[0].capitalize()] + sentence[1:]) + ".")
            paragraphs.append(" ".join(sentences))
        paragraphs[0] = "Dispatch %s reports that %s" % (tag, paragraphs[0][0].lower() + paragraphs[0][1:])
        return headline + "\n\n" + "\n\n".join(paragraphs)

    def bulletin(self):
        """Returns (text, number of stories)."""
        rng = self.rng
        count = rng.randint(1, 6)
        # One bulletin in eight is long (stories of 40-120 paragraphs, 100 KB to 1 MB): its store
        # lines go out in one large write, which a kill is more likely to land in.
        long = rng.random() < 0.125
        stories = [self.story(long=long)]
        while len(stories) < count:
            stories.append(rng.choice(self.shared) if rng.random() < 0.3 else self.story(long=long))
        rng.shuffle(stories)
        return "\n\n".join(stories) + "\n", count


    def batched_bulletin(self):
        """A bulletin of several of the daemon's batches (1,000 stories each) of tiny stories,
        some of them (a run of a hundred) repeating, word for word, a story two batches earlier,
        and a few taken from the shared pool. Returns (text, number of stories)."""
        rng = self.rng
        tag = self.token()
        count = rng.randint(2200, 3600)
        first_repeat = rng.randint(2000, count - 100)
        stories = []
        for number in range(count):
            source = number - 1500 if first_repeat <= number < first_repeat + 100 else number
            stories.append("Flash %s %d today\n\nThe word %s %d was said in town %d." % (tag, source, tag, source, source * 7))
        for _ in range(3):
            stories[rng.randrange(count)] = rng.choice(self.shared)
        return "\n\n".join(stories) + "\n", count


# ---------------------------------------------------------------------------------------------


class Dropper(threading.Thread):
    """Drops the prepared bulletins one by one, at random short intervals, the safe way."""

    def __init__(self, bulletins, staging, inbox, rng):
        super().__init__(daemon=True)
        self.bulletins = bulletins
        self.staging = staging
        self.inbox = inbox
        self.rng = rng
        self.dropped = 0
        self.error = None
        self.stop_now = threading.Event()

    def run(self):
        try:
            for name, data in self.bulletins:
                if self.stop_now.is_set():
                    return
                staged = os.path.join(self.staging, name)
                with open(staged, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.rename(staged, os.path.join(self.inbox, name))
                self.dropped += 1
                self.stop_now.wait(self.rng.uniform(0.005, 0.09))
        except Exception as error:  # reported by the main thread
            self.error = error


class DaemonRunner:
    def __init__(self, binary, work, inbox, store, state, processed, failed_dir):
        self.binary = binary
        self.argv = [binary, "run", "--inbox", inbox, "--store", store, "--state-dir", state]
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID",
                                 "LISTEN_FDS", "LISTEN_PID") and not k.startswith("BULLETIND_")}
        self.env["BULLETIND_INBOX_PROCESSED"] = processed
        self.env["BULLETIND_INBOX_FAILED"] = failed_dir
        # The crash point between batches: armed only while this file exists.
        self.fault_marker = os.path.join(work, "kill-at-batch")
        self.env["BULLETIND_FAULT_KILL_AT_BATCH"] = self.fault_marker
        self.log_path = os.path.join(work, "daemon.stderr")
        self.log = open(self.log_path, "ab")
        self.starts = 0
        self.unexpected_exits = []  # (start number, exit status)
        self.process = None
        self.start_offset = 0

    def start(self):
        self.starts += 1
        self.log.write(b"# --- start %d\n" % self.starts)
        self.log.flush()
        self.start_offset = self.log.tell()
        self.process = subprocess.Popen(self.argv, env=self.env, stdin=subprocess.DEVNULL,
                                        stdout=self.log, stderr=self.log, close_fds=True)
        return self.process

    def output_since_start(self):
        with open(self.log_path, "rb") as handle:
            handle.seek(self.start_offset)
            return handle.read().decode("utf-8", "replace")

    def ready(self):
        return "ready: watching" in self.output_since_start()

    def kill(self):
        """SIGKILL; records an exit that happened before the kill (the daemon died by itself)."""
        process = self.process
        status = process.poll()
        if status is not None:
            self.unexpected_exits.append((self.starts, status))
        else:
            process.send_signal(signal.SIGKILL)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.process = None

    def stop(self):
        """SIGTERM, bounded wait; returns the exit status (None: did not exit in time)."""
        process = self.process
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            status = process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
            status = None
        self.process = None
        return status

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)
        self.log.close()


def store_size(path):
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0


def simulate_short_write(store, state, inbox, rng):
    """After a SIGKILL: if the daemon may have been inside the last bulletin's write(2), leaves
    the store as a kill inside that write would have (a prefix of it: a torn line, or whole
    lines but fewer than the bulletin's count). Returns a description, or None when the state
    on disk does not allow it.

    A kill inside the write is a state the daemon must recover from, but a real SIGKILL lands
    inside a sub-megabyte write(2) only rarely, so the test also makes that state directly. It
    is reachable exactly when the ledger (written after the store) ends at the start of the
    store's last bulletin and that bulletin's file is still in the inbox (moved last): then the
    crash may as well have come during the write, and any prefix of it is what could be left.
    """
    try:
        with open(os.path.join(state, "ledger"), "rb") as handle:
            ledger_lines = handle.read().split(b"\n")
        with open(store, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return None
    complete = [line for line in ledger_lines[:-1] if line]
    if not complete or ledger_lines[-1] != b"":
        return None
    ledger_end = int(complete[-1].split()[1])
    if not raw.endswith(b"\n") or ledger_end >= len(raw):
        return None
    tail = raw[ledger_end:]
    if ledger_end > 0 and raw[ledger_end - 1:ledger_end] != b"\n":
        return None
    try:
        records = [json.loads(line) for line in tail.split(b"\n")[:-1]]
    except ValueError:
        return None
    names = {(r["bulletin"]["file"], r["bulletin"]["sha256"], r["received_at"]) for r in records}
    if len(names) != 1 or len(records) != records[0]["bulletin"].get("stories"):
        return None
    name = next(iter(names))[0]
    if not os.path.exists(os.path.join(inbox, name)):
        return None
    if rng.random() < 0.5 and len(records) > 1:
        # whole lines, but fewer than the bulletin's count
        boundaries = [i + 1 for i, byte in enumerate(tail[:-1]) if byte == 0x0A]
        cut = rng.choice(boundaries)
    else:
        cut = rng.randrange(1, len(tail))
    with open(store, "r+b") as handle:
        handle.truncate(ledger_end + cut)
    return "%s: store cut to %d of its %d bytes" % (name, cut, len(tail))


def store_tail(path, size=4096):
    """The store's last `size` bytes (empty when there is no store)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(max(0, os.fstat(handle.fileno()).st_size - size))
            return handle.read()
    except FileNotFoundError:
        return b""


def crash_between_batches(runner, name, data, expectation, staging, inbox, processed, store, state, rng):
    """Drops `name` with the crash point between batches armed, waits for the daemon to die
    there, checks what it left, then starts it again (the point disarmed) until the file is in
    the processed folder. Returns a problem, or None."""
    sha, count, _ = expectation
    runner.start()
    if not wait_until(runner.ready, DRAIN_TIMEOUT_S):
        runner.kill()
        return "%s: the daemon did not get ready before the drop" % name
    later = rng.random() < 0.5
    if not later:
        open(runner.fault_marker, "wb").close()
    staged = os.path.join(staging, name)
    with open(staged, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.rename(staged, os.path.join(inbox, name))
    if later:
        # Armed once the bulletin's first lines are in the store: the daemon dies at a later
        # boundary (or, if the store was written past the last one already, not at all).
        wait_until(lambda: sha.encode() in store_tail(store), DRAIN_TIMEOUT_S, interval_s=0.001, max_interval_s=0.002)
        open(runner.fault_marker, "wb").close()
    process = runner.process
    wait_until(lambda: process.poll() is not None or os.path.exists(os.path.join(processed, name)), DRAIN_TIMEOUT_S)
    status = process.poll()
    problem = None
    if status is None:
        if later and os.path.exists(os.path.join(processed, name)):
            os.unlink(runner.fault_marker)
            runner.stop()
            return None  # stored past its last boundary before the point was armed: nothing to check
        problem = "%s: the daemon did not die at the crash point" % name
        runner.kill()
    elif status != -signal.SIGKILL:
        problem = "%s: the daemon ended with status %s, not SIGKILL" % (name, status)
        runner.process = None
    else:
        runner.process = None
    if os.path.exists(runner.fault_marker):
        os.unlink(runner.fault_marker)
        problem = problem or "%s: the crash point was not reached" % name
    if problem is None:
        with open(store, "rb") as handle:
            indexes = [json.loads(line)["bulletin"]["index"] for line in handle.read().split(b"\n")[:-1]
                       if sha.encode() in line]
        batches = len(indexes) // 1000
        if indexes != list(range(len(indexes))) or len(indexes) % 1000 or not 0 < batches < (count + 999) // 1000:
            problem = "%s: at the crash point the store held its lines %s…%s (%d), not whole batches of 1,000" % (
                name, indexes[:1], indexes[-1:], len(indexes))
        with open(os.path.join(state, "ledger"), "rb") as handle:
            if sha.encode() in handle.read():
                problem = problem or "%s: in the ledger before it was stored whole" % name
        runner.log.write(("# crash point: %s died after %d of its %d stories\n" % (name, len(indexes), count)).encode())
        runner.log.flush()
        note("crash point: %s died after %d of its %d stories (armed %s)"
             % (name, len(indexes), count, "once its lines were seen" if later else "before the drop"))
    runner.start()
    done = wait_until(lambda: os.path.exists(os.path.join(processed, name)), DRAIN_TIMEOUT_S)
    runner.stop()
    if not done:
        problem = problem or "%s: not ingested after the crash" % name
    return problem


def has_subcommand(binary, name):
    try:
        result = subprocess.run([binary, "--help"], stdin=subprocess.DEVNULL, capture_output=True,
                                timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    text = (result.stdout + result.stderr).decode("utf-8", "replace")
    in_subcommands = False
    for line in text.splitlines():
        if line.strip().upper().startswith("SUBCOMMANDS"):
            in_subcommands = True
            continue
        if in_subcommands:
            words = line.split()
            if words and words[0] == name:
                return True
            if line and not line.startswith(" "):
                in_subcommands = False
    return False


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: %s BULLETIND_BINARY\n" % sys.argv[0])
        return 64
    binary = os.path.realpath(sys.argv[1])
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        sys.stderr.write("%s: %s is not an executable\n" % (sys.argv[0], sys.argv[1]))
        return 64

    started = time.monotonic()
    seed = int(os.environ.get("SEED", str(int(time.time() * 1000) % 1_000_000_007)))
    kills_wanted = max(MIN_KILLS, int(os.environ.get("KILLS", "60")))
    file_count = int(os.environ.get("FILES", "150"))
    batch_file_count = int(os.environ.get("BATCH_FILES", "4"))
    rng = random.Random(seed)
    note("seed %d (SEED=%d reproduces the bulletins and the random delays)" % (seed, seed))

    work = tempfile.mkdtemp(prefix="bulletind-fault-test.")
    inbox = os.path.join(work, "inbox")
    staging = os.path.join(work, "staging")  # same file system as the inbox: rename is atomic
    state = os.path.join(work, "state")
    processed = os.path.join(work, "processed")
    failed_dir = os.path.join(work, "failed")
    store = os.path.join(work, "stories.jsonl")
    for folder in (inbox, staging, state):
        os.makedirs(folder)
    note("work folder %s" % work)

    # The bulletins, prepared up front: name -> (sha256, story count, bytes).
    generator = Generator(rng)
    expected = {}
    bulletins = []
    digests = set()
    for number in range(file_count):
        text, count = generator.bulletin()
        data = text.encode("utf-8")
        sha = hashlib.sha256(data).hexdigest()
        assert sha not in digests, "generator produced two identical files"
        digests.add(sha)
        name = "b%04d_%s.txt" % (number, sha[:8])
        expected[name] = (sha, count, data)
        bulletins.append((name, data))
    batched = []
    for number in range(batch_file_count):
        text, count = generator.batched_bulletin()
        data = text.encode("utf-8")
        sha = hashlib.sha256(data).hexdigest()
        name = "m%04d_%s.txt" % (number, sha[:8])
        expected[name] = (sha, count, data)
        batched.append((name, data))
    total_occurrences = sum(count for _, count, _ in expected.values())
    note("%d bulletins, %d story occurrences, %d bytes in all"
         % (len(bulletins), total_occurrences, sum(len(d) for _, d in bulletins)))

    runner = DaemonRunner(binary, work, inbox, store, state, processed, failed_dir)
    dropper = Dropper(bulletins, staging, inbox, rng)
    kills = 0
    kills_mid_ingest = 0
    short_writes = []
    try:
        # --- the kill phase: drops go on while the daemon is killed and restarted.
        dropper.start()
        kill_deadline = time.monotonic() + 40
        while (kills < kills_wanted or dropper.is_alive()) and time.monotonic() < kill_deadline:
            runner.start()
            mode = rng.random()
            if mode < 0.4:
                # Any moment in the first 150 ms: during start-up recovery, the initial scan, ...
                time.sleep(rng.uniform(0, 0.150))
            elif mode < 0.7:
                # The moment the store is seen growing, with no delay: the kernel grows the file
                # page by page during a large write(2), so the kill may land inside it.
                before = store_size(store)
                deadline = time.monotonic() + 0.5
                while store_size(store) == before and time.monotonic() < deadline:
                    pass
                if store_size(store) != before:
                    kills_mid_ingest += 1
            else:
                # Just after the store grew: the daemon is ingesting; a few ms later it may be
                # in the middle of the next bulletin's write.
                before = store_size(store)
                grew = wait_until(lambda: store_size(store) != before, 0.5, interval_s=0.001,
                                  max_interval_s=0.002)
                if grew:
                    kills_mid_ingest += 1
                time.sleep(rng.uniform(0, 0.004))
            runner.kill()
            kills += 1
            if rng.random() < 0.5:
                simulated = simulate_short_write(store, state, inbox, rng)
                if simulated:
                    short_writes.append(simulated)
                    runner.log.write(("# simulated short write: %s\n" % simulated).encode())
                    runner.log.flush()
        dropper.stop_now.set()
        dropper.join(timeout=5)
        note("%d kills (%d as the store grew), %d starts, %d of %d bulletins dropped, %.1f s"
             % (kills, kills_mid_ingest, runner.starts, dropper.dropped, len(bulletins),
                time.monotonic() - started))
        note("%d kills followed by a simulated short write, e.g. %s"
             % (len(short_writes), "; ".join(short_writes[:3])))
        check("the kill phase killed the daemon at least %d times (%d)" % (MIN_KILLS, kills),
              kills >= MIN_KILLS)
        check("every bulletin was dropped into the inbox (%d of %d)" % (dropper.dropped, len(bulletins)),
              dropper.error is None and dropper.dropped == len(bulletins),
              [repr(dropper.error)] if dropper.error else [])
        check("the daemon never exited by itself during the kill phase",
              not runner.unexpected_exits,
              ["start %d exited with status %s" % exit for exit in runner.unexpected_exits[:10]])

        # --- the crash points between batches: one multi-batch bulletin at a time.
        crash_points = []
        for name, data in batched:
            crash_points.append(crash_between_batches(runner, name, data, expected[name], staging, inbox,
                                                      processed, store, state, rng))
        problems = [problem for problem in crash_points if problem]
        check("every armed crash point between batches killed the daemon there, with whole batches of the "
              "bulletin stored and no ledger entry, and the next start ingested the file (%d bulletins of "
              "%s stories)" % (len(batched), ", ".join(str(expected[name][1]) for name, _ in batched)),
              not problems, problems[:10])

        # --- the finish: one last run, left alone until it is ready (READY comes after the
        # files already in the inbox are ingested) and the inbox is empty.
        runner.start()
        ready = wait_until(runner.ready, DRAIN_TIMEOUT_S)
        check("the last run said it is ready", ready,
              ["its stderr: %s" % runner.output_since_start()[-2000:]])

        claimed = os.path.join(inbox, ".bulletind-claimed")

        def waiting():
            """Bulletins in the inbox, and in the daemon's claim folder (taken, not yet done)."""
            names = [n for n in os.listdir(inbox) if n.endswith(".txt")]
            if os.path.isdir(claimed):
                names += [".bulletind-claimed/" + n for n in os.listdir(claimed)]
            return sorted(names)

        def inbox_empty():
            try:
                return not waiting()
            except FileNotFoundError:
                return False

        drained = wait_until(inbox_empty, DRAIN_TIMEOUT_S)
        left = waiting()
        check("the last run emptied the inbox within %d s" % DRAIN_TIMEOUT_S, drained,
              ["%d files left, e.g. %s" % (len(left), ", ".join(left[:5]))])
        alive = runner.process.poll() is None
        check("the last run is still running", alive,
              ["exit status %s" % runner.process.returncode])
        status = runner.stop()
        check("SIGTERM stops the last run with exit 0", status == 0, ["exit status %s" % status])
    finally:
        dropper.stop_now.set()
        runner.close()

    # --- the store.
    with open(store, "rb") as handle:
        raw = handle.read()
    check("the store ends with a complete line", raw == b"" or raw.endswith(b"\n"),
          ["last bytes: %r" % raw[-120:]])
    records = []
    bad_lines = []
    for number, line in enumerate(raw.split(b"\n")[:-1] if raw.endswith(b"\n") else raw.split(b"\n"), 1):
        try:
            record = json.loads(line.decode("utf-8"))
            if not isinstance(record, dict):
                raise ValueError("not an object")
            records.append((number, record))
        except (ValueError, UnicodeDecodeError) as error:
            bad_lines.append("line %d: %s: %r" % (number, error, line[:160]))
    check("every store line is a JSON object (%d lines)" % (len(records) + len(bad_lines)),
          not bad_lines, bad_lines[:10])

    # Files the crash-loop guard set aside (see the docstring): judged by the guard's own promise.
    rejected = sorted(os.listdir(failed_dir)) if os.path.isdir(failed_dir) else []
    with open(runner.log_path, "rb") as handle:
        log_text = handle.read().decode("utf-8", "replace")
    set_aside = {}
    for name in expected:
        reason_path = os.path.join(failed_dir, name + ".reason")
        if os.path.exists(reason_path):
            with open(reason_path, "rb") as handle:
                reason = handle.read().decode("utf-8", "replace")
            if "the daemon died while ingesting this file 3 times" in reason:
                set_aside[name] = reason
    note("%d file(s) set aside by the crash-loop guard after the daemon died three times reading each" % len(set_aside))
    guard_broken = []
    for name in sorted(set_aside):
        with open(os.path.join(failed_dir, name), "rb") as handle:
            if handle.read() != expected[name][2]:
                guard_broken.append("%s: different bytes in the failed folder" % name)
        if "%s: still claimed at start; the daemon died while ingesting it (the last run's end is not known: no record from the unit's ExecStopPost=): 2 of 3 deaths" % name not in log_text:
            guard_broken.append("%s: set aside without a start that counted its second death" % name)

    by_sha = {sha: (name, count) for name, (sha, count, _) in expected.items()}
    occurrences = {}
    strays = []
    wrong_names = []
    for number, record in records:
        bulletin = record.get("bulletin") or {}
        key = (bulletin.get("sha256"), bulletin.get("index"))
        occurrences.setdefault(key, []).append(number)
        known = by_sha.get(key[0])
        if known is None or not isinstance(key[1], int) or not 0 <= key[1] < known[1]:
            strays.append("line %d: %s" % (number, json.dumps(bulletin)))
        elif bulletin.get("file") != known[0]:
            wrong_names.append("line %d: file %r, dropped as %r" % (number, bulletin.get("file"), known[0]))
    missing = []
    repeated = []
    for name, (sha, count, _) in sorted(expected.items()):
        for index in range(count):
            lines = occurrences.get((sha, index), [])
            if name in set_aside:
                if lines:
                    guard_broken.append("%s story %d: in the store, though the file was set aside" % (name, index))
            elif not lines:
                missing.append("%s (%s) story %d of %d" % (name, sha[:12], index, count))
            elif len(lines) > 1:
                repeated.append("%s (%s) story %d of %d: lines %s" % (name, sha[:12], index, count, lines))
    check("a file set aside by the crash-loop guard is whole in failed/, the daemon died reading it three times, "
          "and has no story in the store (%d set aside)" % len(set_aside), not guard_broken, guard_broken[:10])
    check("every story occurrence of every dropped file is in the store (%d expected, files set aside excepted)"
          % total_occurrences,
          not missing, ["%d missing" % len(missing)] + missing[:10])
    check("no story occurrence is in the store twice", not repeated,
          ["%d repeated" % len(repeated)] + repeated[:10])
    check("no store line outside the dropped bulletins' occurrences", not strays, strays[:10])
    check("every line names the file its bulletin was dropped as", not wrong_names, wrong_names[:10])

    ids = {}
    for number, record in records:
        ids.setdefault(record.get("id"), []).append(number)
    clashes = ["id %s on lines %s" % (i, lines) for i, lines in ids.items() if len(lines) > 1 or i is None]
    check("every id is unique", not clashes, clashes[:10])
    story_ids = {record.get("id") for _, record in records if record.get("kind") == "story"}
    unresolved = ["line %d: duplicate_of %r" % (number, record.get("duplicate_of"))
                  for number, record in records
                  if record.get("kind") == "duplicate" and record.get("duplicate_of") not in story_ids]
    check("every duplicate_of names a story line's id", not unresolved,
          ["%d unresolved" % len(unresolved)] + unresolved[:10])
    bad_kinds = ["line %d: kind %r" % (n, r.get("kind")) for n, r in records if r.get("kind") not in ("story", "duplicate")]
    check("every line is a story or a duplicate", not bad_kinds, bad_kinds[:10])
    duplicates = sum(1 for _, r in records if r.get("kind") == "duplicate")
    note("%d story lines, %d duplicate lines" % (len(records) - duplicates, duplicates))
    check("repeated stories were recorded as duplicates (%d)" % duplicates, duplicates > 0)

    # --- the folders.
    not_processed = []
    for name, (sha, _, data) in sorted(expected.items()):
        if name in set_aside:
            continue
        path = os.path.join(processed, name)
        try:
            with open(path, "rb") as handle:
                if handle.read() != data:
                    not_processed.append("%s: different bytes in the processed folder" % name)
        except FileNotFoundError:
            not_processed.append("%s: not in the processed folder" % name)
    check("every dropped file is in the processed folder", not not_processed,
          ["%d not" % len(not_processed)] + not_processed[:10])
    rejected = [name for name in rejected if name not in set_aside and name[:-len(".reason")] not in set_aside]
    check("no dropped file was rejected but by the crash-loop guard", not rejected, rejected[:10])

    # --- what the daemon said about recovery (a note, not a check: it depends on timing).
    repairs = [line for line in log_text.splitlines() if "store repaired at start" in line]
    torn = sum(1 for line in repairs if "cut a torn last line" in line)
    cut_short = sum(1 for line in repairs if "bulletin cut short" in line)
    note("recoveries that repaired something: %d (torn last line cut: %d, bulletin cut short: %d)"
         % (len(repairs), torn, cut_short))

    if has_subcommand(binary, "verify"):
        result = subprocess.run([binary, "verify", "--store", store], stdin=subprocess.DEVNULL,
                                capture_output=True, timeout=60)
        out = (result.stdout + result.stderr).decode("utf-8", "replace")
        check("bulletind verify --store accepts the store", result.returncode == 0,
              ["exit status %d" % result.returncode, out[-2000:]])
    else:
        note("the binary has no verify subcommand: skipped")

    sys.stdout.write("%d passed, %d failed\n" % (passed, failed))
    note("%.1f s" % (time.monotonic() - started))
    if os.environ.get("KEEP_WORKDIR") or failed:
        note("work folder kept: %s (daemon log: %s)" % (work, runner.log_path))
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
