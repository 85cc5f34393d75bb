// Simulated MicroPython board on stdin/stdout, built on the official MicroPython
// WebAssembly build. Run it behind socat to get a serial port:
//   socat PTY,link=/tmp/board,raw,echo=0 EXEC:"node /abs/path/board.mjs"
// See README.md for the environment variables and the limits.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';

const CR = 0x0d;
const LF = 0x0a;
const CTRL_A = 0x01;
const CTRL_B = 0x02;
const CTRL_C = 0x03;
const CTRL_D = 0x04;
const CTRL_E = 0x05;

const RAW_REPL_BANNER = 'raw REPL; CTRL-B to exit\r\n';
// Emscripten paths: the user's flash, mounted as MicroPython's "/", and where
// the machine double is imported from (outside the flash, so never mirrored).
const FLASH_ROOT = '/flash';
const SUPPORT_DIR = '/sim-support';
// Temporary files of the atomic host writes; ignored when loading SIM_FLASH_DIR.
const TMP_PREFIX = '.board-sim-tmp-';
const DIR = 'dir';

const SLICE_MS = 10;
// Stop reading the host's data while this much input waits (like a full UART
// buffer); the host's writes then block as they would on a slow serial link.
const IN_QUEUE_MAX = 4096;
// Do not process input while this much output waits: a real board blocks in
// print() until its TX buffer drains.
const OUT_BACKLOG_MAX = 256;

const config = readConfig(process.env);
const machineSource = fs.readFileSync(fileURLToPath(new URL('machine.py', import.meta.url)));

function readConfig(env) {
    const window = env.SIM_RAW_PASTE_WINDOW === undefined ? 512 : Number(env.SIM_RAW_PASTE_WINDOW);
    if (!Number.isInteger(window) || window < 1 || window > 0xffff) {
        throw new Error(`SIM_RAW_PASTE_WINDOW must be an integer in 1..65535, got ${env.SIM_RAW_PASTE_WINDOW}`);
    }
    const baud = env.SIM_BAUD === undefined || env.SIM_BAUD === '' ? null : Number(env.SIM_BAUD);
    if (baud !== null && !(baud >= 10)) {
        throw new Error(`SIM_BAUD must be a number >= 10, got ${env.SIM_BAUD}`);
    }
    return {
        rawPasteWindow: window,
        noRawPaste: env.SIM_NO_RAW_PASTE === '1',
        runMain: env.SIM_RUN_MAIN === '1',
        flashDir: env.SIM_FLASH_DIR ? path.resolve(env.SIM_FLASH_DIR) : null,
        bytesPerSecond: baud === null ? null : baud / 10,
    };
}

// FIFO of bytes kept as a list of Buffers.
class ByteQueue {
    constructor() {
        this.chunks = [];
        this.offset = 0; // read position in chunks[0]
        this.length = 0;
    }

    push(buf) {
        if (buf.length > 0) {
            this.chunks.push(buf);
            this.length += buf.length;
        }
    }

    shift() {
        const b = this.chunks[0][this.offset++];
        this.length--;
        if (this.offset === this.chunks[0].length) {
            this.chunks.shift();
            this.offset = 0;
        }
        return b;
    }

    take(n) {
        const parts = [];
        let remaining = Math.min(n, this.length);
        this.length -= remaining;
        while (remaining > 0) {
            const head = this.chunks[0];
            const count = Math.min(remaining, head.length - this.offset);
            parts.push(head.subarray(this.offset, this.offset + count));
            this.offset += count;
            remaining -= count;
            if (this.offset === head.length) {
                this.chunks.shift();
                this.offset = 0;
            }
        }
        return Buffer.concat(parts);
    }
}

// Token bucket: bytesPerSecond on average, at most two time slices' worth at once.
class Pacer {
    constructor(bytesPerSecond) {
        this.rate = bytesPerSecond / 1000; // bytes per ms
        this.burst = Math.max(1, this.rate * SLICE_MS * 2);
        this.tokens = 0;
        this.last = performance.now();
    }

    take(max) {
        const now = performance.now();
        this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.rate);
        this.last = now;
        const n = Math.min(max, Math.floor(this.tokens));
        this.tokens -= n;
        return n;
    }
}

