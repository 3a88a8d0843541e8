// The Malloc* environment variables libmalloc reads at start-up (libmalloc.md §3), parsed into
// one settings object. Presence-only flags (MallocScribble, MallocGuardEdges, MallocErrorAbort,
// MallocHelp) are on whatever their value, as libmalloc only checks getenv() != NULL for them.

import type { MachineProfile } from '../vm/api';
import { MEDIUM_ACTIVATION_THRESHOLD } from './constants';
import { MallocMessages } from './errors';

export interface MallocSettings {
  readonly nanoZone: boolean;
  readonly scribble: boolean;
  /** MallocGuardEdges: guard pages around large blocks; 'all' adds a trailing guard page to rack regions. */
  readonly guardEdges: 'off' | 'large' | 'all';
  readonly protectPrelude: boolean;
  readonly protectPostlude: boolean;
  readonly largeCache: boolean;
  readonly spaceEfficient: boolean;
  readonly mediumEngaged: boolean;
  readonly zeroOnFree: boolean;
  readonly zeroOnAlloc: boolean;
  readonly maxMagazines: number | undefined;
  readonly errorAbort: boolean;
  /** MallocStackLogging's value (undefined when unset); the simulator records every event regardless. */
  readonly stackLogging: string | undefined;
  /** MallocCheckHeapStart / Each: check the heap from operation N on, every M operations (default 1000). */
  readonly checkHeapStart: number | undefined;
  readonly checkHeapEach: number;
  /** MallocCheckHeapAbort: abort on a failed check instead of sleeping. */
  readonly checkHeapAbort: boolean;
  /** Seed of nanov2's metadata scramble (MallocNanoCookie, a Mallocscope extension). */
  readonly nanoCookie: number | undefined;
}

const SUPPORTED_LATER = ['MallocCheckHeapSleep', 'MallocLogFile', 'MallocAggressiveMadvise', 'MallocRecircRetainedRegions'];

const HELP_LINES = [
  'malloc: environment variables that can be set for debug (Mallocscope simulates those marked *):',
  '- MallocNanoZone=0|1 *          turn the nano allocator (blocks <= 256 bytes) off or on',
  '- MallocScribble *              fill allocated memory with 0xAA and freed memory with 0x55 (disables nano)',
  '- MallocGuardEdges[=all] *      guard pages before and after each large block (all: also after each region)',
  '- MallocDoNotProtectPrelude *   with MallocGuardEdges, no guard page before large blocks',
  '- MallocDoNotProtectPostlude *  with MallocGuardEdges, no guard page after large blocks',
  '- MallocLargeCache=0|1 *        turn the large free cache (death row) off or on',
  '- MallocSpaceEfficient=1 *      prefer space: no large cache, nano off by default',
  '- MallocMediumZone=0|1 *        force the medium allocator off or on',
  '- MallocMediumActivationThreshold=<bytes> *  memory size from which medium engages',
  '- MallocZeroOnFree=0|1 *        zero tiny and nano blocks when freed (default 1)',
  '- MallocZeroOnAlloc=0|1 *       zero blocks when allocated',
  '- MallocMaxMagazines=<n> *      cap the number of magazines',
  '- MallocErrorAbort *            abort on any malloc error, out-of-memory included',
  '- MallocStackLogging[=vm|malloc|lite] *  record allocation stacks (always on in Mallocscope)',
  '- MallocCheckHeapStart=<n> *     check the heap from operation n on (free-list links)',
  '- MallocCheckHeapEach=<n> *      then every n operations (default 1000)',
  '- MallocCheckHeapAbort=1 *       abort when a check fails (otherwise libmalloc sleeps)',
  '- MallocHelp *                  this list',
];

function flag(env: Readonly<Record<string, string>>, name: string, fallback: boolean, warn: (t: string) => void): boolean {
  const v = env[name];
  if (v === undefined) return fallback;
  if (v === '1' || v.toLowerCase() === 'yes' || v.toLowerCase() === 'true') return true;
  if (v === '0' || v.toLowerCase() === 'no' || v.toLowerCase() === 'false') return false;
  warn(MallocMessages.malformedValue(name, v, '0 or 1'));
  return fallback;
}

function count(env: Readonly<Record<string, string>>, name: string, warn: (t: string) => void): number | undefined {
  const v = env[name];
  if (v === undefined) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  warn(MallocMessages.malformedValue(name, v, 'a non-negative integer'));
  return undefined;
}

export function readMallocSettings(env: Readonly<Record<string, string>>, profile: MachineProfile,
  warn: (text: string) => void): MallocSettings {
  const has = (name: string): boolean => env[name] !== undefined;
  const spaceEfficient = flag(env, 'MallocSpaceEfficient', false, warn);
  const scribble = has('MallocScribble');
  // MallocNanoZone defaults to "conditional": on unless space-efficient; scribbling forces it off.
  const nanoRequested = flag(env, 'MallocNanoZone', !spaceEfficient, warn);
  const threshold = count(env, 'MallocMediumActivationThreshold', warn) ?? MEDIUM_ACTIVATION_THRESHOLD;
  const mediumEngaged = flag(env, 'MallocMediumZone', profile.memorySize >= threshold, warn);
  const guard = env.MallocGuardEdges;
  for (const name of SUPPORTED_LATER) if (has(name)) warn(MallocMessages.unsupportedVariable(name));
  if (has('MallocHelp')) for (const line of HELP_LINES) warn(line);
  const cookie = env.MallocNanoCookie;
  let nanoCookie: number | undefined;
  if (cookie !== undefined) {
    const n = Number(cookie);
    if (Number.isInteger(n) && n >= 0) nanoCookie = n;
    else warn(MallocMessages.malformedValue('MallocNanoCookie', cookie, 'a non-negative integer'));
  }
  return {
    nanoZone: nanoRequested && !scribble,
    scribble,
    guardEdges: guard === undefined ? 'off' : guard === 'all' ? 'all' : 'large',
    protectPrelude: !has('MallocDoNotProtectPrelude'),
    protectPostlude: !has('MallocDoNotProtectPostlude'),
    largeCache: flag(env, 'MallocLargeCache', !spaceEfficient, warn),
    spaceEfficient,
    mediumEngaged,
    zeroOnFree: flag(env, 'MallocZeroOnFree', true, warn),
    zeroOnAlloc: flag(env, 'MallocZeroOnAlloc', false, warn),
    maxMagazines: count(env, 'MallocMaxMagazines', warn),
    errorAbort: has('MallocErrorAbort'),
    stackLogging: env.MallocStackLogging,
    nanoCookie,
    checkHeapStart: count(env, 'MallocCheckHeapStart', warn),
    checkHeapEach: Math.max(1, count(env, 'MallocCheckHeapEach', warn) ?? 1000),
    checkHeapAbort: flag(env, 'MallocCheckHeapAbort', false, warn),
  };
}
