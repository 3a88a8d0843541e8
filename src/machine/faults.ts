// How a running program stops abnormally: JS exceptions the interpreter loop turns into stops.

import type { ProgramError } from './api';

/** A fault or abort the program takes: the loop stops with reason 'exception'. */
export class ProgramFault extends Error {
  constructor(readonly error: ProgramError) { super(error.message); this.name = 'ProgramFault'; }
}

/** exit() finished (atexit handlers run, stdio flushed). */
export class ProgramExit extends Error {
  constructor(readonly status: number) { super(`exit(${status})`); this.name = 'ProgramExit'; }
}

export const SIGABRT = 6;
export const SIGFPE = 8;
export const SIGBUS = 10;
export const SIGSEGV = 11;
