// Interned C call stacks as a trie: each node is one frame under its caller, and a stack's id is
// the id of its innermost node. Stacks that share callers share nodes, so a loop that calls
// malloc from the same line a million times stores that stack once.

import type { StackFrameRecord } from './api';

/** Id of the empty stack (events recorded before main, or with no C frame). */
export const EMPTY_STACK = 0;

export class StackTrie {
  private readonly parents: number[] = [-1];
  private readonly frames: (StackFrameRecord | undefined)[] = [undefined];
  /** `${parent}\u0000${function}\u0000${file}\u0000${line}` → node id. */
  private readonly children = new Map<string, number>();
  private readonly resolved = new Map<number, readonly StackFrameRecord[]>();

  get size(): number {
    return this.parents.length;
  }

  /** Frames innermost first, as the machine's call stack lists them. */
  intern(frames: readonly StackFrameRecord[]): number {
    let node = EMPTY_STACK;
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i];
      const key = `${node}\u0000${f.functionName}\u0000${f.file}\u0000${f.line}`;
      let child = this.children.get(key);
      if (child === undefined) {
        child = this.parents.length;
        this.parents.push(node);
        this.frames.push({ functionName: f.functionName, file: f.file, line: f.line });
        this.children.set(key, child);
      }
      node = child;
    }
    return node;
  }

  /** Innermost first; [] for an unknown id. */
  stack(id: number): readonly StackFrameRecord[] {
    const cached = this.resolved.get(id);
    if (cached !== undefined) return cached;
    const out: StackFrameRecord[] = [];
    for (let node = id; node > EMPTY_STACK && node < this.parents.length; node = this.parents[node]) {
      out.push(this.frames[node] as StackFrameRecord);
    }
    this.resolved.set(id, out);
    return out;
  }

  /** Rough bytes held (per node: parent slot, frame object, map entry). */
  get byteSize(): number {
    return this.parents.length * 96;
  }
}
