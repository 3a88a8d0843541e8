// Runs inside VS Code's extension host with the real `vscode` API: the installed Mallocscope
// extension debugs the article's trace.c through `vscode.debug.startDebugging`, exactly as F5
// would, and the DAP traffic is watched with a debug adapter tracker.

import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const SAMPLES = process.env.MALLOCSCOPE_SAMPLES ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const TRACE_C = path.join(SAMPLES, 'trace.c');
/** trace.c line 19: `printf("PID: %d  big=%p\n", getpid(), big);` — after the 1000 small blocks and the 10 MiB one. */
const PRINTF_LINE = 19;

interface DapMessage { type: string; event?: string; command?: string; body?: any }

/** Records every message the adapter sends, and lets a test wait for one. */
class Traffic {
  readonly messages: DapMessage[] = [];
  private waiters: { match: (m: DapMessage) => boolean; resolve: (m: DapMessage) => void }[] = [];

  push(m: DapMessage): void {
    this.messages.push(m);
    for (const w of this.waiters.filter((w) => w.match(m))) w.resolve(m);
    this.waiters = this.waiters.filter((w) => !w.match(m));
  }

  /** Resolves with the first matching message at or after index `from`. */
  waitFor(match: (m: DapMessage) => boolean, what: string, from = 0, timeoutMs = 30_000): Promise<DapMessage> {
    const seen = this.messages.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; events seen: ${this.messages.filter((x) => x.type === 'event').map((x) => x.event).join(', ')}`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  output(): string {
    return this.messages.filter((m) => m.event === 'output').map((m) => String(m.body?.output ?? '')).join('');
  }
}

const isStopped = (m: DapMessage): boolean => m.type === 'event' && m.event === 'stopped';

suite('Mallocscope in VS Code: debugging trace.c', () => {
  const traffic = new Traffic();
  let session: vscode.DebugSession | undefined;
  let registration: vscode.Disposable | undefined;
  let threadId = 1;

  suiteSetup(() => {
    registration = vscode.debug.registerDebugAdapterTrackerFactory('mallocscope', {
      createDebugAdapterTracker: () => ({ onDidSendMessage: (m: DapMessage) => traffic.push(m) }),
    });
  });

  suiteTeardown(async () => {
    registration?.dispose();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    if (session) await vscode.debug.stopDebugging(session).then(undefined, () => undefined);
  });

  test('the packaged extension is installed and activates', async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'mallocscope');
    assert.ok(extension, 'no extension named mallocscope is installed');
    const debuggers = extension.packageJSON.contributes?.debuggers as { type: string }[] | undefined;
    assert.deepStrictEqual(debuggers?.map((d) => d.type), ['mallocscope']);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('mallocscope.openHeapView'), 'mallocscope.openHeapView is not registered');
  });

  test('a breakpoint in trace.c stops there, with main on top of the stack', async () => {
    const document = await vscode.workspace.openTextDocument(TRACE_C);
    await vscode.window.showTextDocument(document);
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(document.uri, new vscode.Position(PRINTF_LINE - 1, 0)))]);

    const started = new Promise<vscode.DebugSession>((resolve) => {
      const sub = vscode.debug.onDidStartDebugSession((s) => { sub.dispose(); resolve(s); });
    });
    const ok = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], {
      type: 'mallocscope',
      request: 'launch',
      name: 'trace.c (extension-host test)',
      program: TRACE_C,
      env: { MallocNanoZone: '0' },
      stopOnEntry: false,
    });
    assert.strictEqual(ok, true, 'startDebugging returned false');
    session = await started;
    const stopped = await traffic.waitFor(isStopped, 'the stop at the breakpoint', 0, 60_000);
    assert.strictEqual(stopped.body.reason, 'breakpoint');
    threadId = stopped.body.threadId ?? 1;

    const trace = await session.customRequest('stackTrace', { threadId });
    const top = trace.stackFrames[0];
    assert.strictEqual(top.name, 'main');
    assert.strictEqual(top.line, PRINTF_LINE);
    assert.strictEqual(path.basename(top.source.path ?? top.source.name), 'trace.c');
  });

  test('the locals of main show the 10 MiB block and the array of 1000 pointers', async () => {
    assert.ok(session, 'no debug session (the previous test failed)');
    const trace = await session.customRequest('stackTrace', { threadId });
    const { scopes } = await session.customRequest('scopes', { frameId: trace.stackFrames[0].id });
    assert.ok(scopes.length > 0, 'no scopes');
    const { variables } = await session.customRequest('variables', { variablesReference: scopes[0].variablesReference });
    const byName = new Map<string, { value: string; type?: string; variablesReference: number }>(variables.map((v: any) => [v.name, v]));
    const big = byName.get('big');
    const small = byName.get('small');
    assert.ok(big, `no variable big among ${[...byName.keys()].join(', ')}`);
    assert.ok(small, `no variable small among ${[...byName.keys()].join(', ')}`);
    assert.match(big.value, /0x[0-9a-f]+/, `big = ${big.value}`);
    assert.ok(small.variablesReference > 0, 'small[] cannot be expanded');
    const elements = await session.customRequest('variables', { variablesReference: small.variablesReference, filter: 'indexed', start: 0, count: 2 });
    assert.ok(elements.variables.length >= 1, 'small[] has no elements');
    assert.match(elements.variables[0].value, /0x[0-9a-f]+/, `small[0] = ${elements.variables[0].value}`);
  });

  test('mallocscope/snapshot gives the zone table with the 1000 tiny blocks and the large block', async () => {
    assert.ok(session, 'no debug session (the previous test failed)');
    const snapshot = await session.customRequest('mallocscope/snapshot');
    assert.strictEqual(snapshot.schema, 'mallocscope/snapshot@1');
    assert.ok(Array.isArray(snapshot.zones) && snapshot.zones.length > 0, 'no zones in the snapshot');
    const tiny = snapshot.zones.find((z: any) => z.kinds.includes('tiny'));
    assert.ok(tiny, `no zone serving tiny blocks among ${snapshot.zones.map((z: any) => z.zoneName).join(', ')}`);
    const live = snapshot.zones.reduce((n: number, z: any) => n + z.allocationCount, 0);
    const bytes = snapshot.zones.reduce((n: number, z: any) => n + z.bytesAllocated, 0);
    assert.ok(live >= 1001, `only ${live} live allocations`);
    assert.ok(bytes >= 10 * 1024 * 1024 + 1000 * 64, `only ${bytes} bytes allocated`);
    assert.ok(snapshot.regions.some((r: any) => r.type === 'MALLOC_LARGE' && r.end - r.start >= 10 * 1024 * 1024), 'no 10 MiB MALLOC_LARGE region');
  });

  test('continuing runs trace.c to the end: its output, exit code 0', async () => {
    assert.ok(session, 'no debug session (the previous test failed)');
    const ended = new Promise<void>((resolve) => {
      const sub = vscode.debug.onDidTerminateDebugSession((s) => { if (s.id === session?.id) { sub.dispose(); resolve(); } });
    });
    const from = traffic.messages.length;
    await session.customRequest('continue', { threadId });
    const exited = await traffic.waitFor((m) => m.type === 'event' && m.event === 'exited', 'the exited event', from, 60_000);
    assert.strictEqual(exited.body.exitCode, 0);
    assert.match(traffic.output(), /PID: \d+ {2}big=0x[0-9a-f]+/);
    await ended;
    session = undefined;
  });
});
