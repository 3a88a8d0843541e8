// The standalone debug adapter driven over DAP by DebugClient: dist/debugAdapter.js when it has
// been bundled (`npx webpack --config-name debugAdapter`), else tsc's out/src/adapter/main.js.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';

import { FIXTURES, ROOT, startClient } from './client';

const STEPS = path.join(FIXTURES, 'steps.c');
const SPIN = path.join(FIXTURES, 'spin.c');
const CHATTER = path.join(FIXTURES, 'chatter.c');
const DOUBLE_FREE = path.join(FIXTURES, 'double_free.c');
const BAD_SYNTAX = path.join(FIXTURES, 'bad_syntax.c');
const TRACE = [path.join(ROOT, 'test/fixtures/programs/trace.c'), path.join(ROOT, 'samples/trace.c')].find((p) => fs.existsSync(p))!;
/** trace.c: `printf("PID: %d  big=%p\n", getpid(), big);` — after the allocations, before the output. */
const TRACE_PRINTF_LINE = 19;

suite('adapter: MallocscopeSession over DAP', function () {
  this.timeout(20_000);
  let dc: DebugClient;

  setup(async () => {
    dc = await startClient();
  });

  teardown(() => dc.stop());

  async function topFrame(): Promise<DebugProtocol.StackFrame> {
    const st = await dc.stackTraceRequest({ threadId: 1 });
    return st.body.stackFrames[0];
  }

  async function localsOfTopFrame(): Promise<DebugProtocol.Variable[]> {
    const frame = await topFrame();
    const scopes = await dc.scopesRequest({ frameId: frame.id });
    const locals = scopes.body.scopes.find((s) => s.name === 'Locals')!;
    return (await dc.variablesRequest({ variablesReference: locals.variablesReference })).body.variables;
  }

  function collectOutput(): { text: () => string; events: () => number } {
    let text = '';
    let events = 0;
    dc.on('output', (e: DebugProtocol.OutputEvent) => {
      if (e.body.category === 'stdout') {
        text += e.body.output;
        events++;
      }
    });
    return { text: () => text, events: () => events };
  }

  function readMemory(args: DebugProtocol.ReadMemoryArguments): Promise<DebugProtocol.ReadMemoryResponse> {
    return dc.send('readMemory', args) as Promise<DebugProtocol.ReadMemoryResponse>;
  }

  async function stopAtTracePrintf(): Promise<void> {
    await dc.hitBreakpoint({ program: TRACE } as DebugProtocol.LaunchRequestArguments, { path: TRACE, line: TRACE_PRINTF_LINE });
  }

  test('advertises only what it implements', async () => {
    const r = await dc.initializeRequest();
    const caps = r.body!;
    assert.strictEqual(caps.supportsConfigurationDoneRequest, true);
    assert.strictEqual(caps.supportsEvaluateForHovers, true);
    assert.strictEqual(caps.supportsTerminateRequest, true);
    assert.strictEqual(caps.supportsRestartRequest, true);
    assert.strictEqual(caps.supportsBreakpointLocationsRequest, true);
    assert.strictEqual(caps.supportsReadMemoryRequest, true);
    assert.strictEqual(caps.supportsStepBack, true);
    assert.ok(!caps.supportsValueFormattingOptions);
  });

  test('launches and runs to exit with the program\'s output', async () => {
    const output = collectOutput();
    const exited = dc.waitForEvent('exited');
    await Promise.all([dc.configurationSequence(), dc.launch({ program: STEPS } as DebugProtocol.LaunchRequestArguments), dc.waitForEvent('terminated')]);
    assert.strictEqual((await exited).body.exitCode, 0);
    assert.strictEqual(output.text(), 'b=9\n');
  });

  test('launch attributes reach the program: cwd-relative program, args, env, stdin and stdinFile', async () => {
    const output = collectOutput();
    const exited = dc.waitForEvent('exited');
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ cwd: FIXTURES, program: 'args_stdin.c', args: ['first'], env: { MODE: 'test' }, stdin: 'one\ntwo\n' } as DebugProtocol.LaunchRequestArguments),
      dc.waitForEvent('terminated'),
    ]);
    assert.strictEqual((await exited).body.exitCode, 7);
    assert.strictEqual(output.text(), 'argc=2 argv1=first mode=test\nread: one\nread: two\n');
  });

  test('stdinFile is read relative to cwd', async () => {
    const output = collectOutput();
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ cwd: FIXTURES, program: ['args_stdin.c'], stdinFile: 'input.txt' } as DebugProtocol.LaunchRequestArguments),
      dc.waitForEvent('terminated'),
    ]);
    assert.strictEqual(output.text(), 'argc=1 argv1=- mode=-\nread: from a file\n');
  });

  test('several files with a local header: a breakpoint in the second file, frames from both', async () => {
    const main = path.join(FIXTURES, 'multi/main.c');
    const util = path.join(FIXTURES, 'multi/util.c');
    await dc.hitBreakpoint({ program: [main, util] } as DebugProtocol.LaunchRequestArguments, { path: util, line: 9 });
    const st = await dc.stackTraceRequest({ threadId: 1 });
    assert.deepStrictEqual(st.body.stackFrames.map((f) => [f.name, f.source?.path, f.line]), [['make_buffer', util, 9], ['main', main, 6]]);
    const b = (await localsOfTopFrame()).find((v) => v.name === 'b');
    assert.match(b?.value ?? '', /^0x[0-9a-f]+ · nano · 112 B/);
  });

  test('stopOnEntry stops before the first statement of main', async () => {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ program: STEPS, stopOnEntry: true } as DebugProtocol.LaunchRequestArguments),
      dc.assertStoppedLocation('entry', { path: STEPS, line: 10 }),
    ]);
    const frame = await topFrame();
    assert.strictEqual(frame.name, 'main');
  });

  test('step over, step in and step out land where a line debugger does', async () => {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ program: STEPS, stopOnEntry: true } as DebugProtocol.LaunchRequestArguments),
      dc.assertStoppedLocation('entry', { path: STEPS, line: 10 }),
    ]);
    await Promise.all([dc.nextRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 11 })]);
    await Promise.all([dc.stepInRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 5 })]);
    assert.strictEqual((await topFrame()).name, 'square');
    const st = await dc.stackTraceRequest({ threadId: 1 });
    assert.deepStrictEqual(st.body.stackFrames.map((f) => f.name), ['square', 'main']);
    await Promise.all([dc.stepOutRequest({ threadId: 1 }), dc.waitForEvent('stopped')]);
    const back = await topFrame();
    assert.strictEqual(back.name, 'main');
    assert.ok(back.line === 11 || back.line === 12, `step out landed on line ${back.line}`);
    if (back.line === 11) await Promise.all([dc.nextRequest({ threadId: 1 }), dc.waitForEvent('stopped')]);
    assert.strictEqual((await topFrame()).line, 12);
    const b = (await localsOfTopFrame()).find((v) => v.name === 'b');
    assert.strictEqual(b?.value, '9');
  });

  test('a breakpoint in trace.c shows the small array and heap pointers with zone and size', async () => {
    await stopAtTracePrintf();
    const frame = await topFrame();
    assert.strictEqual(frame.line, TRACE_PRINTF_LINE);
    assert.strictEqual(frame.source?.path, TRACE);
    const locals = await localsOfTopFrame();
    const small = locals.find((v) => v.name === 'small');
    assert.ok(small, `locals: ${locals.map((v) => v.name).join(', ')}`);
    assert.ok(small.variablesReference > 0);
    assert.match(small.type ?? '', /\[1000\]/);
    const firstThree = (await dc.variablesRequest({ variablesReference: small.variablesReference, filter: 'indexed', start: 0, count: 3 })).body.variables;
    assert.strictEqual(firstThree.length, 3);
    for (const v of firstThree) assert.match(v.value, /^0x[0-9a-f]+ · nano · 64 B/);
    const big = locals.find((v) => v.name === 'big');
    assert.match(big?.value ?? '', /^0x[0-9a-f]+ · large · /);
    const scopes = await dc.scopesRequest({ frameId: frame.id });
    const heap = scopes.body.scopes.find((s) => s.name === 'Heap')!;
    const zones = (await dc.variablesRequest({ variablesReference: heap.variablesReference })).body.variables;
    const nano = zones.find((z) => z.name === 'nano');
    assert.match(nano?.value ?? '', /^\d+ live blocks, \d+ B$/);
    assert.ok(Number(/^\d+/.exec(nano!.value)![0]) >= 1000);
    const large = zones.find((z) => z.name === 'large')!;
    const blocks = (await dc.variablesRequest({ variablesReference: large.variablesReference })).body.variables;
    assert.ok(blocks.some((b) => b.value.startsWith('10485760 B (requested 10485760)')));
    assert.match(big?.memoryReference ?? '', /^0x[0-9a-f]+$/);
  });

  test('hovering a heap pointer gives its zone and size and expands to its history', async () => {
    await stopAtTracePrintf();
    const frame = await topFrame();
    const r = await dc.evaluateRequest({ expression: 'big', frameId: frame.id, context: 'hover' });
    assert.match(r.body.result, /^0x[0-9a-f]+ · large · .* — allocated at trace\.c:14 \(step \d+\) in main · live$/);
    assert.ok(r.body.variablesReference > 0);
    const rows = (await dc.variablesRequest({ variablesReference: r.body.variablesReference })).body.variables;
    const allocated = rows.find((v) => v.name === 'allocated at');
    assert.match(allocated?.value ?? '', /^trace\.c:14 \(step \d+\) in main$/);
    assert.strictEqual(rows.find((v) => v.name === 'status')?.value, 'live');
    const bad = dc.evaluateRequest({ expression: 'no_such_variable', frameId: frame.id, context: 'watch' });
    await assert.rejects(bad);
  });

  test('a freed pointer says where it was allocated and where it was freed', async () => {
    await dc.hitBreakpoint({ program: STEPS } as DebugProtocol.LaunchRequestArguments, { path: STEPS, line: 15 });
    const frame = await topFrame();
    const info = (await dc.customRequest('mallocscope/pointerInfo', { expression: 'p', frameId: frame.id })).body;
    assert.strictEqual(info.live, false);
    assert.strictEqual(info.requested, 24);
    assert.deepStrictEqual([info.allocated.line, info.allocated.function], [12, 'main']);
    assert.deepStrictEqual([info.freed.line, info.freed.function], [14, 'main']);
    const hover = await dc.evaluateRequest({ expression: 'p', frameId: frame.id, context: 'hover' });
    assert.match(hover.body.result, /— allocated at steps\.c:12 \(step \d+\) in main · freed at steps\.c:14 \(step \d+\) in main$/);
    const rows = (await dc.variablesRequest({ variablesReference: hover.body.variablesReference })).body.variables;
    assert.match(rows.find((v) => v.name === 'freed at')?.value ?? '', /^steps\.c:14 \(step \d+\) in main$/);
  });

  test('the debug console answers vmmap, zones, malloc_history, heap and help', async () => {
    await stopAtTracePrintf();
    const frame = await topFrame();
    const vmmap = await dc.evaluateRequest({ expression: 'vmmap -summary', frameId: frame.id, context: 'repl' });
    assert.match(vmmap.body.result, /Physical footprint:/);
    const zones = await dc.evaluateRequest({ expression: 'zones', frameId: frame.id, context: 'repl' });
    assert.match(zones.body.result, /DefaultMallocZone/);
    const big = (await dc.customRequest('mallocscope/pointerInfo', { expression: 'big', frameId: frame.id })).body;
    const history = await dc.evaluateRequest({ expression: `malloc_history 0x${big.address.toString(16)}`, frameId: frame.id, context: 'repl' });
    assert.match(history.body.result, new RegExp(`ALLOC 0x${big.address.toString(16)}-0x[0-9a-f]+ \\[size=10485760\\]`));
    const bySize = await dc.evaluateRequest({ expression: 'malloc_history -allBySize', frameId: frame.id, context: 'repl' });
    assert.match(bySize.body.result, /malloc_history Report Version/);
    const bad = await dc.evaluateRequest({ expression: 'malloc_history', frameId: frame.id, context: 'repl' });
    assert.match(bad.body.result, /^usage: malloc_history/);
    const heap = await dc.evaluateRequest({ expression: 'heap', frameId: frame.id, context: 'repl' });
    assert.match(heap.body.result, /zones/);
    const help = await dc.evaluateRequest({ expression: 'help', context: 'repl' });
    assert.match(help.body.result, /malloc_history ADDRESS/);
    const expr = await dc.evaluateRequest({ expression: 'small[0]', frameId: frame.id, context: 'repl' });
    assert.match(expr.body.result, /· nano · 64 B/);
  });

  test('custom requests: snapshot, history and pointerInfo', async () => {
    await stopAtTracePrintf();
    const frame = await topFrame();
    const snap = (await dc.customRequest('mallocscope/snapshot')).body;
    assert.strictEqual(snap.schema, 'mallocscope/snapshot@1');
    assert.strictEqual(snap.status, 'stopped');
    assert.strictEqual(snap.stoppedAt.line, TRACE_PRINTF_LINE);
    assert.ok(snap.regions.some((r: { type: string }) => r.type.startsWith('MALLOC_NANO')));
    assert.ok(snap.regions.some((r: { type: string }) => r.type.startsWith('MALLOC_LARGE')));
    assert.ok(snap.liveBlockCount >= 1001);

    const info = (await dc.customRequest('mallocscope/pointerInfo', { expression: 'big', frameId: frame.id })).body;
    assert.strictEqual(info.zone, 'large');
    assert.strictEqual(info.requested, 10 * 1024 * 1024);
    assert.strictEqual(info.live, true);
    assert.strictEqual(info.allocated.line, 14);
    assert.strictEqual(info.allocated.function, 'main');
    assert.strictEqual(info.freed, undefined);

    const history = (await dc.customRequest('mallocscope/history', { address: '0x' + info.address.toString(16) })).body;
    assert.strictEqual(history.address, info.address);
    // A large block is its own VM allocation: VM_ALLOC, then the ALLOC the program sees.
    const alloc = history.entries.find((e: { kind: string }) => e.kind === 'ALLOC');
    assert.strictEqual(alloc.address, info.address);
    assert.strictEqual(alloc.size, 10 * 1024 * 1024);
    const site = alloc.stack.find((f: { functionName: string }) => f.functionName === 'main');
    assert.strictEqual(site?.line, 14);
    assert.strictEqual(path.basename(site.file), 'trace.c');

    await assert.rejects(dc.customRequest('mallocscope/pointerInfo', { expression: 'small', frameId: frame.id }));
  });

  test('readMemory reads the simulated address space and reports unmapped bytes as unreadable', async () => {
    await stopAtTracePrintf();
    const frame = await topFrame();
    const locals = await localsOfTopFrame();
    const small = locals.find((v) => v.name === 'small')!;
    const big = locals.find((v) => v.name === 'big')!;
    const info = (await dc.customRequest('mallocscope/pointerInfo', { expression: 'big', frameId: frame.id })).body;
    const first = (await dc.variablesRequest({ variablesReference: small.variablesReference, filter: 'indexed', start: 0, count: 1 })).body.variables[0];
    // The array's own storage on the stack: its first 8 bytes are small[0], little-endian.
    const own = (await readMemory({ memoryReference: small.memoryReference!, count: 8 })).body!;
    const bytes = Buffer.from(own.data!, 'base64');
    assert.strictEqual(bytes.length, 8);
    assert.strictEqual('0x' + bytes.readBigUInt64LE(0).toString(16), /^0x[0-9a-f]+/.exec(first.value)![0]);
    // A pointer's memory reference is the memory it points at: the block memset to zero.
    assert.strictEqual(big.memoryReference, '0x' + info.address.toString(16));
    const block = (await readMemory({ memoryReference: big.memoryReference!, offset: 4096, count: 64 })).body!;
    assert.deepStrictEqual([...Buffer.from(block.data!, 'base64')], new Array(64).fill(0));
    assert.ok(!block.unreadableBytes);
    // Page zero is never mapped.
    const nul = (await readMemory({ memoryReference: '0x0', count: 16 })).body!;
    assert.strictEqual(Buffer.from(nul.data ?? '', 'base64').length, 0);
    assert.strictEqual(nul.unreadableBytes, 16);
  });

  test('pause stops an endless loop, and continue/pause work again', async () => {
    await Promise.all([dc.configurationSequence(), dc.launch({ program: SPIN } as DebugProtocol.LaunchRequestArguments)]);
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([dc.pauseRequest({ threadId: 1 }), dc.waitForEvent('stopped').then((e) => assert.strictEqual(e.body.reason, 'pause'))]);
    const frame = await topFrame();
    assert.strictEqual(frame.name, 'main');
    assert.ok(frame.line >= 5 && frame.line <= 6, `paused at line ${frame.line}`);
    const n1 = Number((await localsOfTopFrame()).find((v) => v.name === 'n')!.value);
    assert.ok(n1 > 0);
    await dc.continueRequest({ threadId: 1 });
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all([dc.pauseRequest({ threadId: 1 }), dc.waitForEvent('stopped')]);
    const n2 = Number((await localsOfTopFrame()).find((v) => v.name === 'n')!.value);
    assert.ok(n2 > n1, `n went from ${n1} to ${n2}`);
  });

  test('endless output is coalesced into few output events', async () => {
    const output = collectOutput();
    await Promise.all([dc.configurationSequence(), dc.launch({ program: CHATTER } as DebugProtocol.LaunchRequestArguments)]);
    await new Promise((r) => setTimeout(r, 600));
    await Promise.all([dc.pauseRequest({ threadId: 1 }), dc.waitForEvent('stopped')]);
    const lines = output.text().split('\n').length - 1;
    assert.ok(lines > 1000, `only ${lines} lines in 600 ms`);
    assert.ok(lines / output.events() > 20, `${output.events()} events for ${lines} lines`);
    assert.match(output.text(), /^line 0 of endless output\nline 1 of endless output\n/);
  });

  test('a compile error fails the launch with clang-style diagnostics and a diagnostics event', async () => {
    const diagnostics = dc.waitForEvent('mallocscope/diagnostics');
    const stderr = new Promise<string>((resolve) =>
      dc.on('output', (e: DebugProtocol.OutputEvent) => { if (e.body.category === 'stderr') resolve(e.body.output); }));
    await assert.rejects(dc.launch({ program: BAD_SYNTAX } as DebugProtocol.LaunchRequestArguments), /bad_syntax\.c:2:\d+: error: /);
    const body = (await diagnostics).body;
    assert.strictEqual(body.diagnostics[0].severity, 'error');
    assert.strictEqual(body.diagnostics[0].line, 2);
    assert.strictEqual(body.diagnostics[0].file, BAD_SYNTAX);
    assert.match(await stderr, /bad_syntax\.c:2:\d+: error: /);
    // The adapter is still alive and answers.
    assert.strictEqual((await dc.threadsRequest()).body.threads.length, 1);
  });

  test('bad launch attributes get clear error responses', async () => {
    await dc.initializeRequest();
    await assert.rejects(dc.launchRequest({} as DebugProtocol.LaunchRequestArguments), /no 'program'/);
    await assert.rejects(dc.launchRequest({ program: path.join(FIXTURES, 'missing.c') } as DebugProtocol.LaunchRequestArguments), /cannot read .*missing\.c.*no such file/);
    await assert.rejects(dc.launchRequest({ program: STEPS, profile: 'pdp-11' } as DebugProtocol.LaunchRequestArguments), /unknown machine profile 'pdp-11'/);
    await assert.rejects(dc.launchRequest({ program: STEPS, maxSteps: -1 } as DebugProtocol.LaunchRequestArguments), /maxSteps/);
  });

  test('a double free stops with exception and libmalloc\'s message, then dies with 134', async () => {
    const stopped = dc.waitForEvent('stopped');
    const launchArgs = { program: DOUBLE_FREE, env: { MallocNanoZone: '0' } } as DebugProtocol.LaunchRequestArguments;
    await Promise.all([dc.configurationSequence(), dc.launch(launchArgs)]);
    const e = (await stopped) as DebugProtocol.StoppedEvent;
    assert.strictEqual(e.body.reason, 'exception');
    assert.match(e.body.text ?? '', /double_free\(4242,0x[0-9a-f]+\) malloc: Double free of object 0x[0-9a-f]+/);
    assert.strictEqual((await topFrame()).line, 6);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.strictEqual(info.body.exceptionId, 'double-free');
    const exited = dc.waitForEvent('exited');
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    assert.strictEqual((await exited).body.exitCode, 134);
    await terminated;
  });

  test('restart recreates the process and stops on entry again', async () => {
    const output = collectOutput();
    const args = { program: STEPS, stopOnEntry: true } as DebugProtocol.LaunchRequestArguments;
    await Promise.all([dc.configurationSequence(), dc.launch(args), dc.assertStoppedLocation('entry', { path: STEPS, line: 10 })]);
    await Promise.all([dc.nextRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 11 })]);
    await Promise.all([dc.restartRequest({ arguments: args }), dc.assertStoppedLocation('entry', { path: STEPS, line: 10 })]);
    const a = (await localsOfTopFrame()).find((v) => v.name === 'a');
    assert.ok(a, 'locals of the new process');
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.waitForEvent('terminated')]);
    assert.strictEqual(output.text(), 'b=9\n');
  });

  test('step back returns to the previous stop with the state of that moment, by replay', async () => {
    const output = collectOutput();
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ program: STEPS, stopOnEntry: true } as DebugProtocol.LaunchRequestArguments),
      dc.assertStoppedLocation('entry', { path: STEPS, line: 10 }),
    ]);
    await Promise.all([dc.nextRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 11 })]);
    await Promise.all([dc.nextRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 12 })]);
    assert.strictEqual((await localsOfTopFrame()).find((v) => v.name === 'b')?.value, '9');
    const mallocsBefore = (await dc.customRequest('mallocscope/snapshot')).body.eventCount;
    await Promise.all([dc.nextRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 13 })]);
    assert.ok((await dc.customRequest('mallocscope/snapshot')).body.eventCount > mallocsBefore, 'malloc(24) logged');

    await Promise.all([dc.stepBackRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 12 })]);
    assert.strictEqual((await dc.customRequest('mallocscope/snapshot')).body.eventCount, mallocsBefore, 'the malloc is undone');
    await Promise.all([dc.stepBackRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 11 })]);
    assert.strictEqual((await localsOfTopFrame()).find((v) => v.name === 'a')?.value, '3');
    await Promise.all([dc.nextRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: STEPS, line: 12 })]);
    assert.strictEqual((await localsOfTopFrame()).find((v) => v.name === 'b')?.value, '9');
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.waitForEvent('terminated')]);
    assert.strictEqual(output.text(), 'b=9\n', 'replays print nothing twice');
  });

  test('reverse continue goes back to the previous breakpoint hit, then to the entry', async () => {
    await dc.hitBreakpoint({ program: STEPS } as DebugProtocol.LaunchRequestArguments, { path: STEPS, line: 12 });
    await dc.setBreakpointsRequest({ source: { path: STEPS }, breakpoints: [{ line: 12 }, { line: 14 }] });
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', { path: STEPS, line: 14 })]);
    await Promise.all([dc.reverseContinueRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', { path: STEPS, line: 12 })]);
    await Promise.all([dc.reverseContinueRequest({ threadId: 1 }), dc.assertStoppedLocation('entry', { path: STEPS, line: 10 })]);
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', { path: STEPS, line: 12 })]);
  });

  test('maxSteps stops an endless loop with an exception stop, and continuing ends the session', async () => {
    const stopped = dc.waitForEvent('stopped');
    await Promise.all([dc.configurationSequence(), dc.launch({ program: SPIN, maxSteps: 1000 } as DebugProtocol.LaunchRequestArguments)]);
    const e = (await stopped) as DebugProtocol.StoppedEvent;
    assert.strictEqual(e.body.reason, 'exception');
    assert.strictEqual(e.body.text, 'step limit reached');
    assert.match(e.body.description ?? '', /Stopped after 1000 statements/);
    assert.strictEqual((await dc.customRequest('mallocscope/snapshot')).body.step, 1000);
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.waitForEvent('terminated')]);
  });

  test('terminate ends a running program', async () => {
    await Promise.all([dc.configurationSequence(), dc.launch({ program: SPIN } as DebugProtocol.LaunchRequestArguments)]);
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([dc.terminateRequest({}), dc.waitForEvent('terminated')]);
  });

  test('breakpoints move to the next statement; breakpointLocations lists statement lines', async () => {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ program: STEPS, stopOnEntry: true } as DebugProtocol.LaunchRequestArguments),
      dc.waitForEvent('stopped'),
    ]);
    const set = await dc.setBreakpointsRequest({ source: { path: STEPS }, breakpoints: [{ line: 8 }, { line: 13 }] });
    assert.deepStrictEqual(set.body.breakpoints.map((b) => [b.verified, b.line]), [[true, 10], [true, 13]]);
    const elsewhere = await dc.setBreakpointsRequest({ source: { path: path.join(FIXTURES, 'not_in_program.c') }, breakpoints: [{ line: 3 }] });
    assert.strictEqual(elsewhere.body.breakpoints[0].verified, false);
    assert.match(elsewhere.body.breakpoints[0].message ?? '', /No statement/);
    const locations = await dc.send('breakpointLocations', { source: { path: STEPS }, line: 9, endLine: 16 }) as DebugProtocol.BreakpointLocationsResponse;
    assert.deepStrictEqual(locations.body.breakpoints.map((b) => b.line), [10, 11, 12, 13, 14, 15, 16]);
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', { path: STEPS, line: 13 })]);
  });
});
