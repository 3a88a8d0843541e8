// The adapter's round trip as the editor lives it after F10: next → stopped, then
// stackTrace + scopes + variables for the top frame. Drives dist/debugAdapter.js over stdio
// with DebugClient, on a sample program, and reports each round trip's duration.

import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { MallocscopeLaunchArguments } from '../../src/protocol/dap';

export interface RoundTripResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly roundTripsMs?: readonly number[];
  /** Round trips cut short because the program ended first. */
  readonly endedEarly?: boolean;
}

const EVENT_TIMEOUT_MS = 10_000;

/** Resolves with whichever comes first after a step: a stop, or the end of the session. */
function nextStopOrEnd(client: DebugClient): Promise<'stopped' | 'ended'> {
  return new Promise((resolve, reject) => {
    const onStopped = () => settle('stopped');
    const onEnded = () => settle('ended');
    const timer = setTimeout(() => {
      clear();
      reject(new Error(`no 'stopped' or 'terminated' event within ${EVENT_TIMEOUT_MS} ms`));
    }, EVENT_TIMEOUT_MS);
    function clear(): void {
      clearTimeout(timer);
      client.off('stopped', onStopped);
      client.off('terminated', onEnded);
      client.off('exited', onEnded);
    }
    function settle(how: 'stopped' | 'ended'): void {
      clear();
      resolve(how);
    }
    client.on('stopped', onStopped);
    client.on('terminated', onEnded);
    client.on('exited', onEnded);
  });
}

export async function measureRoundTrips(adapterPath: string, program: string, count: number, debugType: string): Promise<RoundTripResult> {
  const client = new DebugClient('node', adapterPath, debugType);
  client.defaultTimeout = EVENT_TIMEOUT_MS;
  await client.start();
  try {
    await Promise.all([
      client.configurationSequence(),
      client.launch({ program, stopOnEntry: true } satisfies MallocscopeLaunchArguments),
      client.waitForEvent('stopped', EVENT_TIMEOUT_MS),
    ]);
    const threads = await client.threadsRequest();
    const threadId = threads.body.threads[0]?.id ?? 1;
    const roundTripsMs: number[] = [];
    let endedEarly = false;
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const next = nextStopOrEnd(client);
      await client.nextRequest({ threadId });
      if ((await next) === 'ended') {
        endedEarly = true;
        break;
      }
      const stack = await client.stackTraceRequest({ threadId, startFrame: 0, levels: 20 });
      const frameId = stack.body.stackFrames[0].id;
      const scopes = await client.scopesRequest({ frameId });
      await Promise.all(scopes.body.scopes.filter((s) => !s.expensive).map((s) => client.variablesRequest({ variablesReference: s.variablesReference })));
      roundTripsMs.push(performance.now() - started);
    }
    return { ok: true, roundTripsMs, endedEarly };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await client.stop().catch(() => undefined);
  }
}

export interface StepBackResult {
  /** False when the adapter does not announce supportsStepBack: time travel is not built. */
  readonly implemented: boolean;
  readonly error?: string;
  readonly stepBacksMs?: readonly number[];
}

const LONG_RUN_TIMEOUT_MS = 600_000;

/**
 * Step back from a stop deep in a long run: launch `program`, stop at a breakpoint on `line`
 * (after millions of statements), then time `count` step-backs, each stepBack → stopped.
 * Only attempted when the adapter announces supportsStepBack.
 */
export async function measureStepBack(adapterPath: string, program: string, line: number, count: number, debugType: string): Promise<StepBackResult> {
  const client = new DebugClient('node', adapterPath, debugType);
  client.defaultTimeout = EVENT_TIMEOUT_MS;
  await client.start();
  try {
    const init = await client.initializeRequest();
    if (init.body?.supportsStepBack !== true) return { implemented: false };
    const initialized = client.waitForEvent('initialized', EVENT_TIMEOUT_MS);
    const launchArgs: DebugProtocol.LaunchRequestArguments & MallocscopeLaunchArguments = { program, stopOnEntry: false };
    await client.launchRequest(launchArgs);
    await initialized;
    await client.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line }] });
    const atBreakpoint = client.waitForEvent('stopped', LONG_RUN_TIMEOUT_MS);
    await client.configurationDoneRequest();
    await atBreakpoint;
    const threadId = (await client.threadsRequest()).body.threads[0]?.id ?? 1;
    const stepBacksMs: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const stopped = client.waitForEvent('stopped', EVENT_TIMEOUT_MS);
      await client.stepBackRequest({ threadId });
      await stopped;
      stepBacksMs.push(performance.now() - started);
    }
    return { implemented: true, stepBacksMs };
  } catch (e) {
    return { implemented: true, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await client.stop().catch(() => undefined);
  }
}
