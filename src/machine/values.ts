// Values as the Variables view, hovers and watch see them: typed trees read from the frame's
// slots and the simulated memory, heap pointers annotated with their zone and block size.

import type { CType, VarSymbol } from '../c/ast';
import type { ValueNode } from './api';
import type { Frame, LocalInfo } from './code';
import { loader } from './convert';
import { sizeOf, typeName } from './ctypes';
import type { Machine } from './machine';
import { MSG } from './messages';

const MAX_CHILDREN = 10000;
const MAX_STRING = 200;

interface Typed { readonly type: CType; readonly address?: number; readonly value?: unknown }

export class ValueViews {
  constructor(private readonly m: Machine) {}

  locals(frameIndex: number): ValueNode[] {
    const f = this.m.cFrame(frameIndex);
    if (f === undefined || f.code === undefined) return [];
    const pc = frameIndex === 0 ? f.pc : f.pc - 1;
    const out: ValueNode[] = [];
    for (const info of [...f.code.params, ...f.code.locals]) {
      if (info.declPc < 0 || pc < info.declPc || pc >= info.endPc) continue;
      out.push(this.node(info.symbol.name, this.typedLocal(f, info)));
    }
    return out;
  }

  globals(): ValueNode[] {
    return this.m.globalsList.map((g) => this.node(g.symbol.name, { type: g.symbol.type, address: g.address }));
  }

