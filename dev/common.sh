# Shared by ./run-ide and ./run-tests: finds a JDK 21+ and exports JAVA_HOME. Source it, do not run it.

# Prints the major version of the java in $1/bin/java, or nothing.
java_major() {
	"$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

# Exports JAVA_HOME for a JDK 21 or newer: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
find_jdk() {
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
		export JAVA_HOME
		return 0
	fi
	local best="" best_major=0 dir major
	for dir in /usr/lib/jvm/*/; do
		dir=${dir%/}
		[ -x "$dir/bin/javac" ] || continue
		major=$(java_major "$dir")
		if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
			best=$dir
			best_major=$major
		fi
	done
	if [ -z "$best" ]; then
		echo "error: a JDK 21 or newer is needed (Eclipse 4.39 bundles require JavaSE-21)." >&2
		echo "       Set JAVA_HOME to one, or install one under /usr/lib/jvm (e.g. apt-get install openjdk-21-jdk)." >&2
		return 1
	fi
	export JAVA_HOME=$best
}

# The stock IDE the build assembles (ide/), before our feature is installed into it.
STOCK_IDE_DIR=ide/target/products/stock-ide/linux/gtk/x86_64/eclipse
UPDATE_SITE_DIR=update-site/target/repository
FEATURE_IU=io.mqttdevices.feature.feature.group

# install_feature IDE_DIR: installs our feature into IDE_DIR from the built update site with the IDE's own
# p2 director, the same path a user takes on the command line.
install_feature() {
	"$JAVA_HOME/bin/java" -jar "$1"/plugins/org.eclipse.equinox.launcher_*.jar -nosplash \
		-application org.eclipse.equinox.p2.director \
		-repository "file:$PWD/$UPDATE_SITE_DIR" -installIU "$FEATURE_IU" \
		-destination "$1" -profile DefaultProfile
}
