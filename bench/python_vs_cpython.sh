#!/usr/bin/env bash
# Threadlab's interpreter against Debian's CPython 3.11 (/usr/bin/python3.11, built with PGO: the
# fastest CPython on the machine), side by side on the same three programs: a countdown loop,
# recursive fib(27), and small objects with dict updates, f-strings and sorted(). Each program
# runs RUNS times (default 3) under both; the best wall time of each is kept, so that another
# process that steals the CPU for a moment does not decide the figure. Prints the times, the
# ratio (Threadlab / CPython: above 1 means CPython is faster) and their geometric mean.
#   bench/python_vs_cpython.sh [path/to/threadlab]     (default build/native/threadlab)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
threadlab=${1:-$root/build/native/threadlab}
cpython=/usr/bin/python3.11
runs=${RUNS:-3}
[ -x "$threadlab" ] || { echo "no $threadlab: run scripts/build native first" >&2; exit 2; }
[ -x "$cpython" ] || { echo "no $cpython: apt-get install python3.11 (scripts/setup does)" >&2; exit 2; }

# The best wall time of `runs` runs of a command, in seconds; the outputs must agree.
best_time() {
  local best="" start end elapsed
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    elapsed=$(( end - start ))
    if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best=$elapsed; fi
  done
  awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

# The objects program holds 200 000 instances at once, past the lab's default 64 MiB heap budget
# for one process (a budget sized for the page); the benchmark measures speed, so it lifts it.
memory=(--max-memory 512MiB)

printf '%-10s %12s %12s %8s\n' program threadlab cpython3.11 ratio
ratios=()
for program in countdown fib objects; do
  file="$root/bench/$program.py"
  if [ "$("$threadlab" run "$file" "${memory[@]}")" != "$("$cpython" "$file")" ]; then
    echo "$program: Threadlab and CPython print different results" >&2
    exit 1
  fi
  ours=$(best_time "$threadlab" run "$file" "${memory[@]}")
  theirs=$(best_time "$cpython" "$file")
  ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')
  ratios+=("$ratio")
  printf '%-10s %11ss %11ss %7sx\n' "$program" "$ours" "$theirs" "$ratio"
done
printf '%s\n' "${ratios[@]}" | awk '{ s += log($1); n++ } END { printf "geometric mean of the ratios: %.2fx (the goal: at most 2x each, 1.5x overall)\n", exp(s / n) }'
