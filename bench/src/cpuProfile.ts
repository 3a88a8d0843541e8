// Reads a V8 .cpuprofile (node --cpu-prof) and ranks functions by self time: where the
// interpreter spends a program's run.

export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  /** "functionName file:line" (line 1-based). */
  readonly function: string;
  readonly selfMs: number;
  /** Share of all sampled time, 0..100. */
  readonly percent: number;
}

type Frame = CpuProfile['nodes'][number]['callFrame'];

/** Functions by self time, largest first. A sample lasts until the next one is taken. */
export function topSelfTime(profile: CpuProfile, count: number): SelfTime[] {
  return rank(profile, count, ({ functionName, url, lineNumber }) => {
    const file = url === '' ? '' : ` ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}`;
    return `${functionName === '' ? '(anonymous)' : functionName}${file}`;
  });
}

/**
 * Self time by source file, as a path from the project's out/ or dist/ folder ("src/malloc/rack.js")
 * so the engine's layers show; Node's internals and V8's pseudo-functions are one line each.
 */
export function selfTimeByFile(profile: CpuProfile, count: number): SelfTime[] {
  return rank(profile, count, ({ functionName, url }) => {
    if (url === '') return functionName === '(garbage collector)' || functionName === '(program)' || functionName === '(idle)' ? functionName : '(native)';
    if (url.startsWith('node:')) return '(node internals)';
    const inProject = /\/(?:out|dist)\/(.+)$/.exec(url);
    return inProject ? inProject[1] : url.slice(url.lastIndexOf('/') + 1);
  });
}

function rank(profile: CpuProfile, count: number, labelFor: (frame: Frame) => string): SelfTime[] {
  const labelOf = new Map<number, string>();
  for (const node of profile.nodes) labelOf.set(node.id, labelFor(node.callFrame));
  const selfMicros = new Map<string, number>();
  let time = profile.startTime;
  const stamps = profile.timeDeltas.map((delta) => (time += delta));
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const duration = (i + 1 < stamps.length ? stamps[i + 1] : profile.endTime) - stamps[i];
    if (duration <= 0) continue;
    const label = labelOf.get(profile.samples[i]) ?? '(unknown)';
    selfMicros.set(label, (selfMicros.get(label) ?? 0) + duration);
    total += duration;
  }
  return [...selfMicros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([label, micros]) => ({ function: label, selfMs: micros / 1000, percent: total > 0 ? (100 * micros) / total : 0 }));
}
