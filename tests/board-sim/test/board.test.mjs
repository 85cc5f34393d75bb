// Tests of the simulated board, talking to `node board.mjs` over pipes.
// Run with: node --test test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BOARD, TEST_TIMEOUT, BANNER, RAW_PROMPT, Board, withBoard, tmpFlash, rawPasteExec } from './sim.mjs';

test('starts with the banner and the friendly prompt, and an empty flash', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({}, async (board) => {
        assert.equal(await board.run('print(1+1)'), '2\r\n');
        assert.equal(await board.run('import os; print(os.listdir("/"), os.getcwd())'), "[] /\r\n");
    });
});

test('Ctrl-C at the friendly prompt drops the line', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({}, async (board) => {
        board.write('abc\x03');
        assert.equal(await board.readUntil('>>> '), 'abc\r\n');
        assert.equal(await board.run('print("still here")'), 'still here\r\n');
    });
});

test('raw REPL: OK, stdout, \\x04, stderr, \\x04, >', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({}, async (board) => {
        board.write('\x01');
        await board.readUntil(RAW_PROMPT);
        board.write('print("hi")\nprint(6*7)\x04');
        assert.equal((await board.readBytes(2)).toString(), 'OK');
        assert.equal(await board.readUntil('\x04'), 'hi\r\n42\r\n');
        assert.equal(await board.readUntil('\x04'), '');
        assert.equal((await board.readBytes(1)).toString(), '>');

        board.write('print("before")\n1/0\x04');
        assert.equal((await board.readBytes(2)).toString(), 'OK');
        assert.equal(await board.readUntil('\x04'), 'before\r\n');
        const err = await board.readUntil('\x04');
        assert.match(err, /^Traceback \(most recent call last\):\r\n[\s\S]*ZeroDivisionError: divide by zero\r\n$/);
        assert.equal((await board.readBytes(1)).toString(), '>');

        board.write('\x02');
        await board.readUntil(BANNER);
    });
});

test('raw-paste: flow control and output of a program over 2 KB', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({ SIM_RAW_PASTE_WINDOW: '300' }, async (board) => {
        board.write('\x01');
        await board.readUntil(RAW_PROMPT);
        let code = 'total = 0\n';
        for (let i = 0; i < 250; i++) code += `total += ${i}  # line ${i}\n`;
        code += 'print("total", total)\n';
        assert.ok(code.length > 2048);
        const result = await rawPasteExec(board, code);
        assert.equal(result.window, 300);
        assert.equal(result.acks, 1 + Math.floor(code.length / 300));
        assert.equal(result.stdout, `total ${(249 * 250) / 2}\r\n`);
        assert.equal(result.stderr, '');

        // The next one reports errors in the stderr part, and no "OK" is sent.
        const again = await rawPasteExec(board, 'print("x")\nraise ValueError("boom")\n');
        assert.equal(again.stdout, 'x\r\n');
        assert.match(again.stderr, /ValueError: boom\r\n$/);
        assert.equal(board.stderr, '');
    });
});

test('raw-paste: a host ignoring the flow control is reported on stderr', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({ SIM_RAW_PASTE_WINDOW: '64' }, async (board) => {
        board.write('\x01');
        await board.readUntil(RAW_PROMPT);
        board.write('\x05A\x01');
        await board.readUntil('R\x01');
        board.write(`print(${'1+'.repeat(200)}1)\n\x04`); // far more than the 128 bytes granted
        // window 64 (LE), the initial \x01, one per 64 bytes of the 409, the ack, the output
        assert.equal(await board.readUntil('\x04\x04>'), '@\x00' + '\x01'.repeat(7) + '\x04201\r\n');
        await board.waitForStderr(/raw-paste overrun: \d+ bytes pending, the flow control allows 128/);
    });
});

test('raw-paste: Ctrl-C cancels with a KeyboardInterrupt', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({}, async (board) => {
        board.write('\x01');
        await board.readUntil(RAW_PROMPT);
        board.write('\x05A\x01');
        await board.readBytes(5); // R \x01 window window \x01
        board.write('print("never")\x03');
        assert.equal((await board.readUntil('>')), '\x04\x04KeyboardInterrupt: \r\n\x04');
        board.write('print("after")\x04');
        assert.equal(await board.readUntil('\x04\x04>'), 'OKafter\r\n');
    });
});

test('SIM_NO_RAW_PASTE answers R\\x00 and the plain raw REPL still works', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({ SIM_NO_RAW_PASTE: '1' }, async (board) => {
        board.write('\x01');
        await board.readUntil(RAW_PROMPT);
        board.write('\x05A\x01');
        assert.equal((await board.readBytes(3)).toString('latin1'), 'R\x00>');
        board.write('print(2+3)\x04');
        assert.equal(await board.readUntil('\x04\x04>'), 'OK5\r\n');
    });
});

test('soft reset (Ctrl-D) keeps files, clears globals, shows the banner', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({}, async (board) => {
        assert.equal(await board.run("open('x.txt','w').write('hi')"), '2\r\n');
        await board.run('y = 5');
        board.write('\x04');
        assert.equal(await board.readUntil(BANNER), '\r\nMPY: soft reboot\r\n');
        assert.equal(await board.run("print(open('x.txt').read())"), 'hi\r\n');
        assert.match(await board.run('y'), /NameError: name 'y' isn't defined/);
    });
});

