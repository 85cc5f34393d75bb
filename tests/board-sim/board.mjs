// Simulated MicroPython board on stdin/stdout, built on the official MicroPython
// WebAssembly build. Run it behind socat to get a serial port:
//   socat PTY,link=/tmp/board,raw,echo=0 EXEC:"node /abs/path/board.mjs"
// See README.md for the environment variables and the limits.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';
import { fatal, trapped } from './fatal.mjs';

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

const machineSource = fs.readFileSync(fileURLToPath(new URL('machine.py', import.meta.url)));
const supportSource = fs.readFileSync(fileURLToPath(new URL('simsupport.py', import.meta.url)));
const flashSource = fs.readFileSync(fileURLToPath(new URL('simflash.py', import.meta.url)));

// Board profiles: what a real board adds to the simulator's kind defaults. Sources and reasoning in README.md.
//   baud: UART line rate (null: unthrottled); frameMs: USB full-speed frames (data moves once a frame);
//   heapFree: gc.mem_free() after boot (null: the wasm build's own heap, which grows on demand);
//   commandMs: device overhead per raw REPL command (turnaround, compile); eraseMs per 4 KB sector and
//   pageMs per 256-byte page of SPI flash written.
const PROFILES = {
    ideal: { baud: null, frameMs: 0, heapFree: null, commandMs: 0, eraseMs: 0, pageMs: 0 },
    esp8266: { baud: 115200, frameMs: 0, heapFree: 30 * 1024, commandMs: 60, eraseMs: 45, pageMs: 0.7 },
    esp32: { baud: 115200, frameMs: 0, heapFree: 110 * 1024, commandMs: 30, eraseMs: 45, pageMs: 0.7 },
    'usb-cdc': { baud: null, frameMs: 1, heapFree: 160 * 1024, commandMs: 5, eraseMs: 45, pageMs: 0.4 },
};
// USB full speed: at most 19 bulk packets of 64 bytes per 1 ms frame.
const USB_BYTES_PER_FRAME = 19 * 64;
const config = readConfig(process.env);

