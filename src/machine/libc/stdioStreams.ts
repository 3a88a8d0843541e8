// FILE streams with Libc's buffering: the buffer is a real malloc'd block (libc stdio/makebuf.c:
// a terminal gets TTYBUFSIZE = 4096 bytes, line-buffered; anything else is fully buffered;
// stderr is unbuffered). Output leaves the process only when the buffer is flushed.

import type { MallocApi } from '../../malloc/api';
import type { AddressSpaceApi } from '../../vm/api';
import type { OutputStream } from '../api';
import { decodeUtf8 } from './host';

/** Libc `stdio/FreeBSD/makebuf.c`: TTYBUFSIZE; a file's st_blksize is 4096 on APFS as well. */
const TTY_BUFFER_SIZE = 4096;
const FILE_BUFFER_SIZE = 4096;

export type BufferMode = 'line' | 'full' | 'none';

export class Stream {
  buffer = 0;
  size = 0;
  used = 0;
  error = false;
  eof = false;
  /** Bytes pushed back with ungetc. */
  readonly pushback: number[] = [];
  constructor(readonly fd: number, public mode: BufferMode, readonly address: number) {}
}

export class Stdio {
  readonly streams = new Map<number, Stream>();
  readonly stdin: Stream;
  readonly stdout: Stream;
  readonly stderr: Stream;
  private input: Uint8Array;
  private inputPos = 0;

  constructor(
    private readonly mem: AddressSpaceApi,
    private readonly malloc: () => MallocApi,
    fileAddresses: readonly [number, number, number],
    stdoutIsTerminal: boolean,
    input: Uint8Array,
    private readonly sink: (stream: OutputStream, text: string) => void,
  ) {
    this.stdin = new Stream(0, 'full', fileAddresses[0]);
    this.stdout = new Stream(1, stdoutIsTerminal ? 'line' : 'full', fileAddresses[1]);
    this.stderr = new Stream(2, 'none', fileAddresses[2]);
    for (const s of [this.stdin, this.stdout, this.stderr]) this.streams.set(s.address, s);
    this.input = input;
    this.terminal = stdoutIsTerminal;
  }
  private readonly terminal: boolean;

  byAddress(address: number): Stream | undefined { return this.streams.get(address); }

  /** Write bytes through the stream's buffer (fwrite semantics). */
  write(s: Stream, bytes: Uint8Array): void {
    if (s.fd === 0) { s.error = true; return; }
    if (s.mode === 'none') { this.emit(s.fd, bytes); return; }
    if (s.buffer === 0) this.makeBuffer(s);
    let start = 0;
    while (start < bytes.length) {
      const room = s.size - s.used;
      const n = Math.min(room, bytes.length - start);
      this.mem.writeBytes(s.buffer + s.used, bytes.subarray(start, start + n));
      s.used += n; start += n;
      if (s.used === s.size) this.flush(s);
    }
    if (s.mode === 'line' && bytes.includes(10)) this.flush(s);
  }

  flush(s: Stream): void {
    if (s.used === 0 || s.buffer === 0) return;
    const bytes = this.mem.readBytes(s.buffer, s.used);
    s.used = 0;
    this.emit(s.fd, bytes);
  }

  flushAll(): void { for (const s of this.streams.values()) this.flush(s); }

  /** Line-buffered output is flushed before reading input (Libc __srefill's _fwalk(lflush)). */
  private flushLineBuffered(): void { for (const s of this.streams.values()) if (s.mode === 'line') this.flush(s); }

  emit(fd: number, bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.sink(fd === 2 ? 'stderr' : 'stdout', decodeUtf8(bytes));
  }

  private makeBuffer(s: Stream): void {
    const size = s.fd <= 2 && this.terminal && s.fd !== 2 ? TTY_BUFFER_SIZE : FILE_BUFFER_SIZE;
    const a = this.malloc().malloc(size);
    if (a === 0) { s.mode = 'none'; return; }
    s.buffer = a; s.size = size; s.used = 0;
  }

  /** Next input byte or -1 at end of input. */
  getc(s: Stream): number {
    if (s.pushback.length > 0) return s.pushback.pop()!;
    if (s.fd !== 0) { s.eof = true; return -1; }
    if (s.buffer === 0) { this.flushLineBuffered(); this.makeBuffer(s); }
    if (this.inputPos >= this.input.length) { s.eof = true; return -1; }
    return this.input[this.inputPos++];
  }

  ungetc(s: Stream, c: number): number {
    if (c < 0) return -1;
    s.pushback.push(c & 0xff); s.eof = false;
    return c & 0xff;
  }
}
