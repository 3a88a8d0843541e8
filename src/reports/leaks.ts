// leaks: a conservative mark of the heap from the roots a Mac's leaks tool scans, the threads'
// stacks and registers and the binary's writable data, then transitively through every live
// block reachable from them. Whatever live block is not reached is a leak. Leaked blocks are
// grouped into trees: a ROOT LEAK is a leaked block no other leaked block points to; a ROOT CYCLE
// is a group of leaked blocks that point to each other with no leaked block outside pointing in.

import type { Process } from '../machine/api';
import { PageState } from '../vm/api';
import type { HistoryFrame } from '../protocol/snapshot';
import { TraceKind, type ZoneKind } from '../malloc/api';
import { hexAddress, padLeft, padRight, plural } from './format';
import { reportHeader } from './header';
import { allocationEventOf, callerFrames, framesOf } from './events';
import { LiveBlockIndex, liveBlockIndex, sortedRegions } from './inspect';

/** VM regions whose words are roots: the stack (every dirty page of it) and __DATA. */
const ROOT_TAGS: ReadonlySet<string> = new Set(['Stack', '__DATA']);

const TWO_32 = 0x1_0000_0000;
/** Ranges up to this many bytes are read word by word rather than copied out. */
const SMALL_RANGE = 512;
/** Words at or above 2^53 cannot be simulated addresses. */
const HIGH_WORD_LIMIT = 0x20_0000;

export interface LeakEntry {
  readonly address: number;
  /** malloc_size of the block. */
  readonly size: number;
  readonly requestedSize: number;
  readonly zone: ZoneKind;
  /** 'ROOT LEAK' or 'ROOT CYCLE' for the head of a group; undefined for a block under one. */
  readonly root: 'ROOT LEAK' | 'ROOT CYCLE' | undefined;
  /** Nesting level in the printed tree (0 for roots). */
  readonly depth: number;
  /** Blocks in the tree under this entry, itself included, and their bytes. */
  readonly nodeCount: number;
  readonly totalBytes: number;
  /** "malloc in main", from the allocation's stack; undefined when the trace has no stack. */
  readonly allocatedBy: string | undefined;
  /** The allocation's C stack, innermost first. */
  readonly stack: readonly HistoryFrame[];
}

export interface LeaksResult {
  readonly text: string;
  /** Leaked blocks (every block of every group). The CLI exits 1 when it is not zero. */
  readonly leakCount: number;
  readonly leakedBytes: number;
  /** Groups in report order, each root followed by the blocks under it. */
  readonly leaks: readonly LeakEntry[];
}

interface BlockFacts {
  readonly allocatedBy: string | undefined;
  readonly stack: readonly HistoryFrame[];
  readonly stackKey: string;
  /** Allocated before main by the runtime (dyld, libSystem), which holds it from its own data. */
  readonly runtimeOwned: boolean;
}

export function leaksReport(process: Process): LeaksResult {
  const live = liveBlockIndex(process);
  const reached = markReachable(process, live);
  const leaked: number[] = [];
  for (let i = 0; i < live.count; i++) if (reached[i] === 0) leaked.push(i);

  const facts = new Map<number, BlockFacts>();
  const factsOf = (i: number): BlockFacts => {
    let f = facts.get(i);
    if (f === undefined) {
      f = blockFacts(process, live.blocks[i].address);
      facts.set(i, f);
    }
    return f;
  };
  // Blocks the runtime allocated before main, and blocks libc allocated for its own state, are
  // referenced from libraries' data that a Mac's leaks scans and the simulation keeps outside
  // simulated memory: treat them as roots, then mark again from them.
  const runtimeRoots = leaked.filter((i) => factsOf(i).runtimeOwned);
  let stillLeaked = leaked;
  if (runtimeRoots.length > 0) {
    const again = markReachable(process, live, runtimeRoots, reached);
    stillLeaked = leaked.filter((i) => again[i] === 0);
  }

  const entries = groupLeaks(process, live, stillLeaked, factsOf);
  let leakedBytes = 0;
  for (const i of stillLeaked) leakedBytes += live.blocks[i].blockSize;
  let mallocedBytes = 0;
  for (const b of live.blocks) mallocedBytes += b.blockSize;

  const out: string[] = [reportHeader(process, 'leaks'), ''];
  out.push('leaks Report Version: 4.0, multi-line stacks');
  out.push(`Process ${process.pid}: ${live.count} nodes malloced for ${Math.round(mallocedBytes / 1024)} KB`);
  out.push(`Process ${process.pid}: ${plural(stillLeaked.length, 'leak')} for ${leakedBytes} total leaked bytes.`);
  out.push('');
  out.push(...printGroups(process, entries, factsOf, live));
  return { text: out.join('\n'), leakCount: stillLeaked.length, leakedBytes, leaks: entries.map((e) => e.entry) };
}

