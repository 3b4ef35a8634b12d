#!/usr/bin/env python3
"""pty-capture.py COLUMNS COMMAND...

Runs COMMAND on a new pseudo-terminal COLUMNS wide (as a person at a terminal would) and writes
everything it printed there, byte for byte, to stdout; exits with COMMAND's status. The tests
use it to see the progress bar exactly as a user does.
"""
import fcntl
import os
import pty
import struct
import sys
import termios

columns = int(sys.argv[1])
command = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    os.execvp(command[0], command)
output = bytearray()
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:  # EIO: the child closed the terminal
        break
    if not chunk:
        break
    output += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(bytes(output))
sys.exit(os.waitstatus_to_exitcode(status))
