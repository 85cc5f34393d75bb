# The Board REPL view under a chatty board: the unthrottled simulated board prints numbered 71-byte lines as fast
# as it can into the real view in a workbench (Xvfb) for 10 s. Runs the ReplBenchmark class of the UI test bundle
# (a benchmark, not a test: nothing is asserted) and prints its key=value lines:
#   repl.bytes_per_s      bytes of board output that reached the terminal's screen per second
#   repl.lines_shown      numbered lines that reached the screen in the measured time
#   repl.commands         print loops the board was given (it gets the next one as soon as its prompt is back)
#   repl.ui_max_delay_ms  the UI event loop's worst delay: the longest gap between runs of a 10 ms timer, less 10 ms
#                         and less the time the harness itself held the UI thread in that gap (target: under 100 ms)
#   repl.harness_max_ms   the longest the harness held the UI thread at once (reading the screen every 100 ms)
#   repl.ui_max_delay_with_harness_ms  the worst delay with the harness's own time counted
#   repl.ui_p99_delay_ms  the same at the 99th percentile of the timer runs; repl.ui_delays_over_50ms how many
#                         runs came more than 50 ms late
set -euo pipefail
(cd tests/board-sim && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
if [ -z "${JAVA_HOME:-}" ]; then
	JAVA_HOME=$(ls -d /usr/lib/jvm/*temurin* 2>/dev/null | sort | tail -1)
	export JAVA_HOME
fi
out=$(mktemp)
log=$(mktemp)
trap 'rm -f "$out" "$log"' EXIT
offline=()
[ -d "$HOME/.m2/repository/org/eclipse/tycho" ] && offline=(-o)
display=()
[ -z "${DISPLAY:-}" ] && display=(xvfb-run -a -s "-screen 0 1400x900x24")
if ! "${display[@]}" ./mvnw -B "${offline[@]}" verify \
	-pl target-platform,plugins/io.mqttdevices.paho.mqttv5.exports,plugins/io.mqttdevices.core,plugins/io.mqttdevices.ui,tests/io.mqttdevices.tests.fixtures,tests/io.mqttdevices.ui.tests \
	-Dtest=ReplBenchmark "-Dtycho.testArgLine=-Dmqttdevices.benchmark.out=$out" >"$log" 2>&1; then
	tail -50 "$log" >&2
	exit 1
fi
cat "$out"
