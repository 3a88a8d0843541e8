// createProcess: compile the sources, build the simulated machine (profile, address space,
// trace, libmalloc, process image, pre-main baseline) and return the Process stopped before
// the first statement of main.
//
// Entry: nothing runs in createProcess beyond the loader's work, so `location()` is main's
// first statement; an adapter honouring stopOnEntry reports 'entry' there without calling run.

import type { Diagnostic } from '../c/ast';
import { compile } from '../c/frontend';
import { Libmalloc } from '../malloc/libmalloc';
import { TraceLog } from '../trace/traceLog';
import { AddressSpace } from '../vm/addressSpace';
import { profileByName } from '../vm/profiles';
import type { CreateProcessResult, LaunchOptions } from './api';
import { Machine } from './machine';
import { MSG } from './messages';
import { applyPreMainBaseline, mapProcessImage } from './processImage';

const DEFAULT_PID = 4242;

export function createProcess(options: LaunchOptions): CreateProcessResult {
  const compiled = compile(options.sources, options.includes);
  if (compiled.program === undefined) return { process: undefined, diagnostics: compiled.diagnostics };
  const program = compiled.program;
  const profile = profileByName(options.profile);
  const where = { file: options.sources[0]?.path ?? '', line: 1, column: 1 };
  if (profile === undefined) {
    return { process: undefined, diagnostics: [...compiled.diagnostics, errorAt(where, `unknown machine profile '${options.profile}'`)] };
  }
  if (!program.functions.some((f: { symbol: { name: string } }) => f.symbol.name === 'main')) {
    return { process: undefined, diagnostics: [...compiled.diagnostics, errorAt(where, MSG.noMain)] };
  }
  const programName = options.programName ?? baseName(options.sources[0]?.path ?? 'a.out');
  const pid = options.pid ?? DEFAULT_PID;
  const vm = new AddressSpace(profile);
  const trace = new TraceLog();
  try {
    const process = new Machine({
      program, options, vm, trace, profileName: profile.name, programName, pid,
      makeMalloc: (context, warn) => new Libmalloc({ vm, profile, env: options.env, context, trace, programName, pid, warn }),
      mapImage: mapProcessImage,
      baseline: applyPreMainBaseline,
    });
    return { process, diagnostics: compiled.diagnostics };
  } catch (e) {
    // A construct the loader cannot lay out is reported like a link error, never thrown.
    return { process: undefined, diagnostics: [...compiled.diagnostics, errorAt(where, MSG.internal(e instanceof Error ? e.message : String(e)))] };
  }
}

function errorAt(loc: Diagnostic['loc'], message: string): Diagnostic {
  return { severity: 'error', message, loc };
}

function baseName(path: string): string {
  const last = path.split(/[\\/]/).pop() ?? path;
  return last.endsWith('.c') ? last.slice(0, -2) : last;
}