/**
 * Marks live blocks reachable from the roots (or from `extraRoots` on top of an earlier mark).
 * Returns 1 per reached block, indexed like `live.blocks`.
 */
function markReachable(process: Process, live: LiveBlockIndex, extraRoots?: readonly number[], previous?: Uint8Array): Uint8Array {
  const reached = previous ? previous.slice() : new Uint8Array(live.count);
  const work: number[] = [];
  const visit = (word: number): void => {
    const i = live.indexContaining(word);
    if (i >= 0 && reached[i] === 0) {
      reached[i] = 1;
      work.push(i);
    }
  };
  if (extraRoots) {
    for (const i of extraRoots) if (reached[i] === 0) { reached[i] = 1; work.push(i); }
  } else {
    for (const region of sortedRegions(process)) {
      if (ROOT_TAGS.has(region.tag)) scanWords(process, region.start, region.end, live, visit);
    }
    for (const w of registerWords(process)) visit(w);
  }
  while (work.length > 0) {
    const i = work.pop()!;
    const b = live.blocks[i];
    scanWords(process, b.address, b.address + b.blockSize, live, visit);
  }
  return reached;
}

/**
 * What a Mac's leaks reads from the threads' registers: values the program holds outside
 * simulated memory. The machine's `rootWords()` when it has one; otherwise the pointer values of
 * every frame's locals (locals whose address is never taken may live outside the stack region).
 */
function registerWords(process: Process): number[] {
  const words: number[] = [];
  const fromMachine = process.rootWords?.();
  if (fromMachine !== undefined) {
    for (const w of fromMachine) words.push(w);
    return words;
  }
  if (process.finished || typeof process.stackFrames !== 'function') return words;
  try {
    for (const frame of process.stackFrames()) {
      for (const local of process.locals(frame.index)) {
        if (local.pointerValue !== undefined) words.push(local.pointerValue);
      }
    }
  } catch {
    // A process that cannot list its frames right now has no register roots to offer.
  }
  return words;
}

/** Calls `visit` with every 8-byte aligned word in [start, end) that could point into a live block. */
function scanWords(process: Process, start: number, end: number, live: LiveBlockIndex, visit: (word: number) => void): void {
  if (live.count === 0) return;
  const low = live.starts[0];
  const high = live.ends[live.count - 1];
  const memory = process.memory;
  const pageSize = memory.pageSize;
  let address = Math.ceil(start / 8) * 8;
  while (address + 8 <= end) {
    const pageEnd = Math.min(end, (Math.floor(address / pageSize) + 1) * pageSize);
    if (memory.pageState(address) === PageState.Untouched) {
      // Untouched: zeros, nothing to find.
    } else if (pageEnd - address <= SMALL_RANGE) {
      // A small block: word reads through the address space's page cache allocate nothing.
      try {
        for (let a = address; a + 8 <= pageEnd; a += 8) {
          const hi = memory.readU32(a + 4);
          if (hi >= HIGH_WORD_LIMIT) continue;
          const word = hi * TWO_32 + memory.readU32(a);
          if (word >= low && word < high) visit(word);
        }
      } catch {
        // a guard page inside the range: no words to read
      }
    } else {
      let bytes: Uint8Array | undefined;
      try {
        bytes = memory.readBytes(address, pageEnd - address);
      } catch {
        bytes = undefined; // a guard page inside the range: no words to read
      }
      if (bytes !== undefined) {
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (let o = 0; o + 8 <= bytes.byteLength; o += 8) {
          const hi = view.getUint32(o + 4, true);
          if (hi >= HIGH_WORD_LIMIT) continue;
          const word = hi * TWO_32 + view.getUint32(o, true);
          if (word >= low && word < high) visit(word);
        }
      }
    }
    address = pageEnd;
  }
}

