// The adapter's round trip as the editor lives it after F10: next → stopped, then
// stackTrace + scopes + variables for the top frame. Drives dist/debugAdapter.js over stdio
// with DebugClient, on a sample program, and reports each round trip's duration.

import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { MallocscopeRequest, type MallocscopeLaunchArguments, type SnapshotResponseBody } from '../../src/protocol/dap';

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
  /** Statements run when stepping back started (the breakpoint's stop), from the panel snapshot. */
  readonly stepsAtStop?: number;
}

/** The statement count of the current stop, as the panel's snapshot reports it. */
async function stepOfStop(client: DebugClient): Promise<number | undefined> {
  const response = await client.customRequest(MallocscopeRequest.Snapshot);
  return (response.body as SnapshotResponseBody | undefined)?.step;
}

const LONG_RUN_TIMEOUT_MS = 600_000;

/**
 * Step back to a stop deep in a long run: launch `program`, stop at a breakpoint on `line`
 * (after millions of statements), step once with `next`, then time the stepBack → stopped that
 * returns to the breakpoint's stop; `count` times. Each step back is checked to land on `line`
 * again, so a step back that went somewhere cheaper (the start) is not reported as a figure.
 * Only attempted when the adapter announces supportsStepBack.
 */
export async function measureStepBack(
  adapterPath: string,
  program: string,
  line: number,
  count: number,
  debugType: string,
  runTimeoutMs = LONG_RUN_TIMEOUT_MS,
): Promise<StepBackResult> {
  const client = new DebugClient('node', adapterPath, debugType);
  client.defaultTimeout = EVENT_TIMEOUT_MS;
  await client.start();
  try {
    const init = await client.initializeRequest();
    if (init.body?.supportsStepBack !== true) return { implemented: false };
    // DAP's order: launch, then on 'initialized' the breakpoints and configurationDone; the
    // adapter answers launch and starts running only after that.
    const initialized = client.waitForEvent('initialized', EVENT_TIMEOUT_MS);
    const launchArgs: DebugProtocol.LaunchRequestArguments & MallocscopeLaunchArguments = { program, stopOnEntry: false };
    const launched = client.launchRequest(launchArgs);
    await initialized;
    await client.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line }] });
    const atBreakpoint = client.waitForEvent('stopped', runTimeoutMs);
    await client.configurationDoneRequest();
    await launched;
    await atBreakpoint;
    const threadId = (await client.threadsRequest()).body.threads[0]?.id ?? 1;
    const stepsAtStop = await stepOfStop(client);
    const stepBacksMs: number[] = [];
    for (let i = 0; i < count; i++) {
      const stepped = client.waitForEvent('stopped', runTimeoutMs);
      await client.nextRequest({ threadId });
      await stepped;
      const started = performance.now();
      const back = client.waitForEvent('stopped', runTimeoutMs);
      await client.stepBackRequest({ threadId });
      await back;
      const elapsed = performance.now() - started;
      const top = (await client.stackTraceRequest({ threadId, startFrame: 0, levels: 1 })).body.stackFrames[0];
      const stepsNow = await stepOfStop(client);
      if (top?.line !== line || stepsNow !== stepsAtStop) {
        return { implemented: true, stepsAtStop, error: `step back landed on line ${top?.line} at step ${stepsNow}, not on the earlier stop (line ${line}, step ${stepsAtStop})` };
      }
      stepBacksMs.push(elapsed);
    }
    return { implemented: true, stepBacksMs, stepsAtStop };
  } catch (e) {
    return { implemented: true, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await client.stop().catch(() => undefined);
  }
}
