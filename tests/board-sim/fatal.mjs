// The WebAssembly MicroPython's fatal paths, made visible. The build's nlr_jump_fail (an exception raised where
// nothing can catch it) is `while (1);`: the simulator would spin at 100% CPU and never answer again. That happens
// when a command's exception cannot be handed to JavaScript because the heap is full to the last block (the
// traceback is formatted into a 64-byte buffer on the heap; a board prints it without allocating). The loop is
// replaced by a trap, which the simulator catches and reports as the board would, with a MemoryError.
//
// Also found here: the address of the port's external call depth (main.c), which the trap leaves raised; while it
// is raised the port never collects garbage at the top level again.

// A function body of no locals that is `loop br 0 end end`: `while (1);`, 7 bytes with its size.
const SPIN = Buffer.from('070003400c000b0b', 'hex');
// The same size: `unreachable`, four `nop`s, `end`.
const TRAP = Buffer.from('070000010101010b', 'hex');

// `external_call_depth_inc()`, the start of every exported entry point of main.c:
// i32.const 0, i32.const 0, i32.load offset=A, i32.const 1, i32.add, i32.store offset=A (A: 5-byte LEB128).
const DEPTH_INC = /\x41\x00\x41\x00\x28\x02([\x80-\xff]{4}[\x00-\x7f])\x41\x01\x6a\x36\x02\1/g;

// patched: the loops replaced; depthAddress: -1 when not found; exports: the latest instance's (each boot makes one)
export const fatal = { patched: 0, depthAddress: -1, exports: null };

function leb(bytes) {
    let value = 0;
    for (let i = bytes.length - 1; i >= 0; i--) value = value * 128 + (bytes[i] & 0x7f);
    return value;
}

function patch(binary) {
    const bytes = Buffer.from(binary);
    for (let at = bytes.indexOf(SPIN); at >= 0; at = bytes.indexOf(SPIN, at + SPIN.length)) {
        TRAP.copy(bytes, at);
        fatal.patched++;
    }
    // every entry point increments the same address; anything else and the depth is not touched
    const addresses = new Set([...bytes.toString('latin1').matchAll(DEPTH_INC)].map((m) => leb(Buffer.from(m[1], 'latin1'))));
    fatal.depthAddress = addresses.size === 1 ? [...addresses][0] : -1;
    return bytes;
}

const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (source, ...rest) {
    const binary = source instanceof ArrayBuffer || ArrayBuffer.isView(source);
    const result = await instantiate.call(this, binary ? patch(source) : source, ...rest);
    if (result.instance) fatal.exports = result.instance.exports;
    return result;
};

// Calls into the interpreter; a trap (a fatal path above) leaves it as after a caught exception: the C stack
// back where it was and the external call depth at 0. Returns true when it trapped.
export function trapped(call) {
    const stack = fatal.exports.emscripten_stack_get_current();
    try {
        call();
        return false;
    } catch (e) {
        if (!(e instanceof WebAssembly.RuntimeError) || !/unreachable/.test(e.message)) throw e;
        fatal.exports._emscripten_stack_restore(stack);
        if (fatal.depthAddress >= 0) memory()[fatal.depthAddress >> 2] = 0;
        return true;
    }
}

function memory() {
    const exported = Object.values(fatal.exports).find((e) => e instanceof WebAssembly.Memory);
    return new Int32Array(exported.buffer);
}
