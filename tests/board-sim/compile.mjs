// Compiles Python sources with the real MicroPython (the same WebAssembly build the simulated board runs) and
// reports syntax errors. Input on stdin: JSON [{"name": "main.py", "source": "..."}]. Output on stdout: JSON
// [{"name": "main.py", "error": null | "SyntaxError: ..."}]. Exit code 0 when it could check them all.
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';

const chunks = [];
for await (const chunk of process.stdin) {
	chunks.push(chunk);
}
const files = JSON.parse(Buffer.concat(chunks).toString('utf8'));
let output = '';
const mp = await loadMicroPython({ stdout: (line) => { output += line + '\n'; }, linebuffer: true });
const results = [];
for (const file of files) {
	mp.globals.set('_source', file.source);
	mp.globals.set('_name', file.name);
	output = '';
	mp.runPython(`
try:
    compile(_source, _name, 'exec')
    print('OK')
except SyntaxError as e:
    print('SyntaxError:', e)
`);
	const verdict = output.trim();
	results.push({ name: file.name, error: verdict === 'OK' ? null : verdict });
}
process.stdout.write(JSON.stringify(results));
