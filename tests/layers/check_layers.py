#!/usr/bin/env python3
"""Fails when an include crosses a layer the wrong way (see the README's Layout).

Each folder of src/ is a layer and may include only the layers listed for it here, so that
the arrows run one way: machine knows nothing above it; python uses machine and lang; explore
(the schedule search) drives python runs; lab reads them all; ui reads lab (and the machine's
plain data: states, times, trace events), never the interpreter; real (this computer's own
threads and fibers, measured) knows none of them; app and cli put them together.

    check_layers.py [SRC_DIR]     prints each wrong include as file:line and exits 1
"""
import pathlib
import re
import sys

ALLOWED = {
    "machine": {"machine"},
    "lang": {"lang"},
    "python": {"python", "machine", "lang"},
    "config": {"config", "machine"},
    "lessons": {"lessons", "config", "machine", "lang"},
    "explore": {"explore", "python", "machine", "lang", "config"},
    "lab": {"lab", "explore", "python", "machine", "lang", "config"},
    "real": {"real"},
    "ui": {"ui", "lab", "lessons", "config", "machine", "real"},
    "cli": {"cli", "lab", "lessons", "explore", "python", "machine", "lang", "config", "real"},
    "app": {"app", "ui", "lab", "lessons", "explore", "python", "machine", "lang", "config", "real"},
}
# What a window may read of the machine: plain data, no machine to drive.
UI_MACHINE_HEADERS = {"sim_time.h", "thread_state.h", "sync.h", "trace.h", "random.h"}
# config's inflater stands alone (a library of its own, beneath the layers): python inflates its
# embedded module sources with it.
# The witness's words (explore/witness_words.h) are plain data and their wording: the windows word them.
SHARED_HEADERS = {("config", "deflate.h"), ("explore", "witness_words.h")}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/([^"]+)"')


def problems(src: pathlib.Path):
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        parts = path.relative_to(src).parts
        if len(parts) == 1:
            continue  # src/embedded_file.h: a plain struct every layer may use
        layer = parts[0]
        if layer not in ALLOWED:
            yield f"{path}: the folder {layer}/ is no layer of src/ (add it to {__file__})"
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m or m.group(1) not in ALLOWED:
                continue  # a system, third-party or generated header
            target, header = m.group(1), m.group(2)
            if target not in ALLOWED[layer] and (target, header) not in SHARED_HEADERS:
                yield f"{path}:{number}: {layer}/ must not include {target}/ ({line.strip()})"
            elif layer == "ui" and target == "machine" and header not in UI_MACHINE_HEADERS:
                yield (f"{path}:{number}: ui/ reads only the machine's plain data "
                       f"({', '.join(sorted(UI_MACHINE_HEADERS))}), not {target}/{header}")


def main():
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2] / "src")
    found = list(problems(src))
    for p in found:
        print(p)
    print(f"layers: {len(found)} wrong include(s) in {src}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
