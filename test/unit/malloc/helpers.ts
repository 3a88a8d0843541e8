// Builds the real engine objects (AddressSpace, TraceLog, Libmalloc) the way createProcess does.

import { AddressSpace } from '../../../src/vm/addressSpace';
import { profileByName } from '../../../src/vm/profiles';
import { TraceLog } from '../../../src/trace/traceLog';
import { Libmalloc } from '../../../src/malloc/libmalloc';

export interface Heap {
  readonly vm: AddressSpace;
  readonly trace: TraceLog;
  readonly malloc: Libmalloc;
  readonly warnings: string[];
  /** Advance the fake statement counter. */
  step(n?: number): void;
  stackId: number;
}

export function heap(env: Record<string, string> = {}, profileName = 'apple-silicon-16g'): Heap {
  const profile = profileByName(profileName);
  if (profile === undefined) throw new Error(`no profile ${profileName}`);
  const vm = new AddressSpace(profile);
  const trace = new TraceLog();
  const warnings: string[] = [];
  let steps = 0;
  const h = {
    vm, trace, warnings,
    stackId: 0,
    step(n = 1): void { steps += n; },
  } as Heap & { malloc: Libmalloc };
  h.malloc = new Libmalloc({
    vm, profile, env, trace, programName: 'test', pid: 4242, warn: (t) => warnings.push(t),
    context: { step: () => steps, stackId: () => h.stackId },
  });
  return h;
}

/** The magazine zone without nano, so small requests go to tiny. */
export function magazineHeap(env: Record<string, string> = {}, profileName?: string): Heap {
  return heap({ MallocNanoZone: '0', ...env }, profileName);
}

export const KiB = 1024;
export const MiB = 1024 * KiB;
