# The topic explorer's ingest rate against a flooded loopback Mosquitto, next to mosquitto_sub on the same
# flood, and the heap it keeps afterwards. Prints key=value lines. Options through the environment:
#   EXPLORER_BENCH_MESSAGES (1000000), EXPLORER_BENCH_TOPICS (10000), EXPLORER_BENCH_PAYLOAD (16 bytes),
#   EXPLORER_BENCH_MQTT (5 or 3), EXPLORER_BENCH_HEAP (512m: the JVM's -Xmx, as an IDE would have).
set -euo pipefail
root=$(pwd)
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
	JAVA_HOME=/usr/lib/jvm/$(ls /usr/lib/jvm | grep -i temurin | sort -V | tail -1)
	export JAVA_HOME
fi
m2=${MAVEN_REPO:-$HOME/.m2/repository}
core_jar=plugins/io.mqttdevices.core/target/io.mqttdevices.core-0.1.0-SNAPSHOT.jar
if [ ! -f "$core_jar" ] || [ -n "$(find plugins/io.mqttdevices.core/src -newer "$core_jar" -name '*.java' | head -1)" ]; then
	echo "building the core bundle..." >&2
	./mvnw -B -q -o package -DskipTests -pl target-platform,plugins/io.mqttdevices.paho.mqttv5.exports,plugins/io.mqttdevices.core >&2 \
		|| ./mvnw -B -q package -DskipTests -pl target-platform,plugins/io.mqttdevices.paho.mqttv5.exports,plugins/io.mqttdevices.core >&2
fi
cp="$root/$core_jar"
cp="$cp:$m2/org/eclipse/paho/org.eclipse.paho.mqttv5.client/1.2.5/org.eclipse.paho.mqttv5.client-1.2.5.jar"
cp="$cp:$m2/org/eclipse/paho/org.eclipse.paho.client.mqttv3/1.2.5/org.eclipse.paho.client.mqttv3-1.2.5.jar"
cp="$cp:$m2/com/google/code/gson/gson/2.15.0/gson-2.15.0.jar"
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
"$JAVA_HOME/bin/javac" -nowarn -d "$classes" -cp "$cp" benchmarks/explorer/ExplorerBench.java
"$JAVA_HOME/bin/java" -Xmx"${EXPLORER_BENCH_HEAP:-512m}" -cp "$classes:$cp" \
	-Dmessages="${EXPLORER_BENCH_MESSAGES:-1000000}" -Dtopics="${EXPLORER_BENCH_TOPICS:-10000}" \
	-Dpayload="${EXPLORER_BENCH_PAYLOAD:-16}" -Dmqtt="${EXPLORER_BENCH_MQTT:-5}" ExplorerBench
