"""The differential test: the generated program (generate.py) run by Threadlab and by CPython
3.11 must print the same lines; every line that differs is reported with the case that printed
it, and the test fails.

    python3 differential.py --threadlab "build/native/threadlab run" [--python python3.11]
                            [--seed N] [--count N] [--show N]
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile

import generate

EXPECTED_VERSION = "3.11"


def find_python(requested):
    # Debian's python3.11 first (what scripts/setup installs), else python3 when it is 3.11.
    for command in ([requested] if requested else ["python3.11", "python3"]):
        try:
            version = subprocess.run([command, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                     capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            continue
        if version == EXPECTED_VERSION:
            return command
    sys.exit("differential: no CPython %s found (tried %s)" % (EXPECTED_VERSION, requested or "python3.11, python3"))


def run(command, path, timeout):
    environment = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(command + [path], capture_output=True, timeout=timeout, env=environment)
    if done.returncode != 0:
        sys.exit("differential: %s exited with %d:\n%s" % (" ".join(command), done.returncode,
                                                           done.stderr.decode("utf-8", "replace")[-2000:]))
    return done.stdout.decode("utf-8", "replace").split("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threadlab", required=True, help="command prefix that runs a program")
    parser.add_argument("--python", default="")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--show", type=int, default=40, help="how many differing lines to print")
    parser.add_argument("--timeout", type=float, default=120)
    options = parser.parse_args()
    python = find_python(options.python)
    cases = generate.cases(options.seed, options.count)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "differential_%d.py" % options.seed)
        with open(path, "w", encoding="utf-8") as file:
            file.write(generate.PRELUDE + "".join(source for _, source in cases))
        expected = run([python], path, options.timeout)
        actual = run(shlex.split(options.threadlab), path, options.timeout)
    if len(expected) != len(cases) + 1:
        sys.exit("differential: CPython printed %d lines for %d cases" % (len(expected) - 1, len(cases)))
    differing = [i for i in range(len(cases)) if i >= len(actual) or actual[i] != expected[i]]
    for i in differing[:options.show]:
        print("case %d: %s\n  cpython:   %s\n  threadlab: %s" % (i, cases[i][0], expected[i],
                                                                actual[i] if i < len(actual) else "(no line)"))
    if len(actual) != len(expected):
        print("threadlab printed %d lines, CPython %d" % (len(actual) - 1, len(expected) - 1))
    print("differential: %d of %d cases agree with CPython %s (seed %d)" % (len(cases) - len(differing), len(cases),
                                                                           EXPECTED_VERSION, options.seed))
    return 1 if differing or len(actual) != len(expected) else 0


if __name__ == "__main__":
    sys.exit(main())
