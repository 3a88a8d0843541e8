// Builds a Machine over the real address space, libmalloc model, trace and process image.

import type { Program } from '../../../src/c/ast';
import { Libmalloc } from '../../../src/malloc/libmalloc';
import type { LaunchOptions, StopInfo } from '../../../src/machine/api';
import { Machine } from '../../../src/machine/machine';
import { applyPreMainBaseline, mapProcessImage } from '../../../src/machine/processImage';
import { TraceLog } from '../../../src/trace/traceLog';
import { AddressSpace } from '../../../src/vm/addressSpace';
import { profileByName } from '../../../src/vm/profiles';

export interface Ran { machine: Machine; stdout: string; stderr: string; output: string; stop: StopInfo }

export function machineFor(program: Program, options: Partial<LaunchOptions> = {}): { machine: Machine; out: { stdout: string; stderr: string; output: string } } {
  const profile = profileByName(options.profile)!;
  const vm = new AddressSpace(profile);
  const trace = new TraceLog();
  const opts: LaunchOptions = { sources: [], args: [], env: {}, ...options };
  const machine = new Machine({
    program, options: opts, vm, trace, profileName: profile.name, programName: 't', pid: opts.pid ?? 4242,
    makeMalloc: (context, warn) => new Libmalloc({ vm, profile, env: opts.env, context, trace, programName: 't', pid: opts.pid ?? 4242, warn }),
    mapImage: mapProcessImage,
    baseline: applyPreMainBaseline,
  });
  const out = { stdout: '', stderr: '', output: '' };
  machine.onOutput((s, t) => { if (s === 'stdout') out.stdout += t; else out.stderr += t; out.output += t; });
  return { machine, out };
}

/** Run to the end (continuing through exception stops, as the CLI does). */
export function runToExit(machine: Machine, budget = 1_000_000): StopInfo {
  for (let i = 0; i < 100000; i++) {
    const stop = machine.run('continue', budget);
    if (stop.reason === 'exited' || stop.reason === 'step-limit') return stop;
  }
  throw new Error('program did not finish');
}
