// The conformance corpus: every test/conformance/*.c runs through the real engine (front end,
// interpreter, simulated libmalloc) and must print exactly what the native build printed.
// <name>.expected holds `exit N` on its first line, then the exact stdout; a <name>.stdin
// beside the program is fed to it. scripts/conformance-expected.js regenerates the files with gcc.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { StopInfo } from '../../src/machine/api';
import { createProcess } from '../../src/machine/process';

const corpus = path.join(__dirname, '..', '..', '..', 'test', 'conformance');

function runToExit(file: string, text: string, stdin: string | undefined): { stdout: string; status: number } {
  const r = createProcess({ sources: [{ path: file, text }], args: [], env: {}, stdoutIsTerminal: false, ...(stdin === undefined ? {} : { stdin }) });
  if (r.process === undefined) throw new Error('compile failed: ' + r.diagnostics.map((d) => `${d.loc.line}:${d.loc.column} ${d.message}`).join('; '));
  let stdout = '';
  r.process.onOutput((stream, chunk) => { if (stream === 'stdout') stdout += chunk; });
  for (let i = 0; i < 100_000; i++) {
    const stop: StopInfo = r.process.run('continue', 100_000);
    if (stop.reason === 'exited') return { stdout, status: stop.exitCode ?? (stop.signal === undefined ? 0 : 128 + stop.signal) };
    if (stop.reason === 'step-limit') throw new Error('step limit reached');
  }
  throw new Error('did not finish');
}

suite('conformance corpus', () => {
  const programs = fs.readdirSync(corpus).filter((f) => f.endsWith('.c')).sort();
  test('the corpus is not empty', () => { assert.ok(programs.length > 0); });
  for (const name of programs) {
    test(name, () => {
      const base = path.join(corpus, name.slice(0, -2));
      const expected = fs.readFileSync(base + '.expected', 'utf8');
      const newline = expected.indexOf('\n');
      const status = Number(/^exit (\d+)$/.exec(expected.slice(0, newline))?.[1]);
      const stdin = fs.existsSync(base + '.stdin') ? fs.readFileSync(base + '.stdin', 'utf8') : undefined;
      const got = runToExit(name, fs.readFileSync(base + '.c', 'utf8'), stdin);
      assert.strictEqual(got.stdout, expected.slice(newline + 1));
      assert.strictEqual(got.status, status);
    });
  }
});
