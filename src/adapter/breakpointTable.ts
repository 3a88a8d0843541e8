// The breakpoints the client asked for, with their conditions, hit counts and log messages. The
// engine only knows lines; when it stops at one, the table says whether the session shows the
// stop, logs a message and goes on, or goes on silently.

import type { Process, StopInfo } from '../machine/api';
import {
  type ConditionNode, evaluateCondition, failed, type Failure, formatLogMessage, type HitCondition, hitConditionMet,
  type LogPart, parseCondition, parseHitCondition, parseLogMessage, type Scalar, scalarOf,
} from './breakpointConditions';
import { adapterMessages } from './messages';

/** One requested breakpoint, as DAP's SourceBreakpoint carries it (line already on the engine's base). */
export interface BreakpointRequest {
  readonly line: number;
  readonly condition?: string;
  readonly hitCondition?: string;
  readonly logMessage?: string;
}

interface Entry {
  readonly request: BreakpointRequest;
  /** Where the engine placed it; undefined when no statement is at or after the line. */
  readonly boundLine: number | undefined;
  readonly condition?: ConditionNode;
  readonly hit?: HitCondition;
  readonly log?: readonly LogPart[];
  /** Why the breakpoint cannot work as written (shown unverified, never stops). */
  readonly problem?: string;
  /** Times the condition held (or was absent) since launch or restart. */
  hits: number;
}

/** What to do at a breakpoint stop: show it (`text` says why, if not the usual), or run on. */
export type Verdict =
  | { readonly stop: true; readonly text?: string; readonly logs: readonly string[] }
  | { readonly stop: false; readonly logs: readonly string[] };

export class BreakpointTable {
  private readonly files = new Map<string, Entry[]>();

  /** Replaces `file`'s breakpoints; an unchanged breakpoint keeps its hit count. Returns each one's problem, if any. */
  set(file: string, requests: readonly BreakpointRequest[], boundLines: readonly (number | undefined)[] | undefined): (string | undefined)[] {
    const previous = this.files.get(file) ?? [];
    const entries = requests.map((request, i) => {
      const entry = makeEntry(request, boundLines?.[i]);
      const same = previous.find((p) => sameRequest(p.request, request));
      if (same !== undefined) entry.hits = same.hits;
      return entry;
    });
    this.files.set(file, entries);
    return entries.map((e) => e.problem);
  }

  /** Takes the lines a new process bound the same requests to (a restart re-reads the sources, which may have changed). */
  rebind(file: string, boundLines: readonly (number | undefined)[]): void {
    const entries = this.files.get(file);
    if (entries === undefined) return;
    this.files.set(file, entries.map((e, i) => Object.assign(makeEntry(e.request, boundLines[i]), { hits: e.hits })));
  }

  /** Requested lines per file, for the engine. */
  lines(): [string, number[]][] {
    return [...this.files].map(([file, entries]) => [file, entries.map((e) => e.request.line)]);
  }

  /** A restart begins counting again. */
  resetHits(): void {
    for (const entries of this.files.values()) for (const e of entries) e.hits = 0;
  }

  /**
   * Decides a breakpoint stop: counts the hits of every breakpoint bound to the stop's line whose
   * condition holds, collects logpoint messages, and stops if any breakpoint there says so. A
   * condition that cannot be evaluated stops, with the reason.
   */
  judge(process: Process, stop: StopInfo): Verdict {
    const here = this.at(stop);
    if (here.length === 0) return { stop: true, logs: [] };
    const logs: string[] = [];
    let stopping = false;
    const reasons: string[] = [];
    for (const e of here) {
      if (e.problem !== undefined) continue;
      const holds = e.condition === undefined ? true : evaluateCondition(e.condition, (x) => operandValue(process, x));
      if (failed(holds)) {
        stopping = true;
        reasons.push(adapterMessages.conditionFailed(e.request.condition ?? '', holds.error));
        continue;
      }
      if (!holds) continue;
      e.hits++;
      if (e.hit !== undefined && !hitConditionMet(e.hit, e.hits)) continue;
      if (e.log !== undefined) logs.push(formatLogMessage(e.log, (x) => valueText(process, x)));
      else stopping = true;
    }
    if (!stopping) return { stop: false, logs };
    return reasons.length > 0 ? { stop: true, text: reasons.join('\n'), logs } : { stop: true, logs };
  }

  /**
   * For reverse-continue over a replay: would this stop be shown, judging by conditions alone?
   * Hit counts belong to the forward run and logpoints never stop.
   */
  wouldStop(process: Process, stop: StopInfo): boolean {
    const here = this.at(stop);
    if (here.length === 0) return true;
    return here.some((e) => {
      if (e.problem !== undefined || e.log !== undefined) return false;
      if (e.condition === undefined) return true;
      const holds = evaluateCondition(e.condition, (x) => operandValue(process, x));
      return failed(holds) || holds;
    });
  }

  private at(stop: StopInfo): Entry[] {
    const loc = stop.loc;
    if (loc === undefined) return [];
    return (this.files.get(loc.file) ?? []).filter((e) => e.boundLine === loc.line);
  }
}

function makeEntry(request: BreakpointRequest, boundLine: number | undefined): Entry {
  const has = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';
  const condition = has(request.condition) ? parseCondition(request.condition) : undefined;
  const hit = has(request.hitCondition) ? parseHitCondition(request.hitCondition) : undefined;
  const log = has(request.logMessage) ? parseLogMessage(request.logMessage) : undefined;
  const problem = [condition, hit, log].find((x): x is Failure => x !== undefined && failed(x))?.error;
  return {
    request,
    boundLine,
    ...(condition !== undefined && !failed(condition) ? { condition } : {}),
    ...(hit !== undefined && !failed(hit) ? { hit } : {}),
    ...(log !== undefined && !failed(log) ? { log } : {}),
    ...(problem !== undefined ? { problem } : {}),
    hits: 0,
  };
}

function sameRequest(a: BreakpointRequest, b: BreakpointRequest): boolean {
  return a.line === b.line && (a.condition ?? '') === (b.condition ?? '') && (a.hitCondition ?? '') === (b.hitCondition ?? '')
    && (a.logMessage ?? '') === (b.logMessage ?? '');
}

function operandValue(process: Process, expression: string): Scalar | Failure {
  const v = process.evaluate(expression, 0);
  return 'error' in v ? v : scalarOf(v);
}

function valueText(process: Process, expression: string): string | Failure {
  // A comparison inside braces (`{i > 3}`) prints 1 or 0, as C would.
  const node = parseCondition(expression);
  if (!failed(node) && node.kind !== 'operand') {
    const holds = evaluateCondition(node, (x) => operandValue(process, x));
    return failed(holds) ? holds : holds ? '1' : '0';
  }
  const v = process.evaluate(expression, 0);
  return 'error' in v ? v : v.value;
}
