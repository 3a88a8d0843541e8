// Collects the program's output and hands it on in few, large pieces: a program that prints
// in a tight loop would otherwise produce one DAP event per flush of its stdio buffer and
// flood the client. Text goes out every FLUSH_INTERVAL_MS, when MAX_PENDING_CHARS pile up, or
// when the session flushes before a stop or exit event (so output precedes the stop).

import type { OutputStream } from '../machine/api';

const FLUSH_INTERVAL_MS = 16;
const MAX_PENDING_CHARS = 64 * 1024;

export class OutputCoalescer {
  private pending: { stream: OutputStream; text: string }[] = [];
  private pendingChars = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly emit: (stream: OutputStream, text: string) => void) {}

  push(stream: OutputStream, text: string): void {
    if (text === '') return;
    const last = this.pending[this.pending.length - 1];
    if (last !== undefined && last.stream === stream) last.text += text;
    else this.pending.push({ stream, text });
    this.pendingChars += text.length;
    if (this.pendingChars >= MAX_PENDING_CHARS) this.flush();
    else if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const pending = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    for (const { stream, text } of pending) this.emit(stream, text);
  }

  dispose(): void {
    this.flush();
  }
}