const input = new ByteQueue();
const output = new ByteQueue();
const inPacer = config.bytesPerSecond ? new Pacer(config.bytesPerSecond) : null;
const outPacer = config.bytesPerSecond ? new Pacer(config.bytesPerSecond) : null;

let mp = null; // the current interpreter; replaced on every (soft) reset
let booting = true;
let stdinEnded = false;
let pumpTimer = null;

// REPL state that the package does not expose, tracked from our side.
let rawMode = false;
let rawLine = []; // first two bytes of the current raw REPL line
let rawLineLength = 0;
let rawPaste = null; // state while receiving a raw-paste transfer
let hardResetRequested = false;

let flashSnapshot = new Map(); // flash path ("/a/b.py") -> Buffer, or DIR
let hostSnapshot = new Map(); // what SIM_FLASH_DIR holds, same shape

// ---------------------------------------------------------------- output

let wasmOut = []; // bytes the interpreter printed during the current call
let lastWasmByte = 0;

// The wasm port writes bare "\n" for print(); real boards send "\r\n".
function onWasmOutput(bytes) {
    for (const b of bytes) {
        if (b === LF && lastWasmByte !== CR) wasmOut.push(CR);
        wasmOut.push(b);
        lastWasmByte = b;
    }
}

function takeWasmOutput() {
    const buf = Buffer.from(wasmOut);
    wasmOut = [];
    return buf;
}

function emit(data) {
    output.push(typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data));
}

function flushOutput() {
    const n = outPacer ? outPacer.take(output.length) : output.length;
    if (n > 0) process.stdout.write(output.take(n));
}

// ---------------------------------------------------------------- input loop

function schedulePump(delay) {
    if (pumpTimer === null) pumpTimer = setTimeout(pump, delay);
}

function pump() {
    pumpTimer = null;
    while (input.length > 0 && !booting && output.length <= OUT_BACKLOG_MAX && (!inPacer || inPacer.take(1) === 1)) {
        handleByte(input.shift());
        flushOutput();
    }
    flushOutput();
    if (input.length < IN_QUEUE_MAX / 2 && !stdinEnded) process.stdin.resume();

    const inputPending = input.length > 0 && !booting;
    if (inputPending || output.length > 0) {
        schedulePump(inPacer ? SLICE_MS : 0);
    } else if (stdinEnded && input.length === 0 && !booting) {
        syncFlash();
        process.stdout.write('', () => process.exit(0));
    }
}

// ---------------------------------------------------------------- REPL

function feedWasm(c) {
    const ret = mp.replProcessChar(c);
    return { out: takeWasmOutput(), exited: ret !== 0 };
}

// Feeds one byte to the interpreter and forwards what it prints; a non-zero
// return means the REPL asked for a soft reset (Ctrl-D, sys.exit(), machine.reset()).
function feedAndForward(c, skipPrefix = '') {
    const { out, exited } = feedWasm(c);
    const skip = skipPrefix && out.subarray(0, skipPrefix.length).toString('latin1') === skipPrefix;
    emit(skip ? out.subarray(skipPrefix.length) : out);
    if (exited) reset(hardResetRequested);
    hardResetRequested = false; // set by machine.reset() just before it raises SystemExit
    return out;
}

function handleByte(c) {
    if (rawPaste) {
        rawPasteByte(c);
    } else if (rawMode) {
        rawReplByte(c);
    } else {
        const out = feedAndForward(c);
        // Ctrl-A switches to the raw REPL only at an empty friendly prompt; the
        // banner it prints is the reliable sign that it did.
        if (c === CTRL_A && out.includes(RAW_REPL_BANNER)) {
            rawMode = true;
            rawLine = [];
            rawLineLength = 0;
        }
    }
    // Code runs only on Enter at the friendly REPL and on Ctrl-D (raw REPL,
    // raw-paste, paste mode): mirror the flash when the prompt is back.
    if (!booting && (c === CTRL_D || (c === CR && !rawMode))) syncFlash();
}

