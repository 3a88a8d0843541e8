// Conditional breakpoints, hit counts and logpoints, driven over DAP by DebugClient against the
// bundled adapter (see adapter.test.ts for which build is used), plus the parsing on its own.

import * as assert from 'assert';
import * as path from 'path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  evaluateCondition, failed, formatLogMessage, hitConditionMet, parseCondition, parseHitCondition, parseLogMessage,
  type Scalar,
} from '../../src/adapter/breakpointConditions';

import { FIXTURES, startClient } from './client';

const COUNTING = path.join(FIXTURES, 'counting.c');
/** counting.c: `total += twice(i);`, reached ten times with i = 0..9. */
const LOOP_LINE = 14;
/** counting.c: `int r = n * 2;` inside twice(). */
const TWICE_LINE = 6;
/** counting.c: the `for` line a step over line 14 and 15 comes back to. */
const FOR_LINE = 13;

suite('adapter: breakpoint conditions, hit counts and logpoints over DAP', function () {
  this.timeout(20_000);
  let dc: DebugClient;

  setup(async () => {
    dc = await startClient();
  });

  teardown(() => dc.stop());

  const launchArgs = { program: COUNTING, stopOnEntry: false } as DebugProtocol.LaunchRequestArguments;

  /** Launches counting.c with `breakpoints` set during configuration; resolves with their verification. */
  async function launchWith(breakpoints: DebugProtocol.SourceBreakpoint[]): Promise<DebugProtocol.Breakpoint[]> {
    let set: DebugProtocol.Breakpoint[] = [];
    await Promise.all([
      dc.waitForEvent('initialized')
        .then(() => dc.setBreakpointsRequest({ source: { path: COUNTING }, breakpoints }))
        .then((r) => { set = r.body.breakpoints; })
        .then(() => dc.configurationDoneRequest()),
      dc.launch(launchArgs),
    ]);
    return set;
  }

  async function valueOf(expression: string): Promise<string> {
    const st = await dc.stackTraceRequest({ threadId: 1 });
    return (await dc.evaluateRequest({ expression, frameId: st.body.stackFrames[0].id, context: 'watch' })).body.result;
  }

  async function stoppedAt(line: number): Promise<DebugProtocol.StoppedEvent> {
    const e = (await dc.waitForEvent('stopped')) as DebugProtocol.StoppedEvent;
    const st = await dc.stackTraceRequest({ threadId: 1 });
    assert.strictEqual(st.body.stackFrames[0].line, line, `stopped at line ${st.body.stackFrames[0].line}, expected ${line}`);
    return e;
  }

  /**
   * The values of i at every stop until the program ends. Call before launching: the listeners
   * catch a stop that arrives in the same message batch as a response.
   */
  async function iAtEachStop(): Promise<number[]> {
    const events: string[] = [];
    let wake: (() => void) | undefined;
    const note = (kind: string) => () => { events.push(kind); wake?.(); };
    dc.on('stopped', note('stopped'));
    dc.on('terminated', note('terminated'));
    const seen: number[] = [];
    for (;;) {
      while (events.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
      if (events.shift() === 'terminated') return seen;
      seen.push(Number(await valueOf('i')));
      await dc.continueRequest({ threadId: 1 });
    }
  }

  test('advertises conditional breakpoints, hit counts and logpoints', async () => {
    const caps = (await dc.initializeRequest()).body!;
    assert.strictEqual(caps.supportsConditionalBreakpoints, true);
    assert.strictEqual(caps.supportsHitConditionalBreakpoints, true);
    assert.strictEqual(caps.supportsLogPoints, true);
  });

  test('a condition stops only where it holds', async () => {
    const stops = iAtEachStop();
    await launchWith([{ line: LOOP_LINE, condition: 'i == 4' }]);
    assert.deepStrictEqual(await stops, [4]);
  });

  test('conditions combine comparisons, logic, arithmetic and pointers', async () => {
    const stops = iAtEachStop();
    // name becomes non-null at i == 6, on the line after the breakpoint.
    await launchWith([{ line: LOOP_LINE, condition: 'name != 0 && (i % 2 == 1 || total > 1000)' }]);
    assert.deepStrictEqual(await stops, [7, 9]);
  });

  test('a condition that cannot be evaluated stops and says why', async () => {
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await launchWith([{ line: LOOP_LINE, condition: 'nosuch > 1' }]);
    const e = await stopped;
    assert.strictEqual(e.body.reason, 'breakpoint');
    assert.match(e.body.text ?? '', /^Breakpoint condition 'nosuch > 1' could not be evaluated: .+/);
    assert.strictEqual(e.body.description, e.body.text);
    assert.strictEqual(await valueOf('i'), '0');
  });

  for (const [hitCondition, expected] of [['== 3', [2]], ['% 3', [2, 5, 8]], ['8', [7, 8, 9]], ['>= 9', [8, 9]], ['< 3', [0, 1]]] as const) {
    test(`hit count '${hitCondition}' stops at the hits it names`, async () => {
      const stops = iAtEachStop();
      await launchWith([{ line: LOOP_LINE, hitCondition }]);
      assert.deepStrictEqual(await stops, expected);
    });
  }

  test('a hit count counts only the hits whose condition holds', async () => {
    const stops = iAtEachStop();
    await launchWith([{ line: LOOP_LINE, condition: 'i % 2 == 0', hitCondition: '== 3' }]);
    assert.deepStrictEqual(await stops, [4]);
  });

  test('an unreadable hit count leaves the breakpoint unverified, with the reason', async () => {
    const terminated = dc.waitForEvent('terminated');
    const set = await launchWith([{ line: LOOP_LINE, hitCondition: 'often' }]);
    assert.strictEqual(set[0].verified, false);
    assert.match(set[0].message ?? '', /hit count 'often' is not understood/);
    await terminated;
  });

  test('a logpoint prints with {expression} interpolated and does not stop', async () => {
    const events: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => {
      if (e.body.category === 'console' || e.body.category === 'stdout') events.push(`${e.body.category}:${e.body.output}`);
    });
    let stops = 0;
    dc.on('stopped', () => { stops++; });
    const terminated = dc.waitForEvent('terminated');
    await launchWith([{ line: LOOP_LINE, logMessage: 'i={i} total={total} odd={i % 2 == 1} \\{x\\} {nosuch}', condition: 'i >= 7' }]);
    await terminated;
    assert.strictEqual(stops, 0);
    const logs = events.filter((e) => e.startsWith('console:i='));
    assert.deepStrictEqual(logs.map((l) => l.replace(/<[^>]+>/, '<error>')), [
      'console:i=7 total=42 odd=1 {x} <error>\n',
      'console:i=8 total=56 odd=0 {x} <error>\n',
      'console:i=9 total=72 odd=1 {x} <error>\n',
    ]);
    // The log lines come before the program's own later output.
    assert.ok(events.indexOf('stdout:total=90\n') > events.indexOf(logs[2]), events.join(''));
  });

  test('hit counts start again on restart', async () => {
    const first = stoppedAt(LOOP_LINE);
    await launchWith([{ line: LOOP_LINE, hitCondition: '== 2' }]);
    await first;
    assert.strictEqual(await valueOf('i'), '1');
    await Promise.all([dc.restartRequest({ arguments: launchArgs }), stoppedAt(LOOP_LINE)]);
    assert.strictEqual(await valueOf('i'), '1');
  });

  test('reverse continue goes back to the last stop where the condition held', async () => {
    const first = stoppedAt(LOOP_LINE);
    await launchWith([{ line: LOOP_LINE, condition: 'i % 3 == 0' }]);
    await first;
    for (const i of ['3', '6']) {
      await Promise.all([dc.continueRequest({ threadId: 1 }), stoppedAt(LOOP_LINE)]);
      assert.strictEqual(await valueOf('i'), i);
    }
    const back = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.reverseContinueRequest({ threadId: 1 });
    assert.strictEqual((await back).body.reason, 'breakpoint');
    assert.strictEqual(await valueOf('i'), '3');
  });

  test('stepping over a call passes a breakpoint inside it whose condition does not hold', async () => {
    const first = stoppedAt(LOOP_LINE);
    await launchWith([{ line: LOOP_LINE, condition: 'i == 2' }, { line: TWICE_LINE, condition: 'n == 100' }]);
    await first;
    await Promise.all([dc.nextRequest({ threadId: 1 }), stoppedAt(LOOP_LINE + 1)]);
    await Promise.all([dc.nextRequest({ threadId: 1 }), stoppedAt(FOR_LINE)]);
    // A condition that holds inside the call still stops the step there.
    await dc.setBreakpointsRequest({ source: { path: COUNTING }, breakpoints: [{ line: TWICE_LINE, condition: 'n == 3' }] });
    await Promise.all([dc.nextRequest({ threadId: 1 }), stoppedAt(LOOP_LINE)]);
    const e = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.nextRequest({ threadId: 1 });
    assert.strictEqual((await e).body.reason, 'breakpoint');
    assert.strictEqual(await valueOf('n'), '3');
  });
});

