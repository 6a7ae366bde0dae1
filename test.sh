#!/usr/bin/env bash
# Runs every test: .NET unit, store, API, hub, multi-node and browser tests (the browser tests
# also run the ChatWidget's own unit tests), then the benchmarks at their smallest size to prove
# they still run. Prints one summary line at the end.
set -uo pipefail
cd "$(dirname "$0")"

results="$(mktemp -d)"
dotnet test HelpdeskGamify.sln --logger "trx" --results-directory "$results" "$@"
status=$?

# The widget's own unit tests (node's test runner); the .NET build above installed its packages.
widget_log="$(mktemp)"
if (cd src/ChatWidget && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent typecheck && npm test) >"$widget_log" 2>&1; then :; else status=1; fi
cat "$widget_log"

if [ -d tests/Benchmarks ] && [ "${SKIP_BENCHMARKS:-0}" != "1" ]; then
  dotnet run -c Release --project tests/Benchmarks -- all --quick || status=1
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # xunit's skips are neither executed nor "notExecuted" in the TRX counters: total minus executed.
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(( ${t:-0} - ${e:-0} ))
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
w_pass=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$widget_log" | tail -n 1); w_fail=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$widget_log" | tail -n 1)
passed=$((passed + ${w_pass:-0})); failed=$((failed + ${w_fail:-0}))
rm -rf "$results" "$widget_log"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
