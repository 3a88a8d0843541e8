// Hands out variablesReferences for the things the Variables view can expand — a frame's
// locals, the globals, the live heap by zone, a ValueNode, a heap pointer's history — and turns
// them into DAP variables. References are valid until the program runs again.

import { Handles } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { Process, ValueNode } from '../machine/api';
import type { ZoneKind } from '../malloc/api';
import { hexAddress } from './memory';
import { describeSourcePoint, pointerInfo } from './pointerInfo';

type Expandable =
  | { readonly kind: 'locals'; readonly frameIndex: number }
  | { readonly kind: 'globals' }
  | { readonly kind: 'heap' }
  | { readonly kind: 'zone'; readonly zone: ZoneKind }
  | { readonly kind: 'node'; readonly node: ValueNode }
  /** A heap pointer shown with its block's history (evaluate results). */
  | { readonly kind: 'pointer'; readonly node: ValueNode; readonly target: number };

/** Arrays longer than this are paged by the client (indexedVariables). */
const PAGE_THRESHOLD = 100;
const ZONE_ORDER: readonly ZoneKind[] = ['nano', 'tiny', 'small', 'medium', 'large'];

export class VariableStore {
  private handles = new Handles<Expandable>();

  reset(): void {
    this.handles.reset();
  }

  localsRef(frameIndex: number): number {
    return this.handles.create({ kind: 'locals', frameIndex });
  }

  globalsRef(): number {
    return this.handles.create({ kind: 'globals' });
  }

  heapRef(): number {
    return this.handles.create({ kind: 'heap' });
  }

  /** The evaluate result for a node: heap pointers expand to the pointee plus the block's history. */
  evaluateResult(process: Process, node: ValueNode): { result: string; type: string; variablesReference: number; memoryReference?: string; indexedVariables?: number } {
    const target = node.pointerValue;
    const onHeap = target !== undefined && target !== 0 && process.malloc.blockContaining(target) !== undefined;
    const variablesReference = onHeap
      ? this.handles.create({ kind: 'pointer', node, target })
      : node.childCount > 0 ? this.handles.create({ kind: 'node', node }) : 0;
    return {
      result: node.value,
      type: node.type,
      variablesReference,
      ...memoryReferenceOf(node),
      ...(!onHeap && isPaged(node) ? { indexedVariables: node.childCount } : {}),
    };
  }

  variables(process: Process, reference: number, start?: number, count?: number): DebugProtocol.Variable[] {
    const item = this.handles.get(reference);
    if (item === undefined) return [];
    switch (item.kind) {
      case 'locals':
        return process.locals(item.frameIndex).map((n) => this.toVariable(n));
      case 'globals':
        return process.globals().map((n) => this.toVariable(n));
      case 'node':
        return page(item.node.children(), start, count).map((n) => this.toVariable(n));
      case 'pointer':
        return [...item.node.children().map((n) => this.toVariable(n)), ...historyRows(process, item.target)];
      case 'heap':
        return this.zoneRows(process);
      case 'zone':
        return page(blocksOf(process, item.zone), start, count).map((b) => ({
          name: hexAddress(b.address),
          value: `${b.blockSize} B (requested ${b.requestedSize})`,
          type: `${b.zone} block`,
          variablesReference: 0,
          memoryReference: hexAddress(b.address),
        }));
    }
  }

  toVariable(node: ValueNode): DebugProtocol.Variable {
    return {
      name: node.name,
      value: node.value,
      type: node.type,
      variablesReference: node.childCount > 0 ? this.handles.create({ kind: 'node', node }) : 0,
      ...(isPaged(node) ? { indexedVariables: node.childCount } : {}),
      ...memoryReferenceOf(node),
    };
  }

  private zoneRows(process: Process): DebugProtocol.Variable[] {
    const counts = new Map<ZoneKind, { blocks: number; bytes: number }>();
    for (const b of process.malloc.liveBlocks()) {
      const c = counts.get(b.zone) ?? { blocks: 0, bytes: 0 };
      c.blocks++;
      c.bytes += b.blockSize;
      counts.set(b.zone, c);
    }
    return ZONE_ORDER.filter((z) => counts.has(z)).map((zone) => {
      const c = counts.get(zone)!;
      return {
        name: zone,
        value: `${c.blocks} live block${c.blocks === 1 ? '' : 's'}, ${c.bytes} B`,
        variablesReference: this.handles.create({ kind: 'zone', zone }),
        indexedVariables: c.blocks,
      };
    });
  }
}

function historyRows(process: Process, target: number): DebugProtocol.Variable[] {
  const info = pointerInfo(process, target);
  if (info === undefined) return [];
  const rows: DebugProtocol.Variable[] = [
    { name: 'block', value: `${hexAddress(info.blockAddress)} · ${info.zone} · ${info.blockSize} B (requested ${info.requested})`, variablesReference: 0, memoryReference: hexAddress(info.blockAddress) },
  ];
  if (info.allocated) rows.push({ name: 'allocated at', value: describeSourcePoint(info.allocated), variablesReference: 0 });
  rows.push(info.freed
    ? { name: 'freed at', value: describeSourcePoint(info.freed), variablesReference: 0 }
    : { name: 'status', value: info.live ? 'live' : 'freed', variablesReference: 0 });
  return rows;
}

function blocksOf(process: Process, zone: ZoneKind) {
  const out = [];
  for (const b of process.malloc.liveBlocks()) if (b.zone === zone) out.push(b);
  return out;
}

function page<T>(items: readonly T[], start: number | undefined, count: number | undefined): readonly T[] {
  if (start === undefined && count === undefined) return items;
  const from = start ?? 0;
  return items.slice(from, count === undefined || count === 0 ? undefined : from + count);
}

function isPaged(node: ValueNode): boolean {
  return node.childCount > PAGE_THRESHOLD && node.type.endsWith(']');
}

/**
 * DAP: "for pointer type variables, this is generally a reference to the memory address contained
 * in the pointer" — so a pointer opens the memory it points at; anything else its own storage.
 */
function memoryReferenceOf(node: ValueNode): { memoryReference?: string } {
  const address = node.pointerValue !== undefined && node.pointerValue !== 0 ? node.pointerValue : node.address;
  return address === undefined ? {} : { memoryReference: hexAddress(address) };
}