function blockFacts(process: Process, address: number): BlockFacts {
  const event = allocationEventOf(process.trace, address);
  if (event === undefined) return { allocatedBy: undefined, stack: [], stackKey: '', runtimeOwned: true };
  const stack = framesOf(process.trace, event.stackId);
  const { entryPoint, frames } = callerFrames(stack);
  const api = entryPoint ?? (event.kind === TraceKind.Realloc ? 'realloc' : 'malloc');
  const allocatedBy = frames.length > 0 ? `${api} in ${frames[0].functionName}` : undefined;
  const runtimeOwned = !stack.some((f) => f.functionName === 'main') || heldByLibrary(frames);
  return { allocatedBy, stack, stackKey: `${allocatedBy}|${event.stackId}`, runtimeOwned };
}

/** Library functions that hand the memory they allocate to their caller. */
const RETURNS_OWNERSHIP: ReadonlySet<string> = new Set([
  'strdup', 'strndup', 'asprintf', 'vasprintf', 'getline', 'getdelim', 'realpath', 'open_memstream',
  'scandir', 'tempnam',
]);

/**
 * A block a library function allocated for its own state (stdio's buffers from printf, fopen's
 * FILE) is referenced from the library's data, which a Mac's leaks scans and the simulation keeps
 * outside simulated memory; such blocks are not the program's leaks. Library frames carry no file.
 */
function heldByLibrary(frames: readonly HistoryFrame[]): boolean {
  const inner = frames[0];
  return inner !== undefined && inner.file === '' && !RETURNS_OWNERSHIP.has(inner.functionName);
}

interface GroupedEntry { readonly entry: LeakEntry; readonly index: number; readonly cycleBackTo?: number }

/** Orders leaked blocks into ROOT LEAK / ROOT CYCLE trees (depth-first, each block once). */
function groupLeaks(process: Process, live: LiveBlockIndex, leaked: readonly number[], factsOf: (i: number) => BlockFacts): GroupedEntry[] {
  const isLeaked = new Uint8Array(live.count);
  for (const i of leaked) isLeaked[i] = 1;
  // Edges between leaked blocks, found by scanning each leaked block's words.
  const edges = new Map<number, number[]>();
  for (const i of leaked) {
    const targets: number[] = [];
    const b = live.blocks[i];
    scanWords(process, b.address, b.address + b.blockSize, live, (word) => {
      const j = live.indexContaining(word);
      if (j >= 0 && isLeaked[j] === 1 && !targets.includes(j)) targets.push(j);
    });
    edges.set(i, targets);
  }
  const component = stronglyConnected(leaked, edges);
  const hasOutsideParent = new Set<number>();
  for (const i of leaked) for (const j of edges.get(i)!) if (component.get(i) !== component.get(j)) hasOutsideParent.add(component.get(j)!);
  const members = new Map<number, number[]>();
  for (const i of leaked) {
    const c = component.get(i)!;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(i);
  }

  const placed = new Uint8Array(live.count);
  const result: GroupedEntry[] = [];
  // Roots in address order: the lowest block of each root component heads its group.
  const rootComponents = [...members.keys()].filter((c) => !hasOutsideParent.has(c))
    .sort((a, b) => Math.min(...members.get(a)!) - Math.min(...members.get(b)!));
  for (const c of rootComponents) {
    const nodes = members.get(c)!;
    const head = Math.min(...nodes);
    const cyclic = nodes.length > 1 || edges.get(head)!.includes(head);
    appendTree(head, cyclic ? 'ROOT CYCLE' : 'ROOT LEAK');
  }
  return result;

  function appendTree(head: number, root: 'ROOT LEAK' | 'ROOT CYCLE'): void {
    // First pass: the spanning tree of first visits, depth-first, children in address order.
    const order: { index: number; depth: number; parent: number }[] = [];
    const stack: { index: number; depth: number; parent: number }[] = [{ index: head, depth: 0, parent: -1 }];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (placed[node.index] === 1) continue;
      placed[node.index] = 1;
      order.push(node);
      const children = edges.get(node.index)!.filter((j) => placed[j] === 0).sort((a, b) => b - a);
      for (const j of children) stack.push({ index: j, depth: node.depth + 1, parent: node.index });
    }
    // Subtree sizes, children before parents.
    const count = new Map<number, number>();
    const bytes = new Map<number, number>();
    for (let k = order.length - 1; k >= 0; k--) {
      const { index, parent } = order[k];
      count.set(index, (count.get(index) ?? 0) + 1);
      bytes.set(index, (bytes.get(index) ?? 0) + live.blocks[index].blockSize);
      if (parent >= 0) {
        count.set(parent, (count.get(parent) ?? 0) + count.get(index)!);
        bytes.set(parent, (bytes.get(parent) ?? 0) + bytes.get(index)!);
      }
    }
    for (let k = 0; k < order.length; k++) {
      const { index, depth } = order[k];
      const b = live.blocks[index];
      const f = factsOf(index);
      const closesCycle = root === 'ROOT CYCLE' && index !== head && edges.get(index)!.includes(head);
      result.push({
        index,
        cycleBackTo: closesCycle ? head : undefined,
        entry: {
          address: b.address, size: b.blockSize, requestedSize: b.requestedSize, zone: b.zone,
          root: depth === 0 ? root : undefined, depth,
          nodeCount: count.get(index)!, totalBytes: bytes.get(index)!,
          allocatedBy: f.allocatedBy, stack: f.stack,
        },
      });
    }
  }
}

