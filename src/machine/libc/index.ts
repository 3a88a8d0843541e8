// The whole C library, by function name.

import { ctypeLib } from './ctype';
import { errnoLib } from './errno';
import type { LibTable } from './host';
import { mathLib } from './math';
import { stdioLib } from './stdio';
import { stdlibLib } from './stdlib';
import { stringLib } from './string';
import { unistdLib } from './unistd';

export const LIBC: LibTable = { ...stdioLib, ...stdlibLib, ...stringLib, ...ctypeLib, ...mathLib, ...unistdLib, ...errnoLib };
