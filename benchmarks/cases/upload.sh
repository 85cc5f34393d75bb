# Upload to Board over serial: the core sync (raw-paste, bytes literals, deflate) against the simulated board
# throttled to 115200 baud (11,520 B/s each way). Runs the UploadBenchmark class of the core test bundle (a
# benchmark, not a test: nothing is asserted) and prints its key=value lines:
#   upload.text.ratio          64 KB of Python-like text, compression off (the bytes-literal encoding alone)
#   upload.text.deflate.ratio  the same kind of text with compression on (the default)
#   upload.binary.ratio        64 KB of random bytes (deflate does not pay and is skipped)
#   upload.compressible.ratio  64 KB of repetitive generated code, deflated
#   sync.noop.seconds          a second sync of an unchanged 50-file project (connect, compare, nothing sent)
# *.bps and *.ratio are measured over the file transfer (first chunk to verified rename, what the upload summary
# shows); *.session.ratio over the whole sync (entering the raw REPL, loading the helpers, listing, transfer).
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
if ! ./mvnw -B "${offline[@]}" verify \
	-pl target-platform,plugins/io.mqttdevices.paho.mqttv5.exports,plugins/io.mqttdevices.core,tests/io.mqttdevices.tests.fixtures,tests/io.mqttdevices.core.tests \
	-Dtest=UploadBenchmark "-Dtycho.testArgLine=-Dmqttdevices.benchmark.out=$out" >"$log" 2>&1; then
	tail -50 "$log" >&2
	exit 1
fi
cat "$out"