/** Tarjan's strongly connected components, iteratively. Maps block index → component id. */
function stronglyConnected(nodes: readonly number[], edges: ReadonlyMap<number, readonly number[]>): Map<number, number> {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const component = new Map<number, number>();
  let counter = 0;
  let components = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const frames: { node: number; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter); low.set(start, counter); counter++;
    stack.push(start); onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const w = out[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter); low.set(w, counter); counter++;
          stack.push(w); onStack.add(w);
          frames.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.set(w, components);
        } while (w !== frame.node);
        components++;
      }
    }
  }
  return component;
}

function describe(entry: LeakEntry): string {
  return entry.allocatedBy === undefined ? hexAddress(entry.address) : `<${entry.allocatedBy} ${hexAddress(entry.address)}>`;
}

/** One tree line: "    1 (64 bytes) ROOT LEAK: <malloc in main 0x…> [64]", children 3 columns further in. */
function entryLine(entry: LeakEntry): string {
  const label = entry.root === undefined ? '' : `${entry.root}: `;
  return `${' '.repeat(entry.depth * 3)}${padLeft(entry.nodeCount, 5)} (${entry.totalBytes} bytes) ${label}${describe(entry)} [${entry.size}]`;
}

/** The frames leaks prints for an allocation, outermost first, numbered down to 0. */
function stackLines(process: Process, stack: readonly HistoryFrame[], api: string): string[] {
  const { frames } = callerFrames(stack);
  const rows: { image: string; symbol: string }[] = [{ image: 'dyld', symbol: 'start' }];
  for (let i = frames.length - 1; i >= 0; i--) {
    rows.push({ image: process.programName, symbol: `${frames[i].functionName}  ${frames[i].file}:${frames[i].line}` });
  }
  rows.push({ image: 'libsystem_malloc.dylib', symbol: `_malloc_zone_${api}_instrumented_or_legacy` });
  return rows.map((r, k) => padRight(String(rows.length - 1 - k), 4) + padRight(r.image, 38) + r.symbol);
}

/** Groups with the same allocation stack share one "STACK OF N INSTANCES" block. */
function printGroups(process: Process, grouped: readonly GroupedEntry[], factsOf: (i: number) => BlockFacts, live: LiveBlockIndex): string[] {
  const groups = new Map<string, GroupedEntry[][]>();
  let current: GroupedEntry[] | undefined;
  const trees: GroupedEntry[][] = [];
  for (const g of grouped) {
    if (g.entry.root !== undefined) {
      current = [];
      trees.push(current);
    }
    current!.push(g);
  }
  for (const tree of trees) {
    const head = tree[0];
    const key = `${head.entry.root}|${factsOf(head.index).stackKey}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(tree);
  }
  const out: string[] = [];
  for (const treesOfGroup of groups.values()) {
    const head = treesOfGroup[0][0].entry;
    if (head.allocatedBy !== undefined) {
      const api = head.allocatedBy.split(' in ')[0];
      const kind = `${head.root}: <${head.allocatedBy}>`;
      out.push(`STACK OF ${plural(treesOfGroup.length, 'INSTANCE', 'INSTANCES')} OF '${kind}':`);
      out.push(...stackLines(process, head.stack, api));
      out.push('====');
    }
    for (const tree of treesOfGroup) {
      for (const g of tree) {
        out.push(entryLine(g.entry));
        if (g.cycleBackTo !== undefined) {
          const target = live.blocks[g.cycleBackTo];
          const f = factsOf(g.cycleBackTo);
          const name = f.allocatedBy === undefined ? hexAddress(target.address) : `<${f.allocatedBy} ${hexAddress(target.address)}>`;
          out.push(`${' '.repeat((g.entry.depth + 1) * 3 + 4)}CYCLE BACK TO ${name} [${target.blockSize}]`);
        }
      }
    }
    out.push('');
  }
  return out;
}
