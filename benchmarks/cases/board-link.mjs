// Measures the simulated board's output rate: the board prints N bytes and we time their arrival on its stdout.
import { spawn } from 'node:child_process';

const BYTES = 40_000;

function measure(env) {
	return new Promise((resolve, reject) => {
		const board = spawn(process.execPath, ['tests/board-sim/board.mjs'], { env: { ...process.env, ...env } });
		const timer = setTimeout(() => { board.kill(); reject(new Error('board did not answer within 60 s')); }, 60_000);
		let seen = '';
		let start = 0;
		board.stdout.on('data', (chunk) => {
			seen += chunk.toString('latin1');
			if (!start && seen.endsWith('>>> ')) {
				seen = '';
				start = process.hrtime.bigint();
				board.stdin.write(`print('x' * ${BYTES})\r`);
			} else if (start && seen.includes('x'.repeat(BYTES))) {
				const seconds = Number(process.hrtime.bigint() - start) / 1e9;
				clearTimeout(timer);
				board.kill();
				resolve(BYTES / seconds);
			}
		});
	});
}

const throttled = await measure({ SIM_BAUD: '115200' });
console.log(`board.link.throttled.bps=${Math.round(throttled)}`);
console.log(`board.link.throttled.ratio=${(throttled / 11520).toFixed(3)}`);
const unthrottled = await measure({});
console.log(`board.link.unthrottled.bps=${Math.round(unthrottled)}`);
