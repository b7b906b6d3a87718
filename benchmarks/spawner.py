"""Starts the benchmark's commands from a small process, so that their peak memory is their own.

Linux gives a new process the peak resident memory of the process it was forked from (it is kept
across exec): started from the benchmark itself, which grows as it makes curricula, every command
would read at least the benchmark's size. bench.py starts this process first, while it is small,
and asks it to run each command: one JSON line in (command, cwd, env), one JSON line out (wall
seconds, CPU seconds, peak MB, exit code, output). Its own size (about 10 MB) is the floor.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def run(command: list[str], cwd: str, env: dict) -> dict:
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    return {"wall": time.monotonic() - started, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024, "returncode": os.waitstatus_to_exitcode(status), "output": output}


def main() -> None:
    for line in sys.stdin:
        asked = json.loads(line)
        sys.stdout.write(json.dumps(run(asked["command"], asked["cwd"], asked["env"])) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
