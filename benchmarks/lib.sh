# Shared by the benchmark cases: source it, do not run it. benchmarks/run sources it before a case.
. dev/common.sh

# Installs the board simulator's packages when they are missing.
ensure_board_sim() {
	(cd tests/board-sim && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
}

CORE_TEST_MODULES=target-platform,plugins/io.mqttdevices.paho.mqttv5.exports,plugins/io.mqttdevices.core,tests/io.mqttdevices.tests.fixtures,tests/io.mqttdevices.core.tests
UI_TEST_MODULES=target-platform,plugins/io.mqttdevices.paho.mqttv5.exports,plugins/io.mqttdevices.core,plugins/io.mqttdevices.ui,tests/io.mqttdevices.tests.fixtures,tests/io.mqttdevices.ui.tests

# run_benchmark_class CLASS MODULES: builds MODULES and runs the benchmark class CLASS of a test bundle (a
# benchmark, not a test: it asserts nothing and writes key=value lines to the file named by the system property
# mqttdevices.benchmark.out), under a virtual display when there is none; prints those lines, or the build's
# last lines when it fails.
run_benchmark_class() {
	local class=$1 modules=$2 out log status=0
	out=$(mktemp)
	log=$(mktemp)
	local offline=() display=()
	[ -d "$HOME/.m2/repository/org/eclipse/tycho" ] && offline=(-o)
	[ -z "${DISPLAY:-}" ] && display=(xvfb-run -a -s "-screen 0 1400x900x24")
	"${display[@]}" ./mvnw -B "${offline[@]}" verify -pl "$modules" -Dtest="$class" \
		"-Dtycho.testArgLine=-Dmqttdevices.benchmark.out=$out" >"$log" 2>&1 || status=$?
	if [ $status -ne 0 ]; then
		tail -50 "$log" >&2
	else
		cat "$out"
	fi
	rm -f "$out" "$log"
	return $status
}
