// Talking to `node board.mjs` over pipes, for the simulator's tests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BOARD = fileURLToPath(new URL('../board.mjs', import.meta.url));
export const TEST_TIMEOUT = 30000;
export const BANNER = 'MicroPython v1.27.0 on 2025-12-10; JS with Emscripten\r\nType "help()" for more information.\r\n>>> ';
export const RAW_PROMPT = 'raw REPL; CTRL-B to exit\r\n>';

export class Board {
    constructor(env = {}) {
        this.child = spawn(process.execPath, [BOARD], {
            env: { ...process.env, ...env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        this.out = Buffer.alloc(0); // unread output
        this.chunkSizes = [];
        this.stderr = '';
        this.waiter = null;
        this.child.stdout.on('data', (d) => {
            this.chunkSizes.push(d.length);
            this.out = Buffer.concat([this.out, d]);
            this.waiter?.check();
        });
        this.child.stderr.on('data', (d) => { this.stderr += d; });
        this.exit = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    }

    write(data) {
        this.child.stdin.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
    }

    // Resolves once `take(unread)` returns a length to consume; gives those bytes.
    wait(take, what, timeoutMs) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiter = null;
                reject(new Error(`timeout waiting for ${what}; unread: ${JSON.stringify(this.out.toString('latin1'))}; stderr: ${this.stderr}`));
            }, timeoutMs);
            this.waiter = {
                check: () => {
                    const n = take(this.out);
                    if (n < 0) return;
                    clearTimeout(timer);
                    this.waiter = null;
                    const got = this.out.subarray(0, n);
                    this.out = this.out.subarray(n);
                    resolve(got);
                },
            };
            this.waiter.check();
        });
    }

    // Reads up to and including `marker`; returns the text before it.
    async readUntil(marker, timeoutMs = 10000) {
        const m = Buffer.from(marker, 'latin1');
        const got = await this.wait((buf) => {
            const i = buf.indexOf(m);
            return i < 0 ? -1 : i + m.length;
        }, JSON.stringify(marker), timeoutMs);
        return got.subarray(0, got.length - m.length).toString('latin1');
    }

    readBytes(n, timeoutMs = 10000) {
        return this.wait((buf) => (buf.length >= n ? n : -1), `${n} bytes`, timeoutMs);
    }

    // Sends a line at the friendly REPL and returns what it printed (without the echo).
    async run(line) {
        this.write(`${line}\r`);
        await this.readUntil(`${line}\r\n`);
        return this.readUntil('>>> ');
    }

    // stderr is a separate pipe, so it may arrive after stdout.
    async waitForStderr(regex, timeoutMs = 5000) {
        const end = performance.now() + timeoutMs;
        while (!regex.test(this.stderr) && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
        assert.match(this.stderr, regex);
    }

    kill() {
        if (this.child.exitCode === null && this.child.signalCode === null) process.kill(this.child.pid, 'SIGKILL');
    }
}

export async function withBoard(env, body) {
    const board = new Board(env);
    try {
        await board.readUntil(typeof env.expectStart === 'string' ? env.expectStart : BANNER);
        return await body(board);
    } finally {
        board.kill();
    }
}

export function tmpFlash() {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'board-sim-flash-'));
}

// Host side of raw-paste as mpremote does it; returns [acks, stdout, stderr].
export async function rawPasteExec(board, code) {
    const data = Buffer.from(code);
    board.write('\x05A\x01');
    assert.equal((await board.readBytes(2)).toString('latin1'), 'R\x01');
    const window = (await board.readBytes(2)).readUInt16LE(0);
    let remain = window;
    let acks = 0;
    const readAck = async () => {
        const b = await board.readBytes(1);
        assert.equal(b[0], 0x01, 'only flow-control bytes expected during raw-paste');
        remain += window;
        acks++;
    };
    for (let i = 0; i < data.length;) {
        while (remain === 0 || board.out.length > 0) await readAck();
        const chunk = data.subarray(i, i + remain);
        board.write(chunk);
        remain -= chunk.length;
        i += chunk.length;
    }
    board.write('\x04');
    const beforeAck = await board.readUntil('\x04');
    assert.match(beforeAck, /^\x01*$/);
    acks += beforeAck.length;
    const stdout = await board.readUntil('\x04');
    const stderr = await board.readUntil('\x04');
    assert.equal((await board.readBytes(1)).toString('latin1'), '>');
    return { window, acks, stdout, stderr };
}