suite('adapter: breakpoint condition parsing', () => {
  const values: Record<string, Scalar> = { i: 4n, p: 0n, q: 0x600000000010n, x: 2.5 };
  const read = (e: string): Scalar | { error: string } => (e in values ? values[e] : /^-?\d+$/.test(e) ? BigInt(e) : { error: `no '${e}'` });
  const holds = (text: string): boolean | { error: string } => {
    const node = parseCondition(text);
    return failed(node) ? node : evaluateCondition(node, read);
  };

  test('comparisons, logic, negation and parentheses follow C', () => {
    assert.strictEqual(holds('i == 4'), true);
    assert.strictEqual(holds('i != 4'), false);
    assert.strictEqual(holds('i >= 4 && i < 5'), true);
    assert.strictEqual(holds('!(i > 3) || q'), true);
    assert.strictEqual(holds('!q'), false);
    assert.strictEqual(holds('x > 2'), true);
    assert.strictEqual(holds('i == 4 == 1'), true);
    assert.strictEqual(holds('p'), false);
  });

  test('&& and || short-circuit past operands that cannot be read', () => {
    assert.strictEqual(holds('p && missing'), false);
    assert.strictEqual(holds('q || missing'), true);
    assert.deepStrictEqual(holds('q && missing'), { error: "no 'missing'" });
  });

  test('operands keep member access, shifts and literals whole', () => {
    const seen: string[] = [];
    const node = parseCondition("p->next != 0 && s[\"a<b\"] >= '>' && (k << 2) >> 1");
    assert.ok(!failed(node));
    evaluateCondition(node, (e) => { seen.push(e); return e === '0' ? 0n : 1n; });
    assert.deepStrictEqual(seen, ['p->next', '0', 's["a<b"]', "'>'", '(k << 2) >> 1']);
  });

  test('malformed conditions are reported', () => {
    assert.ok(failed(parseCondition('')));
    assert.ok(failed(parseCondition('i ==')));
    assert.ok(failed(parseCondition('(i == 4')));
  });

  test('hit conditions', () => {
    const met = (text: string, hits: number) => {
      const c = parseHitCondition(text);
      assert.ok(!failed(c), text);
      return hitConditionMet(c, hits);
    };
    assert.deepStrictEqual([1, 2, 3, 4].map((h) => met('3', h)), [false, false, true, true]);
    assert.deepStrictEqual([2, 3, 4].map((h) => met('== 3', h)), [false, true, false]);
    assert.deepStrictEqual([2, 3, 6].map((h) => met('%3', h)), [false, true, true]);
    assert.deepStrictEqual([9, 10].map((h) => met('>= 10', h)), [false, true]);
    assert.ok(failed(parseHitCondition('% 0')));
    assert.ok(failed(parseHitCondition('sometimes')));
  });

  test('log messages interpolate and escape braces', () => {
    const parts = parseLogMessage('a={a} \\{b\\} {c}!');
    assert.ok(!failed(parts));
    assert.strictEqual(formatLogMessage(parts, (e) => (e === 'a' ? '1' : { error: 'unknown' })), 'a=1 {b} <unknown>!');
    assert.ok(failed(parseLogMessage('a={a')));
  });
});
