// FileAccessor over Node's fs, for the standalone adapter (main.ts) and tests.

import { promises as fs } from 'fs';
import type { FileAccessor } from './fileAccessor';

export const nodeFileAccessor: FileAccessor = {
  isWindows: process.platform === 'win32',
  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFile(path);
  },
};
