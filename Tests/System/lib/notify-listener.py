#!/usr/bin/env python3
"""Binds an AF_UNIX datagram socket at argv[1] (the NOTIFY_SOCKET for a daemon under test) and
appends every datagram it receives to argv[2], one datagram per record, records separated by a
line holding only "--". Stops on SIGTERM. Used by journal-test.sh; needs only the stdlib."""
import os
import signal
import socket
import sys

path, out = sys.argv[1], sys.argv[2]
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
try:
    os.unlink(path)
except FileNotFoundError:
    pass
sock.bind(path)
os.chmod(path, 0o777)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
with open(out, "a", buffering=1) as fh:
    fh.write("")  # the file exists once the socket is bound
    while True:
        data = sock.recv(65536)
        fh.write(data.decode("utf-8", "replace").rstrip("\n") + "\n--\n")
