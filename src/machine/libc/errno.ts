// <errno.h> and strerror's texts (macOS wording).

import type { LibTable } from './host';

const TEXTS: Record<number, string> = {
  0: 'Undefined error: 0', 1: 'Operation not permitted', 2: 'No such file or directory', 3: 'No such process',
  4: 'Interrupted system call', 5: 'Input/output error', 9: 'Bad file descriptor', 12: 'Cannot allocate memory',
  13: 'Permission denied', 14: 'Bad address', 17: 'File exists', 22: 'Invalid argument', 28: 'No space left on device',
  33: 'Numerical argument out of domain', 34: 'Result too large',
};

export function strerrorText(e: number): string { return TEXTS[e] ?? `Unknown error: ${e}`; }

export const errnoLib: LibTable = {
  __error: { fn: (h) => h.errnoAddress },
};
