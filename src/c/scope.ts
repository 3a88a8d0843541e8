// Name spaces of C (C11 6.2.3): ordinary identifiers (objects, functions, typedef names,
// enumeration constants) and tags, each in nested block scopes.

import type { CType, FuncSymbol, IntType, RecordType, SourceLocation, VarSymbol } from './ast';

export type OrdinaryEntry =
  | { readonly kind: 'var'; readonly symbol: VarSymbol }
  | { readonly kind: 'func'; readonly symbol: FuncSymbol }
  | { readonly kind: 'typedef'; readonly type: CType; readonly loc: SourceLocation; readonly isConst?: boolean }
  | { readonly kind: 'enumConst'; readonly value: bigint; readonly type: IntType; readonly loc: SourceLocation };

export type TagEntry =
  | { readonly kind: 'record'; readonly type: RecordType; readonly loc: SourceLocation }
  | { readonly kind: 'enum'; readonly type: IntType; complete: boolean; readonly loc: SourceLocation };

export class Scope {
  readonly ordinary = new Map<string, OrdinaryEntry>();
  readonly tags = new Map<string, TagEntry>();
  constructor(readonly parent: Scope | undefined) {}

  get isFileScope(): boolean { return this.parent === undefined; }

  lookup(name: string): OrdinaryEntry | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const e = s.ordinary.get(name);
      if (e) return e;
    }
    return undefined;
  }

  lookupTag(name: string): TagEntry | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const e = s.tags.get(name);
      if (e) return e;
    }
    return undefined;
  }

  fileScope(): Scope {
    let s: Scope = this;
    while (s.parent) s = s.parent;
    return s;
  }
}
