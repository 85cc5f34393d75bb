# The simulated board's serial link: how fast it moves bytes each way, throttled to 115200 baud as the upload and
# REPL benchmarks assume (target 11,520 B/s), and unthrottled. Prints key=value lines.
ensure_board_sim
node benchmarks/cases/board-link.mjs