  evaluate(text: string, frameIndex: number): ValueNode | { error: string } {
    try {
      const p = new ExprParser(text, (name) => this.lookup(name, frameIndex), this.m);
      const t = p.parse();
      return this.node(text.trim(), t);
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  private lookup(name: string, frameIndex: number): Typed | undefined {
    const f = this.m.cFrame(frameIndex);
    if (f !== undefined && f.code !== undefined) {
      const pc = frameIndex === 0 ? f.pc : f.pc - 1;
      const infos = [...f.code.params, ...f.code.locals].filter((i) => i.symbol.name === name && i.declPc >= 0 && pc >= i.declPc && pc < i.endPc);
      if (infos.length > 0) return this.typedLocal(f, infos[infos.length - 1]);
    }
    const g = this.m.globalsList.find((x) => x.symbol.name === name);
    return g !== undefined ? { type: g.symbol.type, address: g.address } : undefined;
  }

  private typedLocal(f: Frame, info: LocalInfo): Typed {
    const s: VarSymbol = info.symbol;
    if (info.slot >= 0) return { type: s.type, value: f.slots[info.slot] };
    if (info.vlaSlot >= 0) return { type: s.type, address: f.slots[info.vlaSlot] as number };
    return { type: s.type, address: f.fp + info.offset };
  }

  node(name: string, t: Typed): ValueNode {
    const m = this.m;
    const type = t.type;
    const read = (): unknown => (t.value !== undefined ? t.value : loader(m.mem, type)(t.address!));
    let value: string; let childCount = 0; let pointerValue: number | undefined;
    let children: () => ValueNode[] = () => [];
    try {
      switch (type.kind) {
        case 'int': {
          const v = read() as number | bigint;
          value = String(v);
          if (type.size === 1 && type.name !== 'bool') value += ` '${charText(Number(v) & 0xff)}'`;
          break;
        }
        case 'float': value = String(read()); break;
        case 'pointer': {
          const p = read() as number;
          pointerValue = p;
          value = this.pointerText(p, type.to);
          const to = type.to;
          if (p !== 0 && to.kind !== 'void' && to.kind !== 'function' && !((to.kind === 'struct' || to.kind === 'union') && !to.complete)) {
            childCount = 1;
            children = () => [this.node('*' + name, { type: to, address: p })];
          }
          break;
        }
        case 'array': {
          const n = type.length ?? 0; const el = type.of; const es = sizeOf(el); const a = t.address!;
          childCount = Math.min(n, MAX_CHILDREN);
          value = el.kind === 'int' && el.size === 1 ? quote(m.mem.readCString(a, Math.min(n, MAX_STRING))) : `{…}`;
          children = () => Array.from({ length: childCount }, (_, i) => this.node(`[${i}]`, { type: el, address: a + i * es }));
          break;
        }
        case 'struct': case 'union': {
          const a = t.address!;
          childCount = type.fields.length;
          value = '{…}';
          children = () => type.fields.map((fd) => this.node(fd.name ?? '(anonymous)', { type: fd.type, address: a + fd.offset }));
          break;
        }
        default: value = '';
      }
    } catch {
      value = t.address !== undefined ? MSG.evalBadAccess(t.address) : '?';
      childCount = 0;
    }
    return { name, type: typeName(type), value, address: t.address, pointerValue, childCount, children };
  }

  private pointerText(p: number, to: CType): string {
    const m = this.m;
    const hex = '0x' + p.toString(16);
    if (p === 0) return '0x0';
    if (to.kind === 'function') {
      const fn = m.functions.find((c) => c.address === p);
      return fn !== undefined ? `${hex} (${fn.name})` : hex;
    }
    const block = m.malloc.blockContaining(p);
    let text = hex;
    if (block !== undefined) {
      text += ` · ${block.zone} · ${block.blockSize} B`;
      if (p !== block.address) text += ` (+${p - block.address})`;
      if (!block.live) return text + ' (freed)';
    }
    if (to.kind === 'int' && to.size === 1) {
      try { text += ' ' + quote(m.mem.readCString(p, MAX_STRING)); } catch { /* unreadable: address only */ }
    }
    return text;
  }
}

function charText(c: number): string {
  if (c === 0) return '\\0';
  if (c === 10) return '\\n';
  if (c === 9) return '\\t';
  if (c === 39) return "\\'";
  if (c === 92) return '\\\\';
  return c >= 32 && c < 127 ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
}

function quote(bytes: Uint8Array): string {
  let s = '"';
  for (const b of bytes) s += b === 34 ? '\\"' : b === 39 ? "'" : charText(b);
  return s + '"';
}

const LONG: CType = { kind: 'int', name: 'long', size: 8, signed: true };

const BASE_TYPES: Record<string, CType> = {
  char: { kind: 'int', name: 'char', size: 1, signed: true },
  'signed char': { kind: 'int', name: 'schar', size: 1, signed: true },
  'unsigned char': { kind: 'int', name: 'uchar', size: 1, signed: false },
  short: { kind: 'int', name: 'short', size: 2, signed: true },
  'unsigned short': { kind: 'int', name: 'ushort', size: 2, signed: false },
  int: { kind: 'int', name: 'int', size: 4, signed: true },
  unsigned: { kind: 'int', name: 'uint', size: 4, signed: false },
  'unsigned int': { kind: 'int', name: 'uint', size: 4, signed: false },
  long: LONG, 'long long': { kind: 'int', name: 'llong', size: 8, signed: true },
  'unsigned long': { kind: 'int', name: 'ulong', size: 8, signed: false },
  size_t: { kind: 'int', name: 'ulong', size: 8, signed: false },
  'unsigned long long': { kind: 'int', name: 'ullong', size: 8, signed: false },
  float: { kind: 'float', size: 4 }, double: { kind: 'float', size: 8 }, void: { kind: 'void' },
};

/**
 * Watch and hover expressions: identifiers, integers, unary * & -, ->, ., [], casts to basic
 * types, struct tags and pointers to them, and + - * / % (pointer arithmetic scaled as in C).
 */
class ExprParser {
  private pos = 0;
  constructor(private readonly text: string, private readonly lookup: (name: string) => Typed | undefined, private readonly m: Machine) {}

  parse(): Typed {
    const t = this.additive();
    this.space();
    if (this.pos < this.text.length) throw new Error(MSG.evalSyntax);
    return t;
  }

  private space(): void { while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++; }
  private peek(s: string): boolean { this.space(); return this.text.startsWith(s, this.pos); }
  private eat(s: string): boolean { if (this.peek(s)) { this.pos += s.length; return true; } return false; }

  private additive(): Typed {
    let l = this.multiplicative();
    for (;;) {
      if (this.peek('->')) return l;
      if (this.eat('+')) l = this.arith('+', l, this.multiplicative());
      else if (this.eat('-')) l = this.arith('-', l, this.multiplicative());
      else return l;
    }
  }

  private multiplicative(): Typed {
    let l = this.unary();
    for (;;) {
      if (this.eat('*')) l = this.arith('*', l, this.unary());
      else if (this.eat('/')) l = this.arith('/', l, this.unary());
      else if (this.eat('%')) l = this.arith('%', l, this.unary());
      else return l;
    }
  }

  private arith(op: string, l: Typed, r: Typed): Typed {
    const lp = pointee(l.type); const rp = pointee(r.type);
    if (lp !== undefined && rp === undefined && (op === '+' || op === '-')) {
      const k = BigInt(Math.max(1, sizeOf(lp)));
      const v = this.int(l) + (op === '+' ? 1n : -1n) * this.int(r) * k;
      return { type: { kind: 'pointer', to: lp }, value: Number(BigInt.asUintN(64, v)) };
    }
    if (lp !== undefined && rp !== undefined && op === '-') {
      return { type: LONG, value: Number((this.int(l) - this.int(r)) / BigInt(Math.max(1, sizeOf(lp)))) };
    }
    if (lp !== undefined || rp !== undefined) throw new Error(MSG.evalSyntax);
    if (l.type.kind === 'float' || r.type.kind === 'float') {
      const a = Number(this.scalar(l)); const b = Number(this.scalar(r));
      const v = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b;
      return { type: BASE_TYPES.double, value: v };
    }
    const a = this.int(l); const b = this.int(r);
    const v = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : b === 0n ? 0n : op === '/' ? a / b : a % b;
    const w = BigInt.asIntN(64, v);
    return { type: LONG, value: w <= 9007199254740991n && w >= -9007199254740991n ? Number(w) : w };
  }

  private unary(): Typed {
    if (this.eat('*')) return this.deref(this.unary());
    if (this.eat('&')) {
      const t = this.unary();
      if (t.address === undefined) throw new Error(MSG.evalSyntax);
      return { type: { kind: 'pointer', to: t.type }, value: t.address };
    }
    if (this.eat('-')) return this.arith('-', { type: LONG, value: 0 }, this.unary());
    const cast = this.castType();
    if (cast !== undefined) {
      const v = this.unary();
      if (cast.kind === 'pointer') return { type: cast, value: Number(BigInt.asUintN(64, this.int(v))) };
      if (cast.kind === 'float') return { type: cast, value: Number(this.scalar(v)) };
      if (cast.kind === 'int') {
        const x = v.type.kind === 'float' ? BigInt(Math.trunc(Number(this.scalar(v)))) : this.int(v);
        const w = cast.signed ? BigInt.asIntN(cast.size * 8, x) : BigInt.asUintN(cast.size * 8, x);
        return { type: cast, value: cast.size === 8 && (w > 9007199254740991n || w < -9007199254740991n) ? w : Number(w) };
      }
      throw new Error(MSG.evalSyntax);
    }
    return this.postfix();
  }

  /** `(type)` when the parenthesis opens a type name; the position is restored otherwise. */
  private castType(): CType | undefined {
    const save = this.pos;
    if (!this.eat('(')) return undefined;
    this.space();
    const m = /^((?:(?:unsigned|signed|struct|union)\s+)?[A-Za-z_]\w*(?:\s+(?:long|int|char|short))*)\s*(\**)\s*\)/.exec(this.text.slice(this.pos));
    if (m === null) { this.pos = save; return undefined; }
    const words = m[1].trim().replace(/\s+/g, ' ');
    let base: CType | undefined = BASE_TYPES[words] ?? BASE_TYPES[words.replace(/ int$/, '')];
    if (base === undefined && /^(struct|union) /.test(words)) base = this.m.recordByTag(words.split(' ')[1]);
    if (base === undefined) { this.pos = save; return undefined; }
    this.pos += m[0].length;
    let t: CType = base;
    for (let i = 0; i < m[2].length; i++) t = { kind: 'pointer', to: t };
    return t;
  }

  private scalar(t: Typed): number | bigint {
    if (t.value !== undefined) return t.value as number | bigint;
    if (t.type.kind === 'array') return t.address!;
    return loader(this.m.mem, t.type)(t.address!) as number | bigint;
  }

  private int(t: Typed): bigint {
    const v = this.scalar(t);
    return typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  }

  private rvalue(t: Typed): number { return Number(this.scalar(t)); }

  private deref(t: Typed): Typed {
    if (t.type.kind === 'pointer') return { type: t.type.to, address: this.rvalue(t) };
    if (t.type.kind === 'array') return { type: t.type.of, address: t.address };
    throw new Error(MSG.evalSyntax);
  }

  private postfix(): Typed {
    let t = this.primary();
    for (;;) {
      if (this.eat('[')) {
        const i = this.rvalue(this.additive());
        if (!this.eat(']')) throw new Error(MSG.evalSyntax);
        const el = t.type.kind === 'pointer' ? t.type.to : t.type.kind === 'array' ? t.type.of : undefined;
        if (el === undefined) throw new Error(MSG.evalSyntax);
        t = { type: el, address: this.rvalue(t) + i * sizeOf(el) };
      } else if (this.eat('->')) t = this.member(this.deref(t));
      else if (this.eat('.')) t = this.member(t);
      else return t;
    }
  }

  private member(t: Typed): Typed {
    this.space();
    const m = /^[A-Za-z_]\w*/.exec(this.text.slice(this.pos));
    if (m === null || (t.type.kind !== 'struct' && t.type.kind !== 'union')) throw new Error(MSG.evalSyntax);
    this.pos += m[0].length;
    const f = t.type.fields.find((x) => x.name === m[0]);
    if (f === undefined) throw new Error(MSG.evalUnknown(m[0]));
    return { type: f.type, address: t.address! + f.offset };
  }

  private primary(): Typed {
    if (this.eat('(')) { const t = this.additive(); if (!this.eat(')')) throw new Error(MSG.evalSyntax); return t; }
    this.space();
    const rest = this.text.slice(this.pos);
    const num = /^(0x[0-9a-fA-F]+|\d+)/.exec(rest);
    if (num !== null) { this.pos += num[0].length; return { type: LONG, value: Number(num[0]) }; }
    const id = /^[A-Za-z_]\w*/.exec(rest);
    if (id === null) throw new Error(MSG.evalSyntax);
    this.pos += id[0].length;
    const t = this.lookup(id[0]);
    if (t === undefined) throw new Error(MSG.evalUnknown(id[0]));
    return t;
  }
}

function pointee(t: CType): CType | undefined {
  return t.kind === 'pointer' ? t.to : t.kind === 'array' ? t.of : undefined;
}