function rawReplByte(c) {
    if (c === CTRL_A && rawLineLength === 2 && rawLine[0] === CTRL_E && rawLine[1] === 0x41 /* A */) {
        // Raw-paste request "\x05A\x01". The package would answer it and then
        // spin forever on its stub stdin, so we run the protocol ourselves.
        mp.replProcessChar(CTRL_C); // silently clears the "\x05A" from its line
        takeWasmOutput();
        rawLine = [];
        rawLineLength = 0;
        if (config.noRawPaste) {
            emit('R\x00>'); // what MicroPython prints for a raw-paste command it does not support
        } else {
            startRawPaste();
        }
        return;
    }
    if (c === CTRL_A || c === CTRL_C || c === CTRL_D) {
        rawLine = [];
        rawLineLength = 0;
    } else if (c === CTRL_B) {
        rawMode = false;
    } else {
        if (rawLine.length < 2) rawLine.push(c);
        rawLineLength++;
    }
    feedAndForward(c);
}

// Raw-paste protocol as in MicroPython's pyexec.c: "R\x01", the window size
// (uint16 LE) and "\x01" (so the host may start with two windows), then one
// "\x01" for every window's worth of bytes consumed. Ctrl-D ends the data and is
// acknowledged with "\x04"; Ctrl-C cancels.
function startRawPaste() {
    const window = config.rawPasteWindow;
    rawPaste = { window, remain: window, code: [], overrun: false };
    emit([0x52 /* R */, 0x01, window & 0xff, window >> 8, 0x01]);
    checkRawPasteOverrun();
}

// A host that waits for the "\x01"s never has more than two windows unconsumed.
// More means it ignores the flow control: a board behind a UART bridge would
// lose data. We keep the data (like a USB board) but report it on stderr.
function checkRawPasteOverrun() {
    if (rawPaste && !rawPaste.overrun && input.length > 2 * rawPaste.window) {
        rawPaste.overrun = true;
        process.stderr.write(`board-sim: raw-paste overrun: ${input.length} bytes pending, the flow control allows ${2 * rawPaste.window}\n`);
    }
}

function rawPasteByte(c) {
    const state = rawPaste;
    if (c === CTRL_D) {
        rawPaste = null;
        emit([CTRL_D]);
        // Run the code through the package's raw REPL. Its answer starts with
        // "OK", which raw-paste mode does not send.
        for (const b of state.code) mp.replProcessChar(b);
        takeWasmOutput();
        feedAndForward(CTRL_D, 'OK');
    } else if (c === CTRL_C) {
        rawPaste = null;
        // As MicroPython: end marker, then a KeyboardInterrupt in the error part.
        emit('\x04\x04KeyboardInterrupt: \r\n\x04>');
    } else {
        state.code.push(c);
        if (--state.remain === 0) {
            emit([0x01]);
            state.remain = state.window;
        }
    }
}

// ---------------------------------------------------------------- boot / reset

function reset(hard) {
    booting = true;
    const files = syncFlash();
    if (hard) {
        rawMode = false; // a hard reset comes back in the friendly REPL
    } else {
        emit('MPY: soft reboot\r\n');
    }
    boot(files).then(() => schedulePump(0));
}

// Python run once per boot: import the machine double from outside the flash,
// then make the flash directory MicroPython's "/" (the package mounts the whole
// Emscripten filesystem there, with /tmp, /home, /dev and /proc).
const SETUP_CODE = `
def _sim_setup():
    import sys, vfs, os
    sys.path.insert(0, "${SUPPORT_DIR}")
    import machine
    sys.path.pop(0)
    vfs.umount("/")
    vfs.mount(vfs.VfsPosix("${FLASH_ROOT}"), "/")
    os.chdir("/")
_sim_setup()
del _sim_setup
`;

// Runs boot.py / main.py in the REPL's globals, as a board does before its prompt.
const RUN_SCRIPT_CODE = (name) => `
def _sim_run(name):
    import sys
    try:
        src = open(name).read()
    except OSError:
        return
    try:
        exec(compile(src, name, "exec"), globals())
    except SystemExit:
        pass
    except BaseException as e:
        sys.print_exception(e)
_sim_run("${name}")
del _sim_run
`;