function readConfig(env) {
    const profileName = env.SIM_PROFILE || 'ideal';
    const profile = PROFILES[profileName];
    if (!profile) {
        throw new Error(`SIM_PROFILE must be one of ${Object.keys(PROFILES).join(', ')}, got ${env.SIM_PROFILE}`);
    }
    const window = env.SIM_RAW_PASTE_WINDOW === undefined ? 512 : Number(env.SIM_RAW_PASTE_WINDOW);
    if (!Number.isInteger(window) || window < 1 || window > 0xffff) {
        throw new Error(`SIM_RAW_PASTE_WINDOW must be an integer in 1..65535, got ${env.SIM_RAW_PASTE_WINDOW}`);
    }
    // unset: the profile's line; empty: unthrottled
    const baud = env.SIM_BAUD === undefined ? profile.baud : env.SIM_BAUD === '' ? null : Number(env.SIM_BAUD);
    if (baud !== null && !(baud >= 10)) {
        throw new Error(`SIM_BAUD must be a number >= 10, got ${env.SIM_BAUD}`);
    }
    return {
        rawPasteWindow: window,
        noRawPaste: env.SIM_NO_RAW_PASTE === '1',
        flashSize: env.SIM_FLASH_SIZE ? Number(env.SIM_FLASH_SIZE) : null,
        noStatvfs: env.SIM_NO_STATVFS === '1',
        runMain: env.SIM_RUN_MAIN === '1',
        flashDir: env.SIM_FLASH_DIR ? path.resolve(env.SIM_FLASH_DIR) : null,
        bytesPerSecond: baud === null ? (profile.frameMs ? USB_BYTES_PER_FRAME * 1000 / profile.frameMs : null) : baud / 10,
        sliceMs: baud === null && profile.frameMs ? profile.frameMs : SLICE_MS,
        profileName,
        profile,
        trace: env.SIM_TRACE === '1',
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
        this.burst = Math.max(1, this.rate * config.sliceMs * 2);
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

// Device time: a command's answer waits until busyUntil (per-command overhead and flash writes).
let busyUntil = 0;
let flashMs = 0; // flash cost of the bytes written by the running command
let commandStart = 0;
let commandCount = 0;

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
    if (performance.now() < busyUntil) return;
    const n = outPacer ? outPacer.take(output.length) : output.length;
    if (n > 0) process.stdout.write(output.take(n));
}

// ---------------------------------------------------------------- input loop

function schedulePump(delay) {
    if (pumpTimer === null) pumpTimer = setTimeout(pump, delay);
}

function pump() {
    pumpTimer = null;
    const wait = busyUntil - performance.now();
    if (wait > 0) {
        pumpTimer = setTimeout(pump, Math.ceil(wait));
        return;
    }
    while (input.length > 0 && !booting && performance.now() >= busyUntil && output.length <= OUT_BACKLOG_MAX && (!inPacer || inPacer.take(1) === 1)) {
        handleByte(input.shift());
        flushOutput();
    }
    flushOutput();
    if (input.length < IN_QUEUE_MAX / 2 && !stdinEnded) process.stdin.resume();

    const inputPending = input.length > 0 && !booting;
    if (inputPending || output.length > 0) {
        schedulePump(inPacer ? config.sliceMs : 0);
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
    if (c === CTRL_D && rawLineLength > 0) {
        rawLine = [];
        rawLineLength = 0;
        runCommand(() => feedAndForward(c));
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
        flushOutput();
        runCommand(() => {
            if (heapCapped) {
                execRawPaste(Buffer.from(state.code));
                return;
            }
            for (const b of state.code) mp.replProcessChar(b);
            takeWasmOutput();
            feedAndForward(CTRL_D, 'OK');
        });
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

// Raw-paste on a board with a profile's heap. A board compiles raw-paste code as it streams in, so the
// source never sits in its heap; the wasm raw REPL would keep it all in its line buffer. So the source goes
// to the interpreter from memory outside its heap (mp_js_do_exec, what runPython calls, but with the
// bytes as they are): the heap then holds what compiling and running the code take, as on the board.
function execRawPaste(code) {
    collectGarbage();
    const error = execOutsideHeap(code);
    if (error && error.trapped) collectAfterTrap();
    emit(takeWasmOutput());
    if (error && error.type === 'SystemExit') {
        emit('\x04\x04');
        reset(hardResetRequested);
        hardResetRequested = false;
        return;
    }
    emit([CTRL_D]);
    if (error) emit(error.traceback.replace(/\r?\n/g, '\r\n'));
    emit('\x04>');
}

// The wasm port collects garbage only at the top level, after a call in which an allocation asked for a
// collection; a board collects whenever an allocation needs it, so what earlier commands left never costs a
// command its memory there. Here it is collected before every command (a command's own garbage still stays until
// it ends: the port cannot scan its stack while code runs).
function collectGarbage() {
    const error = execOutsideHeap(Buffer.from("__import__('gc').collect()\n"));
    if (error && error.trapped) collectAfterTrap();
}

// After a trap the collection the failed allocation asked for has not run: any call into the interpreter runs it
// on its way out. Ctrl-C on the raw REPL's empty line allocates nothing.
function collectAfterTrap() {
    mp.replProcessChar(CTRL_C);
    takeWasmOutput();
}

// Python the simulator runs itself (setup, boot.py and main.py).
function runSetup(code) {
    if (!heapCapped) {
        mp.runPython(code);
        return;
    }
    const error = execOutsideHeap(Buffer.from(code));
    if (error) throw new Error(`board-sim: setup failed: ${error.traceback}`);
}

function execOutsideHeap(code) {
    const M = mp._module;
    // the reserve gives way to the source; what is left is too small for the heap to grow into
    const reserved = execReserve;
    if (reserved) M._free(execReserve);
    const fill = (reserved ? execReserveSize : 0) - code.length - 1 - 1024;
    const filler = fill > 0 ? M._malloc(fill) : 0;
    const buf = M._malloc(code.length + 1);
    const value = M._malloc(12);
    try {
        if (!buf || !value) {
            return { type: 'MemoryError', traceback: `MemoryError: memory allocation failed, allocating ${code.length} bytes\n` };
        }
        for (let i = 0; i < code.length; i++) M.setValue(buf + i, code[i], 'i8');
        M.setValue(buf + code.length, 0, 'i8');
        if (trapped(() => M.ccall('mp_js_do_exec', 'number', ['pointer', 'number', 'pointer'], [buf, code.length, value]))) {
            // the heap was full to the last block when the traceback was to be formatted (fatal.mjs)
            process.stderr.write('board-sim: heap exhausted, the traceback could not be formatted\n');
            return { type: 'MemoryError', traceback: 'MemoryError: memory allocation failed\n', trapped: true };
        }
        if (M.getValue(value, 'i32') !== -1) return null; // PROXY_KIND_MP_EXCEPTION
        const length = M.getValue(value + 4, 'i32');
        const ptr = M.getValue(value + 8, 'i32');
        const text = M.UTF8ToString(ptr, length);
        M._free(ptr);
        const sep = text.indexOf('\x04');
        return { type: text.slice(0, sep), traceback: text.slice(sep + 1) };
    } finally {
        if (value) M._free(value);
        if (buf) M._free(buf);
        if (filler) M._free(filler);
        execReserve = 0;
        for (let size = EXEC_RESERVE; !execReserve && size >= 1 << 16; size /= 2) {
            execReserve = M._malloc(size);
            if (execReserve) execReserveSize = size;
        }
        if (!execReserve) process.stderr.write('board-sim: no memory left outside the heap for commands\n');
    }
}

// Runs one raw REPL command as the profile's board would: its answer comes after the per-command overhead and
// the time its flash writes take (from the command's end, so the simulator's own run time counts in).
function runCommand(run) {
    commandStart = performance.now();
    flashMs = 0;
    if (config.trace) process.stderr.write(`board-sim: command ${++commandCount} starts\n`);
    run();
    if (config.trace) process.stderr.write(`board-sim: command ${commandCount} ran ${(performance.now() - commandStart).toFixed(1)} ms\n`);
    const cost = config.profile.commandMs + flashMs;
    if (cost > 0) busyUntil = commandStart + cost;
}

// Counts the flash a write costs: sector erases and page programs, in proportion to the bytes written.
function hookFlashWrites(FS) {
    const { eraseMs, pageMs } = config.profile;
    if (!eraseMs && !pageMs) return;
    const write = FS.write;
    FS.write = function (stream, buffer, offset, length, ...rest) {
        
        if (stream.path && stream.path.startsWith(`${FLASH_ROOT}/`)) flashMs += length * (eraseMs / 4096 + pageMs / 256);
        return write.call(this, stream, buffer, offset, length, ...rest);
    };
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
const SETUP_CODE = (heapFree) => `
def _sim_setup():
    import sys, vfs, os
    sys.path.insert(0, "${SUPPORT_DIR}")
    import machine, simsupport${config.flashSize === null && !config.noStatvfs ? '' : ', simflash'}
    sys.path.pop(0)
    vfs.umount("/")
    vfs.mount(simsupport.Vfs(vfs.VfsPosix("${FLASH_ROOT}")), "/")
    os.chdir("/")
${config.flashSize === null && !config.noStatvfs ? '' : `    simflash.install(simsupport.Vfs, ${config.flashSize === null ? 'None' : config.flashSize}, ${config.noStatvfs ? 'False' : 'True'})
`}    simsupport.install(${heapFree === null ? 'None' : heapFree})
_sim_setup()
del _sim_setup
`;

// The wasm build grows its heap from the host whenever it runs out. A profile with a heap figure stops that:
// the wasm memory may no longer grow and what its allocator still holds is taken, so the MicroPython heap
// stays as it is and an allocation that does not fit raises MemoryError where MicroPython's own code raises it.
let growBlocked = false;
// Outside-heap memory kept for the source of raw-paste commands on a capped board (0: not capped).
const EXEC_RESERVE = 1 << 20;
let execReserve = 0;
let execReserveSize = 0;
let heapCapped = false;
const LIBC_HOLES = 32;
const LIBC_HOLE_SIZE = 2304;
const wasmGrow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function (delta) {
    if (growBlocked) throw new RangeError('board-sim: the board has no more memory');
    return wasmGrow.call(this, delta);
};
// Emscripten reports every refused growth on stderr; on a board it is just a MemoryError.
const consoleError = console.error;
console.error = (...args) => {
    if (growBlocked && /grow(ing)? the heap|growMemory/i.test(String(args[0]))) return;
    consoleError(...args);
};

function capHeap(module) {
    growBlocked = true;
    heapCapped = true;
    execReserve = module._malloc(EXEC_RESERVE);
    execReserveSize = EXEC_RESERVE;
    // The C library still needs a little: a directory stream (2 KB), the calls from JavaScript into the
    // interpreter. It gets holes that fit those and are too small for the heap to grow into (a new heap area
    // needs 2 KB more than the allocation it is for).
    const holes = [];
    for (let i = 0; i < LIBC_HOLES; i++) {
        holes.push(module._malloc(LIBC_HOLE_SIZE));
        module._malloc(16); // keeps the holes apart
    }
    for (const size of [1 << 24, 1 << 20, 1 << 16, 1 << 12, 256, 16]) {
        while (module._malloc(size)) { /* taken */ }
    }
    for (const hole of holes) module._free(hole);
}

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
    growBlocked = false;
    heapCapped = false;
    execReserve = 0;
    const heapFree = config.profile.heapFree;
    const interp = await loadMicroPython({
        ...(heapFree === null ? {} : { heapsize: heapFree + 96 * 1024 }),
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
    FS.writeFile(`${SUPPORT_DIR}/simsupport.py`, supportSource);
    FS.writeFile(`${SUPPORT_DIR}/simflash.py`, flashSource);
    hookFlashWrites(FS);
    interp.registerJsModule('_simboard', { hard_reset: () => { hardResetRequested = true; } });
    mp = interp;
    if (heapFree !== null) capHeap(interp._module);
    runSetup(SETUP_CODE(heapFree));
    if (heapFree !== null) {
        // again once the setup code is garbage, to take what it held
        for (let i = 0; i < 2; i++) runSetup(`import simsupport\nsimsupport.settle(${heapFree})\ndel simsupport\n`);
    }
    takeWasmOutput();

    if (config.runMain) {
        runSetup(RUN_SCRIPT_CODE('boot.py'));
        if (!rawMode) runSetup(RUN_SCRIPT_CODE('main.py')); // boards skip main.py in raw REPL
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
const recording = process.env.SIM_RECORD ? fs.openSync(`${process.env.SIM_RECORD}.${process.pid}`, 'w') : null;
process.stdin.on('data', (chunk) => {
    if (recording !== null) fs.writeSync(recording, chunk);
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
