#!/usr/bin/env bash
# The schedule explorer's figures on the issue's programs (bench/explore/*.py): schedules run,
# choices pruned by the reduction, outcomes, failing ones, seconds and schedules per second,
# natively and (when build/wasm has it) in WebAssembly under node. Seconds are real time and,
# after the slash, CPU time (user + system): on a machine busy with other work the CPU figure
# says more. A benchmark, not a test: it prints figures and never fails on speed.
#   bench/explore.sh [--workers N]
#   THREADLAB_CLI=/elsewhere/threadlab bench/explore.sh   (another build's figures, to compare)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
workers=1
[ "${1:-}" = "--workers" ] && workers=${2:-1}
native=${THREADLAB_CLI:-build/native/threadlab}
wasm=build/wasm/threadlab.js
[ -x "$native" ] || { echo "build it first: scripts/build native" >&2; exit 2; }

measure() {  # LABEL COMMAND...: one line of figures
  local label=$1; shift
  local start end json cpu out
  out=$(mktemp)
  start=$(date +%s.%N)
  cpu=$( { TIMEFORMAT='%U %S'; time "$@" --json >"$out" 2>/dev/null; } 2>&1 )
  end=$(date +%s.%N)
  json=$(cat "$out")
  rm -f "$out"
  node -e '
    const [label, json, seconds, cpu] = process.argv.slice(1);
    const cpuSeconds = cpu.split(" ").reduce((sum, s) => sum + Number(s), 0);
    const r = JSON.parse(json);
    const failing = r.outcomes.filter((o) => o.failure !== null);
    const witness = failing.length ? Math.min(...failing.map((o) => o.preemptions)) : "-";
    console.log(`${label.padEnd(34)} ${String(r.schedules).padStart(6)} schedules ${String(r.pruned).padStart(7)} pruned ` +
      `${String(r.outcomes.length).padStart(2)} outcomes ${String(failing.length).padStart(2)} failing ` +
      `(fewest preemptions ${witness}) ${r.exhaustive ? "exhausted" : "NOT exhausted"} ` +
      `${Number(seconds).toFixed(2).padStart(7)} s / ${cpuSeconds.toFixed(2).padStart(6)} s CPU ` +
      `${(r.schedules / seconds).toFixed(0).padStart(6)} / ${(r.schedules / cpuSeconds).toFixed(0).padStart(6)} schedules/s`);
  ' "$label" "$json" "$(echo "$end - $start" | bc -l)" "$cpu"
}

for program in counter2 counter2_locked counter3x2 counter3x2_locked philosophers philosophers_ordered; do
  measure "native $program" "$native" explore "bench/explore/$program.py" --workers "$workers"
done
measure "native counter3x2 unreduced (1 preemption)" "$native" explore bench/explore/counter3x2.py --preemptions 1 --no-reduction --workers "$workers"
measure "native counter3x2 random 1000 (PCT)" "$native" explore bench/explore/counter3x2.py --random 1000 --workers "$workers"
if [ -f "$wasm" ]; then
  for program in counter2 counter3x2; do
    measure "wasm $program" node --no-experimental-fetch "$wasm" explore "bench/explore/$program.py" --workers "$workers"
  done
fi