async function boot(files) {
    const interp = await loadMicroPython({
        stdout: onWasmOutput,
        stderr: onWasmOutput,
        // Without this, Emscripten would read our own stdin (fd 0) directly.
        stdin: () => null,
        linebuffer: false,
    });
    const FS = interp.FS;
    FS.mkdir(FLASH_ROOT);
    for (const [p, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (content === DIR) FS.mkdir(FLASH_ROOT + p);
        else FS.writeFile(FLASH_ROOT + p, content);
    }
    FS.mkdir(SUPPORT_DIR);
    FS.writeFile(`${SUPPORT_DIR}/machine.py`, machineSource);
    interp.registerJsModule('_simboard', { hard_reset: () => { hardResetRequested = true; } });
    interp.runPython(SETUP_CODE);
    mp = interp;
    takeWasmOutput();

    if (config.runMain) {
        interp.runPython(RUN_SCRIPT_CODE('boot.py'));
        if (!rawMode) interp.runPython(RUN_SCRIPT_CODE('main.py')); // boards skip main.py in raw REPL
        emit(takeWasmOutput());
    }
    hardResetRequested = false;
    interp.replInit(); // prints "\r\n", the banner and ">>> "
    if (rawMode) {
        interp.replProcessChar(CTRL_A);
        takeWasmOutput();
        emit(RAW_REPL_BANNER + '>');
    } else {
        // Real boards start the banner without the leading "\r\n".
        emit(takeWasmOutput().subarray(2));
    }
    booting = false;
}

// ---------------------------------------------------------------- flash mirror

function snapshotFlash() {
    const FS = mp.FS;
    const snap = new Map();
    const walk = (rel) => {
        for (const name of FS.readdir(FLASH_ROOT + rel)) {
            if (name === '.' || name === '..') continue;
            const p = `${rel}/${name}`;
            if (FS.isDir(FS.stat(FLASH_ROOT + p).mode)) {
                snap.set(p, DIR);
                walk(p);
            } else {
                snap.set(p, Buffer.from(FS.readFile(FLASH_ROOT + p)));
            }
        }
    };
    walk('');
    return snap;
}

function loadHostDir(dir) {
    const snap = new Map();
    fs.mkdirSync(dir, { recursive: true });
    const walk = (rel) => {
        for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
            if (entry.name.startsWith(TMP_PREFIX)) continue;
            const p = `${rel}/${entry.name}`;
            const full = path.join(dir, p);
            if (fs.statSync(full).isDirectory()) {
                snap.set(p, DIR);
                walk(p);
            } else {
                snap.set(p, fs.readFileSync(full));
            }
        }
    };
    walk('');
    return snap;
}

function sameEntry(a, b) {
    if (a === DIR || b === DIR) return a === b;
    return a !== undefined && b !== undefined && a.equals(b);
}

// Makes SIM_FLASH_DIR equal to the snapshot, writing each file atomically.
function writeHostDir(dir, from, to) {
    const gone = [...from.keys()].filter((p) => !to.has(p) || (from.get(p) === DIR) !== (to.get(p) === DIR));
    gone.sort((a, b) => b.length - a.length); // children before parents
    for (const p of gone) fs.rmSync(path.join(dir, p), { recursive: true, force: true });

    const changed = [...to.keys()].filter((p) => !sameEntry(from.get(p), to.get(p)));
    changed.sort();
    for (const p of changed) {
        const full = path.join(dir, p);
        if (to.get(p) === DIR) {
            fs.mkdirSync(full, { recursive: true });
        } else {
            const tmp = path.join(path.dirname(full), `${TMP_PREFIX}${process.pid}-${path.basename(full)}`);
            fs.writeFileSync(tmp, to.get(p));
            fs.renameSync(tmp, full);
        }
    }
}

function syncFlash() {
    flashSnapshot = snapshotFlash();
    if (config.flashDir) {
        writeHostDir(config.flashDir, hostSnapshot, flashSnapshot);
        hostSnapshot = flashSnapshot;
    }
    return flashSnapshot;
}

// ---------------------------------------------------------------- main

if (config.flashDir) {
    hostSnapshot = loadHostDir(config.flashDir);
    flashSnapshot = hostSnapshot;
}
if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.on('data', (chunk) => {
    input.push(chunk);
    checkRawPasteOverrun();
    if (input.length > IN_QUEUE_MAX) process.stdin.pause();
    schedulePump(0);
});
process.stdin.on('end', () => {
    stdinEnded = true;
    schedulePump(0);
});
await boot(flashSnapshot);
schedulePump(0);
