// Deep copies of the allocator's state for checkpoints (time travel). Class instances keep
// their prototype; arrays, typed arrays, Maps and Sets are copied; shared references inside the
// graph stay shared in the copy (a region reachable from a magazine, the region map and
// mag_last_free is one object). Properties named in `keepKeys` (the hosts that link an
// allocator to the address space and the trace, immutable configs) are not copied.

const KEEP_KEYS = new Set(['host', 'config']);

type Memo = Map<object, unknown>;

export function cloneGraph<T>(value: T, memo: Memo = new Map()): T {
  if (value === null || typeof value !== 'object') return value;
  const source = value as unknown as object;
  const seen = memo.get(source);
  if (seen !== undefined) return seen as T;
  if (ArrayBuffer.isView(source)) {
    const copy = (source as unknown as { slice(): object }).slice();
    memo.set(source, copy);
    return copy as T;
  }
  if (Array.isArray(source)) {
    const copy: unknown[] = new Array(source.length);
    memo.set(source, copy);
    for (let i = 0; i < source.length; i++) copy[i] = cloneGraph(source[i], memo);
    return copy as T;
  }
  if (source instanceof Map) {
    const copy = new Map();
    memo.set(source, copy);
    for (const [k, v] of source) copy.set(cloneGraph(k, memo), cloneGraph(v, memo));
    return copy as T;
  }
  if (source instanceof Set) {
    const copy = new Set();
    memo.set(source, copy);
    for (const v of source) copy.add(cloneGraph(v, memo));
    return copy as T;
  }
  const copy = Object.create(Object.getPrototypeOf(source)) as Record<string, unknown>;
  memo.set(source, copy);
  for (const key of Object.keys(source)) {
    const v = (source as Record<string, unknown>)[key];
    copy[key] = KEEP_KEYS.has(key) ? v : cloneGraph(v, memo);
  }
  return copy as T;
}
