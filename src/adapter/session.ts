// The Debug Adapter Protocol session: a translation table between DAP requests and the engine's
// Process (src/machine/api.ts). No C or allocator logic lives here — launching is launch.ts,
// running is runController.ts, variables are variableStore.ts, console commands are
// consoleCommands.ts, and the reports come from src/reports.
//
// Lines and columns are 1-based on the engine side; the client's convention is honoured through
// convertDebuggerLineToClient/convertClientLineToDebugger only.

import {
  Breakpoint, ContinuedEvent, Event, ExitedEvent, InitializedEvent, Logger, logger, LoggingDebugSession, OutputEvent, Scope,
  Source, StackFrame, StoppedEvent, TerminatedEvent, Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { formatDiagnostic } from '../c/frontend';
import type { Diagnostic } from '../c/ast';
import type { Process, StopInfo } from '../machine/api';
import { createProcess } from '../machine/process';
import type {
  DiagnosticItem, DiagnosticsEventBody, HistoryArguments, HistoryResponseBody, MallocscopeLaunchArguments,
  PointerInfoArguments,
} from '../protocol/dap';
import { MallocscopeEvent, MallocscopeRequest } from '../protocol/dap';
import type { HeapSnapshot } from '../protocol/snapshot';
import { historyEntries } from '../reports/mallocHistory';
import { buildSnapshot } from '../reports/snapshot';
import { PROFILES } from '../vm/profiles';
import { runConsoleCommand } from './consoleCommands';
import { BreakpointTable } from './breakpointTable';
import { basename, type FileAccessor } from './fileAccessor';
import { LaunchError, resolveLaunch, type ResolvedLaunch } from './launch';
import { hexAddress, parseAddress, readMemory, toBase64 } from './memory';
import { adapterMessages, ErrorCode } from './messages';
import { OutputCoalescer } from './outputCoalescer';
import { describePointerHistory, pointerInfo } from './pointerInfo';
import { breakpointHitsBefore, replayTo } from './replay';
import { afterPendingEvents, RunController } from './runController';
import { VariableStore } from './variableStore';

export type { FileAccessor } from './fileAccessor';

const THREAD_ID = 1;
/** How long launch waits for configurationDone before running anyway (a client may never send it). */
const CONFIGURATION_WAIT_MS = 1000;

type LaunchArguments = DebugProtocol.LaunchRequestArguments & Partial<MallocscopeLaunchArguments>;
type SessionStatus = HeapSnapshot['status'];

export class MallocscopeSession extends LoggingDebugSession {
  private process: Process | undefined;
  private launchArgs: LaunchArguments | undefined;
  private readonly runner = new RunController();
  private readonly variables = new VariableStore();
  private readonly output = new OutputCoalescer((stream, text) => this.sendEvent(new OutputEvent(text, stream)));
  /** Requested breakpoints per file with their conditions, hit counts and log messages; re-applied on restart. */
  private readonly breakpoints = new BreakpointTable();
  /** Why the last breakpoint stop happened when it is not the usual reason (a condition that failed). */
  private breakpointText: string | undefined;
  private nextBreakpointId = 1;
  private lastStop: StopInfo | undefined;
  private status: SessionStatus = 'running';
  /** The launch the current process came from: replayed for time travel. */
  private resolved: ResolvedLaunch | undefined;
  /** Statement counts of the stops so far, ascending: where step back returns to. */
  private stopSteps: number[] = [];
  /** Output of a replay was shown already when the program first ran. */
  private replaying = false;
  private configured = false;
  private onConfigured: (() => void) | undefined;

  constructor(private readonly files: FileAccessor) {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  // --- lifecycle ------------------------------------------------------------------------------

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      ...response.body,
      supportsConfigurationDoneRequest: true,
      supportsEvaluateForHovers: true,
      supportsTerminateRequest: true,
      supportsRestartRequest: true,
      supportsBreakpointLocationsRequest: true,
      supportsReadMemoryRequest: true,
      supportsExceptionInfoRequest: true,
      supportsStepBack: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
    };
    this.sendResponse(response);
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse, args: DebugProtocol.ConfigurationDoneArguments): void {
    super.configurationDoneRequest(response, args);
    this.configured = true;
    this.onConfigured?.();
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchArguments | undefined): Promise<void> {
    args ??= {} as LaunchArguments;
    // DAP traffic in the debug console, for debugging the adapter itself.
    if (args.trace === true) logger.setup(Logger.LogLevel.Verbose, false);
    const resolved = await this.createFromArguments(response, args);
    if (resolved === undefined) return;
    this.launchArgs = args;
    this.sendEvent(new InitializedEvent());
    await this.waitForConfiguration();
    this.sendResponse(response);
    this.begin(resolved.stopOnEntry);
  }

  protected override async restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments): Promise<void> {
    const launchArgs = (args.arguments as LaunchArguments | undefined) ?? this.launchArgs;
    if (launchArgs === undefined) {
      this.sendError(response, ErrorCode.NoProcess, adapterMessages.noProcess());
      return;
    }
    this.runner.cancel();
    this.output.flush();
    this.breakpoints.resetHits();
    const resolved = await this.createFromArguments(response, launchArgs);
    if (resolved === undefined) return;
    this.launchArgs = launchArgs;
    this.sendResponse(response);
    this.sendEvent(new ContinuedEvent(THREAD_ID, true));
    this.begin(resolved.stopOnEntry);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.runner.cancel();
    this.output.flush();
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.runner.cancel();
    this.output.dispose();
    this.process = undefined;
    this.sendResponse(response);
  }

  /** Compiles and creates the process; on failure answers `response` with the error and returns undefined. */
  private async createFromArguments(response: DebugProtocol.Response, args: LaunchArguments): Promise<ResolvedLaunch | undefined> {
    let resolved: ResolvedLaunch;
    try {
      resolved = await resolveLaunch(args, this.files, PROFILES.map((p) => p.name));
    } catch (e) {
      if (e instanceof LaunchError) this.sendError(response, e.code, e.message);
      else this.sendError(response, ErrorCode.Internal, adapterMessages.internal(errorText(e)));
      return undefined;
    }
    let created: ReturnType<typeof createProcess>;
    try {
      created = createProcess(resolved.options);
    } catch (e) {
      this.sendError(response, ErrorCode.Internal, adapterMessages.internal(errorText(e)));
      return undefined;
    }
    const textOf = (file: string) =>
      resolved.options.sources.find((s) => s.path === file)?.text ?? resolved.options.includes?.readFile(file);
    const listing = created.diagnostics.map((d) => formatDiagnostic(d, textOf(d.loc.file)).replace(/\n$/, '')).join('\n');
    const errors = created.diagnostics.filter((d) => d.severity === 'error').length;
    this.sendEvent(new Event(MallocscopeEvent.Diagnostics, { diagnostics: created.diagnostics.map(diagnosticItem) } satisfies DiagnosticsEventBody));
    if (errors > 0 || created.process === undefined) {
      this.sendEvent(new OutputEvent(listing + '\n', 'stderr'));
      this.sendError(response, ErrorCode.CompileFailed, adapterMessages.compileFailed(Math.max(errors, 1), listing));
      return undefined;
    }
    if (listing !== '') this.sendEvent(new OutputEvent(listing + '\n', 'console'));
    this.install(created.process, resolved);
    return resolved;
  }

  private install(process: Process, resolved: ResolvedLaunch): void {
    this.process = process;
    this.resolved = resolved;
    this.stopSteps = [];
    this.lastStop = undefined;
    this.status = 'running';
    this.variables.reset();
    process.onOutput((stream, text) => {
      if (this.process === process && !this.replaying) this.output.push(stream, text);
    });
    process.setMaxSteps(resolved.maxSteps);
    for (const [file, lines] of this.breakpoints.lines()) this.breakpoints.rebind(file, process.setBreakpoints(file, lines));
  }

  private waitForConfiguration(): Promise<void> {
    if (this.configured) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, CONFIGURATION_WAIT_MS);
      this.onConfigured = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private begin(stopOnEntry: boolean): void {
    const process = this.process!;
    if (stopOnEntry && process.location() !== undefined) {
      // Before the first statement of main nothing needs to run: report where we are. A
      // zero-budget run executes nothing but marks the process as resumed-from-a-stop, so the
      // next continue does not stop again at a breakpoint on this very line.
      process.run('continue', 0);
      afterPendingEvents(() => this.stopped({ reason: 'entry', loc: process.location() }));
    } else if (stopOnEntry) {
      this.resume('stepIn', 'entry');
    } else {
      this.resume('continue');
    }
  }

  // --- running --------------------------------------------------------------------------------

  private resume(mode: 'continue' | 'stepIn' | 'stepOver' | 'stepOut', reportAs?: 'entry'): void {
    const process = this.process!;
    this.variables.reset();
    this.status = 'running';
    this.runner.start(
      process,
      mode,
      (stop) => this.stopped(reportAs !== undefined && stop.reason === 'step' ? { ...stop, reason: reportAs } : stop),
      (error) => this.engineFailed(error),
      (stop) => this.breakpointShows(process, stop),
    );
  }

  /** Applies the breakpoint's condition, hit count and log message to an engine breakpoint stop. */
  private breakpointShows(process: Process, stop: StopInfo): boolean {
    const verdict = this.breakpoints.judge(process, stop);
    if (verdict.logs.length > 0) {
      // The program's output so far comes first, as it would in a terminal.
      this.output.flush();
      for (const line of verdict.logs) this.sendEvent(new OutputEvent(line + '\n', 'console'));
    }
    this.breakpointText = verdict.stop ? verdict.text : undefined;
    return verdict.stop;
  }

  private stopped(stop: StopInfo): void {
    const process = this.process;
    if (process === undefined) return;
    this.output.flush();
    const previous = this.lastStop;
    this.lastStop = stop;
    if (stop.reason !== 'exited') this.recordStop(process.steps);
    switch (stop.reason) {
      case 'exited': {
        this.status = stop.signal ? 'crashed' : 'exited';
        this.sendEvent(new ExitedEvent(stop.exitCode ?? (stop.signal ? 128 + stop.signal : 0)));
        this.sendEvent(new TerminatedEvent());
        return;
      }
      case 'step-limit': {
        if (previous?.reason === 'step-limit') {
          // Continuing at the limit cannot make progress: end the session.
          this.sendEvent(new TerminatedEvent());
          return;
        }
        this.status = 'stopped';
        const text = adapterMessages.stepLimit(process.steps);
        this.sendEvent(new OutputEvent(text + '\n', 'important'));
        this.sendStopped('exception', adapterMessages.stepLimitText(), text);
        return;
      }
      case 'exception': {
        this.status = 'stopped';
        const message = stop.error?.message ?? 'exception';
        this.sendStopped('exception', message, message);
        return;
      }
      case 'breakpoint': {
        this.status = 'stopped';
        const text = this.breakpointText;
        this.breakpointText = undefined;
        if (text !== undefined) this.sendEvent(new OutputEvent(text + '\n', 'important'));
        this.sendStopped('breakpoint', text, text);
        return;
      }
      case 'entry':
      case 'step':
      case 'pause':
        this.status = 'stopped';
        this.sendStopped(stop.reason);
        return;
      case 'budget':
        return; // never delivered by RunController
    }
  }

  private sendStopped(reason: string, text?: string, description?: string): void {
    const event = new StoppedEvent(reason, THREAD_ID, text) as DebugProtocol.StoppedEvent;
    if (description !== undefined) event.body.description = description;
    event.body.allThreadsStopped = true;
    this.sendEvent(event);
  }

  private engineFailed(error: unknown): void {
    this.output.flush();
    this.sendEvent(new OutputEvent(adapterMessages.internal(errorText(error)) + '\n', 'important'));
    this.status = 'crashed';
    this.sendEvent(new TerminatedEvent());
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    if (!this.canRun(response)) return;
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    this.resume('continue');
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    if (!this.canRun(response)) return;
    this.sendResponse(response);
    this.resume('stepOver');
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    if (!this.canRun(response)) return;
    this.sendResponse(response);
    this.resume('stepIn');
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    if (!this.canRun(response)) return;
    this.sendResponse(response);
    this.resume('stepOut');
  }

  protected override stepBackRequest(response: DebugProtocol.StepBackResponse): void {
    if (!this.canRun(response)) return;
    const now = this.process!.steps;
    const target = this.stopSteps.filter((s) => s < now).pop() ?? 0;
    this.sendResponse(response);
    afterPendingEvents(() => this.travel(target, 'step'));
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    if (!this.canRun(response)) return;
    const now = this.process!.steps;
    this.sendResponse(response);
    afterPendingEvents(() => {
      const scout = this.freshProcess();
      if (scout === undefined) return;
      const hits = breakpointHitsBefore(scout, now, (stop) => this.breakpoints.wouldStop(scout, stop));
      const target = hits.pop();
      this.travel(target ?? 0, target === undefined ? 'entry' : 'breakpoint');
    });
  }

  /** Replaces the process by a replay of the same launch stopped after `target` statements. */
  private travel(target: number, reason: 'step' | 'entry' | 'breakpoint'): void {
    const resolved = this.resolved;
    const fresh = this.freshProcess();
    if (fresh === undefined || resolved === undefined) return;
    const history = this.stopSteps.filter((s) => s < target);
    this.install(fresh, resolved);
    this.stopSteps = history;
    let stop: StopInfo;
    this.replaying = true;
    try {
      stop = replayTo(fresh, target, resolved.maxSteps);
    } catch (e) {
      this.engineFailed(e);
      return;
    } finally {
      this.replaying = false;
    }
    this.stopped(stop.reason === 'step' ? { ...stop, reason } : stop);
  }

  /** A new, never-run process from the current launch (the sources as loaded then). */
  private freshProcess(): Process | undefined {
    if (this.resolved === undefined) return undefined;
    const process = createProcess(this.resolved.options).process;
    if (process === undefined) return undefined;
    for (const [file, lines] of this.breakpoints.lines()) process.setBreakpoints(file, lines);
    return process;
  }

  private recordStop(steps: number): void {
    while (this.stopSteps.length > 0 && this.stopSteps[this.stopSteps.length - 1] >= steps) this.stopSteps.pop();
    this.stopSteps.push(steps);
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.runner.pause();
    this.sendResponse(response);
  }

  private canRun(response: DebugProtocol.Response): boolean {
    if (this.process === undefined || this.process.finished) {
      this.sendError(response, ErrorCode.NoProcess, adapterMessages.noProcess());
      return false;
    }
    if (this.runner.running) {
      // A second run request while running: acknowledge; the run in flight goes on.
      this.sendResponse(response);
      return false;
    }
    return true;
  }

  // --- breakpoints ----------------------------------------------------------------------------

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    const file = args.source.path ?? '';
    const requests = (args.breakpoints ?? (args.lines ?? []).map((line): DebugProtocol.SourceBreakpoint => ({ line }))).map((b) => ({
      line: this.convertClientLineToDebugger(b.line),
      ...(b.condition !== undefined ? { condition: b.condition } : {}),
      ...(b.hitCondition !== undefined ? { hitCondition: b.hitCondition } : {}),
      ...(b.logMessage !== undefined ? { logMessage: b.logMessage } : {}),
    }));
    const actual = this.process?.setBreakpoints(file, requests.map((r) => r.line));
    const problems = this.breakpoints.set(file, requests, actual);
    response.body = {
      breakpoints: requests.map(({ line }, i) => {
        const used = actual?.[i];
        const problem = problems[i];
        const bp = new Breakpoint(used !== undefined && problem === undefined, this.convertDebuggerLineToClient(used ?? line), undefined, new Source(basename(file), file)) as DebugProtocol.Breakpoint;
        bp.id = this.nextBreakpointId++;
        if (problem !== undefined) bp.message = problem;
        else if (used === undefined) bp.message = this.process === undefined ? adapterMessages.breakpointNotBound() : adapterMessages.noStatementAt(line);
        return bp;
      }),
    };
    this.sendResponse(response);
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    const first = this.convertClientLineToDebugger(args.line);
    const last = this.convertClientLineToDebugger(args.endLine ?? args.line);
    const lines = this.process?.executableLines(args.source.path ?? '') ?? [];
    response.body = {
      breakpoints: lines.filter((l) => l >= first && l <= last).map((l) => ({ line: this.convertDebuggerLineToClient(l) })),
    };
    this.sendResponse(response);
  }

  // --- inspection -----------------------------------------------------------------------------

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'main')] };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const frames = this.process !== undefined && !this.process.finished ? this.process.stackFrames() : [];
    const start = args.startFrame ?? 0;
    const end = args.levels ? start + args.levels : frames.length;
    response.body = {
      stackFrames: frames.slice(start, end).map((f) => new StackFrame(
        frameId(f.index),
        f.functionName,
        f.loc.file ? new Source(basename(f.loc.file), f.loc.file) : undefined,
        this.convertDebuggerLineToClient(f.loc.line),
        this.convertDebuggerColumnToClient(f.loc.column),
      )),
      totalFrames: frames.length,
    };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    const index = frameIndex(args.frameId);
    response.body = {
      scopes: [
        new Scope('Locals', this.variables.localsRef(index), false),
        new Scope('Globals', this.variables.globalsRef(), true),
        new Scope('Heap', this.variables.heapRef(), true),
      ],
    };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    const variables = this.process === undefined ? []
      : this.variables.variables(this.process, args.variablesReference, args.start, args.count);
    response.body = { variables };
    this.sendResponse(response);
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    if (args.context === 'repl') {
      let text: string | undefined;
      try {
        text = runConsoleCommand(this.process, args.expression);
      } catch (e) {
        this.sendError(response, ErrorCode.Internal, adapterMessages.internal(errorText(e)));
        return;
      }
      if (text !== undefined) {
        response.body = { result: text, variablesReference: 0 };
        this.sendResponse(response);
        return;
      }
    }
    const process = this.process;
    if (process === undefined || process.finished) {
      this.sendError(response, ErrorCode.NoProcess, adapterMessages.noProcess());
      return;
    }
    const value = process.evaluate(args.expression, frameIndex(args.frameId));
    if ('error' in value) {
      this.sendError(response, ErrorCode.EvaluateFailed, value.error, args.context === 'repl');
      return;
    }
    response.body = this.variables.evaluateResult(process, value);
    // VS Code's debug hover hides the extension's own hover, so the hover text itself says where
    // the block came from and whether it is still live; the children keep the full history.
    const info = args.context === 'hover' && value.pointerValue ? pointerInfo(process, value.pointerValue) : undefined;
    if (info !== undefined) response.body.result = `${value.value} — ${describePointerHistory(info)}`;
    this.sendResponse(response);
  }

  protected override readMemoryRequest(response: DebugProtocol.ReadMemoryResponse, args: DebugProtocol.ReadMemoryArguments): void {
    const base = parseAddress(String(args.memoryReference ?? ''));
    if (this.process === undefined) {
      this.sendError(response, ErrorCode.NoProcess, adapterMessages.noProcess());
      return;
    }
    if (base === undefined) {
      this.sendError(response, ErrorCode.BadAddress, adapterMessages.badAddress(args.memoryReference));
      return;
    }
    const start = Math.max(0, base + (args.offset ?? 0));
    const read = readMemory(this.process.memory, start, Math.max(0, args.count));
    response.body = {
      address: hexAddress(read.address),
      data: toBase64(read.data),
      ...(read.unreadableBytes > 0 ? { unreadableBytes: read.unreadableBytes } : {}),
    };
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const stop = this.lastStop;
    const message = stop?.error?.message ?? (stop?.reason === 'step-limit' ? adapterMessages.stepLimitText() : '');
    response.body = {
      exceptionId: stop?.error?.kind ?? stop?.reason ?? 'none',
      description: message,
      breakMode: 'always',
      details: { message, typeName: stop?.error?.kind },
    };
    this.sendResponse(response);
  }

  // --- custom requests for the panel and hovers -----------------------------------------------

  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    try {
      switch (command) {
        case MallocscopeRequest.Snapshot:
          return this.snapshotRequest(response);
        case MallocscopeRequest.History:
          return this.historyRequest(response, (args ?? {}) as HistoryArguments);
        case MallocscopeRequest.PointerInfo:
          return this.pointerInfoRequest(response, (args ?? {}) as PointerInfoArguments);
        default:
          this.sendError(response, ErrorCode.UnknownRequest, adapterMessages.unknownRequest(command), false);
      }
    } catch (e) {
      this.sendError(response, ErrorCode.Internal, adapterMessages.internal(errorText(e)));
    }
  }

  private snapshotRequest(response: DebugProtocol.Response): void {
    const process = this.process;
    if (process === undefined) {
      this.sendError(response, ErrorCode.NoProcess, adapterMessages.noProcess(), false);
      return;
    }
    const loc = this.status === 'stopped' ? this.lastStop?.loc ?? this.lastStop?.error?.loc ?? process.location() : undefined;
    response.body = buildSnapshot(process, this.status, loc === undefined ? undefined : { file: loc.file, line: loc.line });
    this.sendResponse(response);
  }

  private historyRequest(response: DebugProtocol.Response, args: HistoryArguments): void {
    const process = this.process;
    if (process === undefined) {
      this.sendError(response, ErrorCode.NoProcess, adapterMessages.noProcess(), false);
      return;
    }
    const address = typeof args.address === 'number' ? args.address : parseAddress(String(args.address ?? ''));
    if (address === undefined || !Number.isSafeInteger(address)) {
      this.sendError(response, ErrorCode.BadAddress, adapterMessages.badAddress(String(args.address)), false);
      return;
    }
    response.body = { address, entries: historyEntries(process, address) } satisfies HistoryResponseBody;
    this.sendResponse(response);
  }

  private pointerInfoRequest(response: DebugProtocol.Response, args: PointerInfoArguments): void {
    const process = this.process;
    if (process === undefined || process.finished) {
      this.sendError(response, ErrorCode.NoProcess, adapterMessages.noProcess(), false);
      return;
    }
    const value = process.evaluate(String(args.expression ?? ''), frameIndex(args.frameId));
    if ('error' in value) {
      this.sendError(response, ErrorCode.EvaluateFailed, value.error, false);
      return;
    }
    if (value.pointerValue === undefined) {
      this.sendError(response, ErrorCode.NotAPointer, adapterMessages.notAPointer(args.expression), false);
      return;
    }
    const info = pointerInfo(process, value.pointerValue);
    if (info === undefined) {
      this.sendError(response, ErrorCode.NotHeap, adapterMessages.notHeap(hexAddress(value.pointerValue)), false);
      return;
    }
    response.body = info;
    this.sendResponse(response);
  }

  private sendError(response: DebugProtocol.Response, id: ErrorCode, message: string, showUser = true): void {
    // The message goes in as the format string without variables: DAP's {name} substitution
    // leaves unknown names as they are, so braces from C source survive.
    this.sendErrorResponse(response, { id, format: message, showUser });
  }
}

/** DAP frame ids start at 1 so that 0 never means "a frame". */
function frameId(index: number): number {
  return index + 1;
}

function frameIndex(id: number | undefined): number {
  return id === undefined || id < 1 ? 0 : id - 1;
}

function diagnosticItem(d: Diagnostic): DiagnosticItem {
  return {
    severity: d.severity,
    message: d.message,
    file: d.loc.file,
    line: d.loc.line,
    column: d.loc.column,
    ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
  };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
