// What the C library sees of the machine. Each libc file exports a table of functions by name.

import type { CType } from '../../c/ast';
import type { MallocApi } from '../../malloc/api';
import type { AddressSpaceApi } from '../../vm/api';
import type { CallRequest } from '../code';
import type { Stdio } from './stdioStreams';

export interface LibcHost {
  readonly mem: AddressSpaceApi;
  readonly malloc: MallocApi;
  readonly stdio: Stdio;
  /** The process environment (getenv/setenv): a copy of the launch env. */
  readonly env: Record<string, string>;
  readonly pid: number;
  readonly programName: string;
  /** Address of errno (what __error() returns). */
  readonly errnoAddress: number;
  /** Static scratch memory for strerror/getenv-style results, by purpose. */
  scratch(name: string, size: number): number;
  /** Simulated time since launch, nanoseconds. */
  clockNs: number;
  rngState: number;
  readonly atexit: number[];
  /** Name of the innermost C function, for assert. */
  currentFunction(): string;
  /** Runs atexit handlers, flushes stdio, ends the process. */
  exitGen(status: number): Generator<CallRequest, never, unknown>;
}

export type LibFn = (h: LibcHost, args: any[], types: readonly CType[]) => any;
export type LibGen = (h: LibcHost, args: any[], types: readonly CType[]) => Generator<CallRequest, any, any>;

export interface LibEntry {
  readonly fn?: LibFn;
  /** Routines that call back into C run as resumable native frames. */
  readonly gen?: LibGen;
}

export type LibTable = Record<string, LibEntry>;

export const ENOENT = 2, EINTR = 4, EBADF = 9, ENOMEM = 12, EINVAL = 22, ERANGE = 34;

export function setErrno(h: LibcHost, e: number): void { h.mem.writeU32(h.errnoAddress, e); }

/** A NUL-terminated C string as JS text (UTF-8). */
export function cstr(h: LibcHost, address: number): string {
  return decodeUtf8(h.mem.readCString(address));
}

export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) { out += String.fromCharCode(b); continue; }
    let cp = -1; let n = 0;
    if (b >= 0xc0 && b < 0xe0) { cp = b & 0x1f; n = 1; } else if (b >= 0xe0 && b < 0xf0) { cp = b & 0x0f; n = 2; } else if (b >= 0xf0 && b < 0xf8) { cp = b & 0x07; n = 3; }
    if (cp < 0 || i + n >= bytes.length) { out += '\ufffd'; continue; }
    let ok = true;
    for (let k = 1; k <= n; k++) { const c = bytes[i + k]; if ((c & 0xc0) !== 0x80) { ok = false; break; } cp = (cp << 6) | (c & 0x3f); }
    if (!ok) { out += '\ufffd'; continue; }
    out += String.fromCodePoint(cp); i += n;
  }
  return out;
}

export function encodeUtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}
