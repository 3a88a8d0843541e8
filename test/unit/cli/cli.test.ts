// The command-line runner, run for real as a child process (dist/cli.js when it has been built,
// else tsc's out/src/cli/main.js) on fixture programs: exit statuses, the JSON document, the
// text reports and the one-line errors for bad input.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

function newest(paths: readonly string[]): string {
  const present = paths.filter((p) => fs.existsSync(p));
  return present.reduce((best, p) => (fs.statSync(p).mtimeMs > fs.statSync(best).mtimeMs + 1000 ? p : best), present[0]);
}

const ROOT = path.resolve(__dirname, '../../../..');
/** The bundle when present, unless tsc's output is newer (a stale bundle would test old code). */
const CLI = newest([path.join(ROOT, 'dist/cli.js'), path.join(ROOT, 'out/src/cli/main.js')]);
const FIXTURES = path.join(ROOT, 'test/unit/cli/fixtures');
const TRACE_C = [path.join(ROOT, 'test/fixtures/programs/trace.c'), path.join(ROOT, 'samples/trace.c')].find((p) => fs.existsSync(p))!;
const MiB = 1024 * 1024;

interface CliResult { status: number | null; stdout: string; stderr: string }

function cli(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

interface RunJson {
  schema: string;
  status: string;
  exitCode: number | null;
  signal: number | null;
  stoppedAt: { file: string; line: number } | null;
  steps: number;
  stdout: string;
  stderr: string;
  footprint: { virtual: number; resident: number; dirty: number; swapped: number; physFootprint: number; physFootprintPeak: number };
  zones: { name: string; virtual: number; resident: number; dirty: number; swapped: number; allocationCount: number; bytesAllocated: number; regionCount: number }[];
  regions: { type: string; start: string; end: string; virtual: number; resident: number; dirty: number; swapped: number; detail: string }[];
  allocations: { address: string; size: number; blockSize: number; zone: string; site: { file: string; line: number } | null }[];
  errors: { kind: string; address: string | null; message: string; file: string | null; line: number | null }[];
  reports?: Record<string, string>;
}

function json(r: CliResult): RunJson {
  assert.doesNotThrow(() => JSON.parse(r.stdout), `stdout is not one JSON document:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return JSON.parse(r.stdout) as RunJson;
}

function regionContaining(doc: RunJson, address: number) {
  return doc.regions.find((r) => Number.parseInt(r.start, 16) <= address && address < Number.parseInt(r.end, 16));
}

/** A usage error: status 2, one line on stderr naming the problem, no stack trace. */
function assertUsageError(r: CliResult, pattern: RegExp): void {
  assert.strictEqual(r.status, 2, `status ${r.status}, stderr: ${r.stderr}`);
  assert.match(r.stderr, pattern);
  assert.strictEqual(r.stderr.trim().split('\n').length, 1, `expected one line, got:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.strictEqual(r.stdout, '');
}

suite('cli: mallocscope run', function () {
  this.timeout(60_000);

  test('seed trace.c with MallocNanoZone=0 stops at line 23 with the article\'s malloc zone', () => {
    const doc = json(cli('run', TRACE_C, '--env', 'MallocNanoZone=0', '--stop-at', '23', '--json'));
    assert.strictEqual(doc.schema, 'mallocscope/run@1');
    assert.strictEqual(doc.status, 'stopped');
    assert.strictEqual(doc.stoppedAt?.line, 23);
    assert.strictEqual(path.basename(doc.stoppedAt!.file), 'trace.c');
    assert.strictEqual(doc.exitCode, null);
    assert.ok(doc.steps > 2000, `steps ${doc.steps}`);
    const m = /^PID: 4242 {2}big=(0x[0-9a-f]+)\n$/.exec(doc.stdout);
    assert.ok(m, `stdout ${JSON.stringify(doc.stdout)}`);
    const big = Number.parseInt(m[1], 16);

    const zone = doc.zones.find((z) => z.name.startsWith('DefaultMallocZone'));
    assert.ok(zone, `zones: ${doc.zones.map((z) => z.name).join(', ')}`);
    assert.strictEqual(zone.virtual, 19 * MiB);
    assert.strictEqual(zone.regionCount, 3);
    const malloc = doc.regions.filter((r) => /^MALLOC_(TINY|SMALL|LARGE|NANO|MEDIUM)/.test(r.type));
    assert.deepStrictEqual(malloc.map((r) => [r.type.replace(/ .*/, ''), r.virtual]).sort(),
      [['MALLOC_LARGE', 10 * MiB], ['MALLOC_SMALL', 8 * MiB], ['MALLOC_TINY', 1 * MiB]]);
    assert.strictEqual(regionContaining(doc, big)?.type.replace(/ .*/, ''), 'MALLOC_LARGE');

    const phys = doc.footprint.physFootprint;
    assert.ok(Math.abs(phys - 11.3 * MiB) <= 0.1 * 11.3 * MiB, `physFootprint ${(phys / MiB).toFixed(2)} MiB`);
    const small = doc.allocations.filter((a) => a.size === 64 && a.site?.line === 10);
    assert.strictEqual(small.length, 1000);
    assert.ok(small.every((a) => a.zone === 'tiny'));
    for (const a of doc.allocations) assert.match(a.address, /^0x[0-9a-f]+$/);
  });

  test('with the nano zone on, the 64-byte blocks live in MALLOC_NANO at 0x600000000000', () => {
    const doc = json(cli('run', TRACE_C, '--stop-at', '23', '--json'));
    assert.strictEqual(doc.status, 'stopped');
    const small = doc.allocations.filter((a) => a.size === 64 && a.site?.line === 10);
    assert.strictEqual(small.length, 1000);
    assert.ok(small.every((a) => a.zone === 'nano'), `zones: ${[...new Set(small.map((a) => a.zone))].join(',')}`);
    const first = Math.min(...small.map((a) => Number.parseInt(a.address, 16)));
    const region = regionContaining(doc, first);
    assert.ok(region?.type.startsWith('MALLOC_NANO'), `region ${JSON.stringify(region)}`);
    assert.strictEqual(region!.start, '0x600000000000');
  });

  test('runs trace.c to exit with the program\'s output passed through and status 0 (sleep is simulated)', () => {
    const started = Date.now();
    const r = cli('run', TRACE_C);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^PID: 4242 {2}big=0x[0-9a-f]+\n$/);
    assert.ok(Date.now() - started < 60_000);
  });

  test('the exit status is the program\'s own; program arguments after -- and --args reach argv', () => {
    const r = cli('run', fixture('exit3.c'), '--', 'one', '--json', 'three');
    assert.strictEqual(r.status, 3, r.stderr);
    assert.strictEqual(r.stdout, 'argc=4 [one] [--json] [three]\n');
    const r2 = cli('run', fixture('exit3.c'), '--args', 'x', 'y');
    assert.strictEqual(r2.stdout, 'argc=3 [x] [y]\n');
    const doc = json(cli('run', fixture('exit3.c'), '--json'));
    assert.strictEqual(doc.status, 'exited');
    assert.strictEqual(doc.exitCode, 3);
    assert.strictEqual(doc.signal, null);
    assert.strictEqual(doc.stdout, 'argc=1\n');
  });

  test('a double free prints libmalloc\'s message, dies by SIGABRT (134) and is listed in errors[]', () => {
    const r = cli('run', fixture('double_free.c'), '--env', 'MallocNanoZone=0');
    assert.strictEqual(r.status, 134);
    assert.match(r.stderr, /^double_free\(4242,0x[0-9a-f]+\) malloc: Double free of object 0x[0-9a-f]+\n/);
    assert.match(r.stderr, /malloc_error_break/);
    assert.match(r.stderr, /Abort trap: 6\n$/);
    const doc = json(cli('run', fixture('double_free.c'), '--env', 'MallocNanoZone=0', '--json'));
    assert.strictEqual(doc.status, 'crashed');
    assert.strictEqual(doc.signal, 6);
    assert.strictEqual(doc.exitCode, 134);
    assert.strictEqual(doc.errors.length, 1);
    assert.strictEqual(doc.errors[0].kind, 'double-free');
    assert.strictEqual(doc.errors[0].line, 6);
    assert.match(doc.errors[0].address ?? '', /^0x[0-9a-f]+$/);
    assert.match(doc.stderr, /malloc: Double free/);
  });

  test('a nano double free is libmalloc\'s "pointer being freed was not allocated"', () => {
    const doc = json(cli('run', fixture('double_free.c'), '--json'));
    assert.strictEqual(doc.status, 'crashed');
    assert.strictEqual(doc.exitCode, 134);
    assert.strictEqual(doc.errors[0].kind, 'not-allocated');
    assert.match(doc.errors[0].message, /pointer being freed was not allocated/);
    assert.match(doc.errors[0].address ?? '', /^0x6000/);
  });

  test('a NULL dereference dies by SIGSEGV (139) after the output flushed before it', () => {
    const r = cli('run', fixture('null_deref.c'));
    assert.strictEqual(r.status, 139, r.stderr);
    assert.strictEqual(r.stdout, 'before\n');
    assert.match(r.stderr, /Segmentation fault: 11\n$/);
    const doc = json(cli('run', fixture('null_deref.c'), '--json'));
    assert.strictEqual(doc.status, 'crashed');
    assert.strictEqual(doc.signal, 11);
    assert.strictEqual(doc.errors[0].kind, 'segfault');
    assert.strictEqual(doc.errors[0].line, 6);
    assert.strictEqual(doc.errors[0].address, '0x0');
  });

  test('--no-tty makes stdout fully buffered: output still in the buffer dies with the process', () => {
    const r = cli('run', fixture('null_deref.c'), '--no-tty');
    assert.strictEqual(r.status, 139, r.stderr);
    assert.strictEqual(r.stdout, '');
    const ok = cli('run', fixture('exit3.c'), '--no-tty');
    assert.strictEqual(ok.stdout, 'argc=1\n', 'flushed at exit');
  });

  test('links several files and reads their local headers', () => {
    const dir = path.join(ROOT, 'test/adapter/fixtures/multi');
    const r = cli('run', path.join(dir, 'main.c'), path.join(dir, 'util.c'));
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'hello from util\n');
  });

  test('a compile error exits 2 with a clang-style diagnostic', () => {
    const r = cli('run', fixture('bad_syntax.c'));
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /bad_syntax\.c:2:\d+: error: /);
    assert.match(r.stderr, /\n\s*\^/, 'caret line');
    assert.strictEqual(r.stdout, '');
  });

  test('--max-steps stops an endless loop with status step-limit', () => {
    const doc = json(cli('run', fixture('spin.c'), '--max-steps', '5000', '--json'));
    assert.strictEqual(doc.status, 'step-limit');
    assert.ok(doc.steps >= 5000 && doc.steps <= 5001, `steps ${doc.steps}`);
    const r = cli('run', fixture('spin.c'), '--max-steps', '5000');
    assert.strictEqual(r.status, 124);
    assert.match(r.stderr, /--max-steps/);
  });

  test('a reader that closes the pipe early ends the run quietly (no stream error)', () => {
    // The program prints many lines; `head -n 1` closes the pipe after the first.
    const program = path.join(os.tmpdir(), `mallocscope-pipe-${process.pid}.c`);
    fs.writeFileSync(program, '#include <stdio.h>\nint main(void) { for (int i = 0; i < 200000; i++) printf("line %d\\n", i); return 0; }\n');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" run "${program}" | head -n 1`], { encoding: 'utf8', timeout: 120_000 });
    fs.rmSync(program, { force: true });
    assert.strictEqual(r.stdout, 'line 0\n');
    assert.strictEqual(r.stderr, '', `stderr: ${r.stderr}`);
  });

  test('--stdin feeds the program', () => {
    const input = path.join(FIXTURES, 'notes.txt');
    const r = cli('run', fixture('echo_stdin.c'), '--stdin', input);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, '1: not C\n');
  });

  test('--report vmmap and heap print Apple-style reports after the output; --json carries them as text', () => {
    const r = cli('run', TRACE_C, '--env', 'MallocNanoZone=0', '--stop-at', '23', '--report', 'vmmap', '--report', 'heap');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^PID: 4242/);
    assert.match(r.stdout, /MALLOC_LARGE/);
    assert.match(r.stdout, /DefaultMallocZone/);
    assert.match(r.stdout, /Physical footprint:/);
    const doc = json(cli('run', TRACE_C, '--stop-at', '23', '--report', 'vmmap', '--summary', '--json'));
    assert.deepStrictEqual(Object.keys(doc.reports ?? {}), ['vmmap']);
    assert.match(doc.reports!.vmmap, /MALLOC_NANO/);
  });

  test('--report leaks finds the block whose only pointer was overwritten, not the one a global holds', () => {
    const r = cli('run', fixture('leak.c'), '--stop-at', '9', '--report', 'leaks');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /\(48 bytes\) ROOT LEAK/);
    assert.doesNotMatch(r.stdout, /\(100 bytes\)/);
  });

  test('--history ADDRESS prints malloc_history of that block', () => {
    const doc = json(cli('run', TRACE_C, '--env', 'MallocNanoZone=0', '--stop-at', '23', '--json'));
    const big = /big=(0x[0-9a-f]+)/.exec(doc.stdout)![1];
    const r = cli('run', TRACE_C, '--env', 'MallocNanoZone=0', '--stop-at', '23', '--history', big);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`ALLOC ${big}-0x[0-9a-f]+ \\[size=10485760\\]`));
    assert.match(r.stdout, /\| main/);
  });

  suite('bad input: one clear line and status 2', () => {
    test('missing file', () => assertUsageError(cli('run', fixture('nope.c')), /nope\.c: no such file/));
    test('not a .c file', () => assertUsageError(cli('run', fixture('notes.txt')), /not a C source file/));
    test('a directory', () => {
      const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-cli-')), 'dir.c');
      fs.mkdirSync(dir);
      assertUsageError(cli('run', dir), /is a directory/);
    });
    test('a binary file named .c', () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-cli-')), 'blob.c');
      fs.writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
      assertUsageError(cli('run', file), /not a text file/);
    });
    test('unknown profile', () =>
      assertUsageError(cli('run', fixture('exit3.c'), '--profile', 'pdp-11'), /unknown profile 'pdp-11' \(known profiles: apple-silicon-16g/));
    test('malformed --env', () => assertUsageError(cli('run', fixture('exit3.c'), '--env', 'MallocNanoZone'), /malformed --env/));
    test('bad --stop-at', () => assertUsageError(cli('run', fixture('exit3.c'), '--stop-at', 'ten'), /bad --stop-at/));
    test('bad --report', () => assertUsageError(cli('run', fixture('exit3.c'), '--report', 'top'), /unknown --report 'top'/));
    test('unknown option', () => {
      const r = cli('run', fixture('exit3.c'), '--frobnicate');
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /unknown option '--frobnicate'/);
    });
    test('no files', () => {
      const r = cli('run');
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /missing required argument/);
    });
  });
});
