# Board library installs (issue 14). Runs the LibraryInstallBenchmark class of the core test bundle (a benchmark,
# not a test: nothing is asserted) and prints its key=value lines:
#   libraries.mip.<profile>.first.seconds   umqtt.simple from a package index on 127.0.0.1 onto the simulated board
#                                           at 115200 baud (ideal board, esp8266 profile), nothing on the board yet
#   libraries.mip.<profile>.noop.seconds    the same again with nothing to do: what each Upload to Board pays
#   libraries.mip.<profile>.noop.files_sent 0 when nothing was sent
#   libraries.bundle.first/noop.seconds     MiniMQTT and its two dependencies into the CIRCUITPY test drive
ensure_board_sim
run_benchmark_class LibraryInstallBenchmark "$CORE_TEST_MODULES"
