// Board profiles: memory, errors and device time as on real boards (README.md, "Board profiles").
// Run with: node --test test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_TIMEOUT, RAW_PROMPT, withBoard, rawPasteExec } from './sim.mjs';

const HEAP_FREE = { esp8266: 30 * 1024, esp32: 110 * 1024, 'usb-cdc': 160 * 1024 };
const COMMAND_MS = { esp8266: 60, esp32: 30, 'usb-cdc': 5 };

async function rawRepl(board) {
    board.write('\x01');
    await board.readUntil(RAW_PROMPT);
}

// Plain raw REPL command; returns stdout, stderr and the milliseconds from its Ctrl-D to the prompt.
async function rawExec(board, code) {
    board.write(code);
    const start = performance.now();
    board.write('\x04');
    assert.equal(await board.readUntil('OK'), '');
    const stdout = await board.readUntil('\x04');
    const stderr = await board.readUntil('\x04>');
    return { stdout, stderr, ms: performance.now() - start };
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

for (const profile of Object.keys(HEAP_FREE)) {
    test(`${profile}: gc.mem_free() is the profile's heap and an allocation beyond it is a MemoryError`,
        { timeout: TEST_TIMEOUT }, async () => {
            await withBoard({ SIM_PROFILE: profile }, async (board) => {
                const free = Number(await board.run('import gc; gc.collect(); print(gc.mem_free())'));
                assert.ok(Math.abs(free - HEAP_FREE[profile]) < HEAP_FREE[profile] * 0.02, `mem_free ${free}`);
                assert.match(await board.run(`b = bytearray(${HEAP_FREE[profile] + 4096})`),
                    /^Traceback \(most recent call last\):\r\n {2}File "<stdin>", line 1, in <module>\r\nMemoryError: memory allocation failed, allocating \d+ bytes\r\n$/);
                assert.equal(await board.run(`b = bytearray(${Math.floor(HEAP_FREE[profile] / 2)}); print(len(b))`),
                    `${Math.floor(HEAP_FREE[profile] / 2)}\r\n`);
                // what the program holds is gone from the heap, as on a board
                const after = Number(await board.run('gc.collect(); print(gc.mem_free())'));
                assert.ok(after < free - HEAP_FREE[profile] / 2 + 1024, `mem_free after ${after}`);
            });
        });
}

test('esp8266: a raw-paste command the heap cannot hold fails with MemoryError, a smaller one runs',
    { timeout: TEST_TIMEOUT }, async () => {
        await withBoard({ SIM_PROFILE: 'esp8266', SIM_BAUD: '' }, async (board) => {
            await rawRepl(board);
            const big = await rawPasteExec(board, `b = b'${'x'.repeat(24 * 1024)}'\nprint(len(b))\n`);
            assert.equal(big.stdout, '');
            assert.match(big.stderr, /MemoryError: memory allocation failed, allocating \d+ bytes\r\n$/);
            const small = await rawPasteExec(board, `b = b'${'x'.repeat(4 * 1024)}'\nprint(len(b))\n`);
            assert.deepEqual([small.stdout, small.stderr], ['4096\r\n', '']);
        });
    });

test('errors carry MicroPython errno values, not Emscripten ones', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({}, async (board) => {
        assert.match(await board.run("open('missing.txt')"), /OSError: \[Errno 2\] ENOENT\r\n$/);
        await board.run("import os, errno");
        assert.match(await board.run("os.mkdir('d'); os.mkdir('d')"), /OSError: \[Errno 17\] EEXIST\r\n$/);
        assert.equal(await board.run('print(errno.ENOENT, errno.EEXIST, errno.errorcode[2])'), '2 17 ENOENT\r\n');
    });
});

test('esp8266: a command that fills the heap to the last block gets a MemoryError and the board answers on',
    { timeout: TEST_TIMEOUT }, async () => {
        await withBoard({ SIM_PROFILE: 'esp8266', SIM_BAUD: '' }, async (board) => {
            await rawRepl(board);
            // one-item tuples take every free block, the smallest too (no room left to format the traceback)
            const full = await rawPasteExec(board, 'def f():\n    x = ()\n    while True:\n        x = (x,)\nf()\n');
            assert.equal(full.stdout, '');
            assert.match(full.stderr, /MemoryError: memory allocation failed/);
            const after = await rawPasteExec(board, 'import gc\nprint(gc.mem_free() > 20000)\n');
            assert.deepEqual([after.stdout, after.stderr], ['True\r\n', '']);
        });
    });

// Median time from a command's Ctrl-D to its prompt, over nine commands.
async function commandTime(env) {
    return withBoard(env, async (board) => {
        await rawRepl(board);
        const times = [];
        for (let i = 0; i < 9; i++) times.push((await rawExec(board, 'x = 1')).ms);
        return median(times);
    });
}

for (const profile of Object.keys(COMMAND_MS)) {
    test(`${profile}: a command's answer comes after the profile's per-command time`, { timeout: TEST_TIMEOUT }, async () => {
        // unthrottled, so the time is the device's alone; the ideal board's time is the pipes' and timers' own
        const base = await commandTime({ SIM_PROFILE: 'ideal' });
        const ms = await commandTime({ SIM_PROFILE: profile, SIM_BAUD: profile === 'usb-cdc' ? undefined : '' }) - base;
        const expected = COMMAND_MS[profile];
        const frames = profile === 'usb-cdc' ? 2 : 0; // one frame in, one out
        assert.ok(ms >= expected * 0.9 && ms <= expected * 1.1 + frames, `${ms} ms over the ideal board's ${base}, expected ${expected}`);
    });
}

test('usb-cdc: writing 8 KB to flash costs its sector erases and page programs', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({ SIM_PROFILE: 'usb-cdc' }, async (board) => {
        await rawRepl(board);
        const times = [];
        for (let i = 0; i < 3; i++) {
            const { stderr, ms } = await rawExec(board, "f = open('a.bin', 'wb'); f.write(bytes(8192)); f.close()");
            assert.equal(stderr, '');
            times.push(ms);
        }
        const ms = median(times);
        const expected = 5 + 2 * 45 + 32 * 0.4; // W25Q16JV
        assert.ok(ms >= expected * 0.9 && ms <= expected * 1.1 + 3, `${ms} ms, expected ${expected}`);
    });
});
