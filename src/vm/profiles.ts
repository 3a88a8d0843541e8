// Machine profiles: the hardware facts libmalloc reads at start-up (page size, hw.memsize,
// logical CPU count) and that decide its thresholds. The default is an Apple-silicon Mac with
// 16 GiB; the 64 GiB profile crosses MEDIUM_ACTIVATION_THRESHOLD so the medium rack engages;
// the Intel profile has 4 KiB pages.

import type { MachineProfile } from './api';

const GiB = 1024 * 1024 * 1024;

export const DEFAULT_PROFILE_NAME = 'apple-silicon-16g';

export const PROFILES: readonly MachineProfile[] = [
  {
    name: 'apple-silicon-16g',
    description: 'Apple silicon Mac, 16 GiB, 8 CPUs, 16 KiB pages (medium rack off)',
    pageSize: 16384,
    memorySize: 16 * GiB,
    logicalCpus: 8,
    codeType: 'ARM64',
  },
  {
    name: 'apple-silicon-64g',
    description: 'Apple silicon Mac, 64 GiB, 12 CPUs, 16 KiB pages (medium rack engaged: memsize >= 32 GiB)',
    pageSize: 16384,
    memorySize: 64 * GiB,
    logicalCpus: 12,
    codeType: 'ARM64',
  },
  {
    name: 'intel-16g',
    description: 'Intel Mac, 16 GiB, 8 CPUs, 4 KiB pages (medium rack off)',
    pageSize: 4096,
    memorySize: 16 * GiB,
    logicalCpus: 8,
    codeType: 'X86-64',
  },
];

/** undefined → the default profile; an unknown name → undefined. */
export function profileByName(name: string | undefined): MachineProfile | undefined {
  const wanted = name ?? DEFAULT_PROFILE_NAME;
  return PROFILES.find((p) => p.name === wanted);
}
