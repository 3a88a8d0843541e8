// readMemory over the simulated address space: mapped pages read as they are (untouched pages
// as zeros, without touching them); unmapped or no-access ranges are reported unreadable.

import type { AddressSpaceApi } from '../vm/api';

export interface MemoryRead {
  readonly address: number;
  readonly data: Uint8Array;
  /** Bytes after the data that cannot be read (up to the next readable address or the end of the request). */
  readonly unreadableBytes: number;
}

export function readMemory(memory: AddressSpaceApi, start: number, count: number): MemoryRead {
  const end = start + count;
  let address = start;
  const chunks: Uint8Array[] = [];
  // The readable prefix, region by region.
  while (address < end) {
    const region = memory.regionAt(address);
    if (region === undefined || region.protection === '---') break;
    const upTo = Math.min(end, region.end);
    chunks.push(memory.readBytes(address, upTo - address));
    address = upTo;
  }
  const data = concat(chunks, address - start);
  // Then the unreadable run that stopped it.
  let skip = address;
  while (skip < end) {
    const region = memory.regionAt(skip);
    if (region !== undefined && region.protection !== '---') break;
    skip = region !== undefined ? Math.min(end, region.end) : Math.min(end, nextRegionStart(memory, skip) ?? end);
  }
  return { address: start, data, unreadableBytes: skip - address };
}

function nextRegionStart(memory: AddressSpaceApi, address: number): number | undefined {
  let best: number | undefined;
  for (const r of memory.regions()) {
    if (r.start > address && (best === undefined || r.start < best)) best = r.start;
  }
  return best;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Base64 without Buffer, so the session also runs in a browser worker. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP) {
    binary += String.fromCharCode(...bytes.subarray(i, i + STEP));
  }
  return btoa(binary);
}

export function parseAddress(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const value = /^0x[0-9a-f]+$/.test(t) ? Number.parseInt(t.slice(2), 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

export { hexAddress } from '../reports/format';
