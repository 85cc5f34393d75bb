# The local broker (Moquette inside the IDE's OSGi runtime) against Debian's Mosquitto, under the same Paho MQTT
# 3.1.1 clients on loopback. Runs the LocalBrokerBenchmark class of the core test bundle (a benchmark, not a test:
# nothing is asserted) and prints its key=value lines:
#   localbroker.start.first.ms    the first start (loads Moquette and Netty), then the median of five
#   localbroker.start.median.ms / localbroker.stop.median.ms
#   localbroker.qos0.msgs_per_s   one publisher to one subscriber, 20,000 messages of 16 bytes, QoS 0
#   localbroker.qos1.msgs_per_s   5,000 messages at QoS 1, each publish waiting for its PUBACK
#   *.delivered                   the share of the messages that arrived (QoS 0 may drop under a flood)
#   mosquitto.*                   the same with Mosquitto, for comparison
set -euo pipefail
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
	-Dtest=LocalBrokerBenchmark "-Dtycho.testArgLine=-Dmqttdevices.benchmark.out=$out" >"$log" 2>&1; then
	tail -50 "$log" >&2
	exit 1
fi
cat "$out"
