import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createProcess } from '../../../src/machine/process';

const DIR = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'programs');

suite('machine: test/fixtures/programs', function () {
  this.timeout(20_000);
  const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.c')).sort() : [];
  test('the fixture directory has programs', () => assert.ok(files.length > 0));
  for (const file of files) {
    test(`${file} runs to exit with the expected output`, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const r = createProcess({ sources: [{ path: file, text }], args: [], env: {} });
      assert.ok(r.process, r.diagnostics.map((d) => d.message).join('\n'));
      let stdout = '';
      r.process.onOutput((s, t) => { if (s === 'stdout') stdout += t; });
      let stop;
      for (;;) { stop = r.process.run('continue', 100_000); if (stop.reason === 'exited' || stop.reason === 'step-limit') break; }
      assert.strictEqual(stop.reason, 'exited');
      const expected = path.join(DIR, file.replace(/\.c$/, '.expected'));
      if (fs.existsSync(expected)) assert.strictEqual(stdout, fs.readFileSync(expected, 'utf8'));
      if (file === 'double_free.c') assert.strictEqual(stop.exitCode, 134);
      else assert.strictEqual(stop.exitCode, 0);
    });
  }
});
