# The topic explorer's ingest rate against a flooded loopback Mosquitto, next to mosquitto_sub on the same
# flood, the heap it keeps afterwards, and the worst UI event-loop delay of the real topic tree widget
# (TopicTreePart in a plain SWT shell, under Xvfb when there is no display) while it ingests. Prints key=value
# lines. Options through the environment:
#   EXPLORER_BENCH_MESSAGES (1000000), EXPLORER_BENCH_TOPICS (10000), EXPLORER_BENCH_PAYLOAD (16 bytes),
#   EXPLORER_BENCH_MQTT (5 or 3), EXPLORER_BENCH_HEAP (512m: the JVM's -Xmx, as an IDE would have).
set -euo pipefail
root=$(pwd)
m2=${MAVEN_REPO:-$HOME/.m2/repository}
core_jar=plugins/io.mqttdevices.core/target/io.mqttdevices.core-0.1.0-SNAPSHOT.jar
ui_jar=plugins/io.mqttdevices.ui/target/io.mqttdevices.ui-0.1.0-SNAPSHOT.jar
modules=target-platform,plugins/io.mqttdevices.paho.mqttv5.exports,plugins/io.mqttdevices.core,plugins/io.mqttdevices.ui
if [ ! -f "$core_jar" ] || [ ! -f "$ui_jar" ] \
	|| [ -n "$(find plugins/io.mqttdevices.core/src plugins/io.mqttdevices.ui/src -newer "$core_jar" -name '*.java' | head -1)" ]; then
	echo "building the core and UI bundles..." >&2
	./mvnw -B -q -o package -DskipTests -pl "$modules" >&2 || ./mvnw -B -q package -DskipTests -pl "$modules" >&2
fi
# the newest version of a platform jar in the local Maven repository
platform_jar() {
	local dir
	dir=$(ls -d "$m2/org/eclipse/platform/$1"/*/ | sort -V | tail -1)
	ls "$dir"*.jar | grep -v sources | head -1
}
cp="$root/$core_jar:$root/$ui_jar"
for jar in org.eclipse.swt.gtk.linux.x86_64 org.eclipse.jface org.eclipse.core.commands org.eclipse.equinox.common \
	org.eclipse.osgi; do
	cp="$cp:$(platform_jar $jar)"
done
cp="$cp:$m2/org/eclipse/paho/org.eclipse.paho.mqttv5.client/1.2.5/org.eclipse.paho.mqttv5.client-1.2.5.jar"
cp="$cp:$m2/org/eclipse/paho/org.eclipse.paho.client.mqttv3/1.2.5/org.eclipse.paho.client.mqttv3-1.2.5.jar"
cp="$cp:$m2/com/google/code/gson/gson/2.15.0/gson-2.15.0.jar"
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
"$JAVA_HOME/bin/javac" -nowarn -d "$classes" -cp "$cp" benchmarks/explorer/UiProbe.java benchmarks/explorer/BarePaho.java benchmarks/explorer/ExplorerBench.java
# the UI probe needs a display: the one we have, or Xvfb
run=()
ui=true
if [ -z "${DISPLAY:-}" ]; then
	if command -v xvfb-run >/dev/null; then
		run=(xvfb-run -a -s "-screen 0 1400x900x24")
	else
		echo "no display and no xvfb-run: explorer.ui_max_delay_ms is not measured" >&2
		ui=false
	fi
fi
"${run[@]}" "$JAVA_HOME/bin/java" -Xmx"${EXPLORER_BENCH_HEAP:-512m}" ${EXPLORER_BENCH_JAVA_OPTS:-} -Dui=$ui -cp "$classes:$cp" \
	-Dmessages="${EXPLORER_BENCH_MESSAGES:-1000000}" -Dtopics="${EXPLORER_BENCH_TOPICS:-10000}" \
	-Dpayload="${EXPLORER_BENCH_PAYLOAD:-16}" -Dmqtt="${EXPLORER_BENCH_MQTT:-5}" ExplorerBench