test('Ctrl-D on an empty raw REPL line soft-reboots and stays in the raw REPL', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({}, async (board) => {
        board.write('\x01');
        await board.readUntil(RAW_PROMPT);
        board.write('z = 1\x04');
        await board.readUntil('\x04\x04>');
        board.write('\x04');
        assert.equal(await board.readUntil(RAW_PROMPT), 'OK\r\nMPY: soft reboot\r\n');
        board.write('print("z" in globals())\x04');
        assert.equal(await board.readUntil('\x04\x04>'), 'OKFalse\r\n');
    });
});

test('SIM_FLASH_DIR is loaded, mirrored exactly, and survives a restart', { timeout: TEST_TIMEOUT }, async () => {
    const dir = tmpFlash();
    try {
        fs.mkdirSync(path.join(dir, 'lib'));
        fs.writeFileSync(path.join(dir, 'lib', 'pre.py'), 'VALUE = 7\n');
        await withBoard({ SIM_FLASH_DIR: dir }, async (board) => {
            assert.equal(await board.run('import os; print(os.listdir("/"))'), "['lib']\r\n");
            assert.equal(await board.run('import pre; print(pre.VALUE)'), '7\r\n');
            await board.run("open('x.txt','w').write('hi')");
            assert.equal(fs.readFileSync(path.join(dir, 'x.txt'), 'utf8'), 'hi');

            await board.run("os.mkdir('data'); open('data/a.bin','wb').write(bytes(range(256)))");
            assert.deepEqual(fs.readFileSync(path.join(dir, 'data', 'a.bin')), Buffer.from([...Array(256).keys()]));

            await board.run("os.rename('x.txt', 'y.txt'); os.remove('lib/pre.py'); os.rmdir('lib')");
            assert.deepEqual(fs.readdirSync(dir).sort(), ['data', 'y.txt']);
            assert.equal(fs.readFileSync(path.join(dir, 'y.txt'), 'utf8'), 'hi');
        });
        await withBoard({ SIM_FLASH_DIR: dir }, async (board) => {
            assert.equal(await board.run("print(open('y.txt').read(), len(open('data/a.bin','rb').read()))"), 'hi 256\r\n');
        });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

test('SIM_RUN_MAIN runs boot.py and main.py before the banner', { timeout: TEST_TIMEOUT }, async () => {
    const dir = tmpFlash();
    try {
        fs.writeFileSync(path.join(dir, 'boot.py'), 'print("boot ran")\n');
        fs.writeFileSync(path.join(dir, 'main.py'), 'greeting = "main ran"\nprint(greeting)\n');
        await withBoard({ SIM_FLASH_DIR: dir, SIM_RUN_MAIN: '1', expectStart: '>>> ' }, async (board) => {
            assert.equal(board.stderr, '');
            assert.equal(await board.run('print(greeting)'), 'main ran\r\n');
            board.write('\x01');
            await board.readUntil(RAW_PROMPT);
            board.write('\x04'); // soft reboot in the raw REPL: boot.py only
            assert.equal(await board.readUntil(RAW_PROMPT), 'OK\r\nMPY: soft reboot\r\nboot ran\r\n');
        });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

test('machine double: unique_id, Pin, ADC, reset', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({}, async (board) => {
        assert.equal(await board.run('import machine, ubinascii; print(ubinascii.hexlify(machine.unique_id()))'), "b'deadbeef0001'\r\n");
        assert.equal(await board.run('p = machine.Pin(2, machine.Pin.OUT); p.on(); print(p.value(), machine.ADC(0).read())'), '1 512\r\n');
        assert.equal(await board.run('import os; print(os.listdir("/"))'), '[]\r\n');
        board.write('machine.reset()\r');
        assert.equal(await board.readUntil(BANNER), 'machine.reset()\r\n');
        assert.match(await board.run('p'), /NameError/);
    });
});

test('SIM_BAUD=115200 paces 20 KB of output at about 11,520 bytes/s', { timeout: TEST_TIMEOUT }, async () => {
    await withBoard({ SIM_BAUD: '115200' }, async (board) => {
        const start = performance.now();
        board.write('print("x" * 20000)\r');
        const text = await board.readUntil('>>> ');
        const seconds = (performance.now() - start) / 1000;
        assert.ok(text.includes('x'.repeat(20000)));
        console.log(`20 KB at SIM_BAUD=115200: ${seconds.toFixed(2)} s (${Math.round(text.length / seconds)} B/s), largest chunk ${Math.max(...board.chunkSizes)} B`);
        assert.ok(seconds > 1.2 && seconds < 4, `took ${seconds} s`);
        assert.ok(Math.max(...board.chunkSizes) <= 2048, 'output should come in small slices, not bursts');
    });
});

test('idle board uses no CPU and exits when stdin closes', { timeout: TEST_TIMEOUT }, async () => {
    const board = new Board();
    try {
        await board.readUntil(BANNER);
        const cpuTicks = () => {
            const fields = fs.readFileSync(`/proc/${board.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            return Number(fields[11]) + Number(fields[12]); // utime + stime
        };
        await new Promise((r) => setTimeout(r, 300)); // let start-up JIT work settle
        const before = cpuTicks();
        await new Promise((r) => setTimeout(r, 1000));
        assert.ok(cpuTicks() - before <= 5, 'idle board should not spin');

        board.child.stdin.end();
        const result = await Promise.race([board.exit, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
        assert.deepEqual(result, { code: 0, signal: null });
    } finally {
        board.kill();
    }
});
