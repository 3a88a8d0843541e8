// A process for report tests built from real engine objects: the AddressSpace, the TraceLog and
// Libmalloc (MallocNanoZone=0 unless asked otherwise, so small blocks land in tiny as in the
// seed article), with a hand-mapped __TEXT, __DATA and stack and a C stack the test sets, so a
// test can place pointers exactly where leaks looks for them.

import type { Process } from '../../../src/machine/api';
import { Libmalloc } from '../../../src/malloc/libmalloc';
import type { MallocApi, MallocIntrospection } from '../../../src/malloc/api';
import type { StackFrameRecord } from '../../../src/trace/api';
import { TraceLog } from '../../../src/trace/traceLog';
import { AddressSpace } from '../../../src/vm/addressSpace';
import { profileByName } from '../../../src/vm/profiles';

/** Stack reserve below the top, as the process image maps it (8 MiB). */
const STACK_BYTES = 8 << 20;

export interface TestProcessOptions {
  /** The allocator's environment; default MallocNanoZone=0. */
  readonly env?: Readonly<Record<string, string>>;
}

export class TestProcess {
  readonly memory = new AddressSpace(profileByName(undefined)!);
  readonly trace = new TraceLog();
  readonly malloc: MallocApi & MallocIntrospection;
  readonly warnings: string[] = [];
  readonly programName = 'leaky';
  readonly pid = 4242;
  readonly profileName = 'apple-silicon-16g';
  readonly finished = false;
  steps = 0;
  readonly text: number;
  readonly data: number;
  readonly stackLimit: number;
  readonly stackTop: number;
  private frames: StackFrameRecord[] = [];

  constructor(options: TestProcessOptions = {}) {
    this.malloc = new Libmalloc({
      vm: this.memory,
      profile: this.memory.profile,
      env: options.env ?? { MallocNanoZone: '0' },
      context: { step: () => this.steps, stackId: () => this.stackId() },
      trace: this.trace,
      programName: this.programName,
      pid: this.pid,
      warn: (line) => this.warnings.push(line),
    });
    this.text = this.memory.map(0x4000, { tag: '__TEXT', fixedAddress: 0x100000000, protection: 'r-x', detail: '/private/tmp/mallocscope/leaky' })!;
    this.data = this.memory.map(0x4000, { tag: '__DATA', fixedAddress: 0x100004000, detail: '/private/tmp/mallocscope/leaky' })!;
    this.stackLimit = this.memory.map(STACK_BYTES, { tag: 'Stack', fixedAddress: 0x16f600000, detail: 'thread 0' })!;
    this.stackTop = this.stackLimit + STACK_BYTES;
  }

  stackId(): number {
    return this.trace.internStack(this.frames);
  }

  /** Runs `body` as if called from the given frames (innermost first) at `step`. */
  at<T>(frames: readonly [string, number][], step: number, body: () => T): T {
    this.frames = frames.map(([functionName, line]) => ({ functionName, file: 'leaky.c', line }));
    this.steps = step;
    try {
      return body();
    } finally {
      this.frames = [];
    }
  }

  /** A word in the innermost stack page, `slot` words below the top. */
  stackSlot(slot: number): number {
    return this.stackTop - 8 * (slot + 1);
  }

  asProcess(): Process {
    return this as unknown as Process;
  }
}
