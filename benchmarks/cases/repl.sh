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
ensure_board_sim
run_benchmark_class ReplBenchmark "$UI_TEST_MODULES"
