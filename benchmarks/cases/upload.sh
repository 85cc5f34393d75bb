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
# Then every board profile of the simulator (ideal at 115200, esp8266, esp32, usb-cdc), default settings, each case
# beside a naive reference transfer (256-byte repr() chunks, one command each) on the same board:
#   upload.<profile>.<case>.session.ratio   whole sync to the line rate (usb-cdc: to the naive transfer)
#   upload.<profile>.<case>.vs_naive        naive session time over ours; cases text, binary, compressible
#   sync.<profile>.noop.seconds             no-op sync of the 50-file project
# A profile that fails prints upload.<profile>.error and the others still run. About 7 min with the build.
# UPLOAD_BENCH_PROFILES=esp8266,usb-cdc runs only those profiles (and not the first part).
ensure_board_sim
run_benchmark_class UploadBenchmark "$CORE_TEST_MODULES"
