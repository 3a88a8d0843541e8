// State shared by all translation units of one program: unique symbol ids, the external-linkage
// table that makes `extern int x;` in one file and `int x = 1;` in another the same symbol, and
// the program's collected functions and static-duration objects.

import type { CType, FuncSymbol, FunctionDef, FunctionType, GlobalVar, Initializer, SourceLocation, Storage, VarSymbol } from './ast';

/** Symbols are built mutable here and handed out through the AST's readonly view. */
export type MutableVar = { -readonly [K in keyof VarSymbol]: VarSymbol[K] };
export type MutableFunc = { -readonly [K in keyof FuncSymbol]: FuncSymbol[K] };

export interface ExternalObject {
  symbol: MutableVar;
  /** Index into `globals` once a definition (or tentative definition) is seen. */
  globalIndex: number | undefined;
  /** True when an initializer was given (a full definition). */
  initialized: boolean;
  /** The location of the definition with an initializer, for duplicate-definition errors. */
  definedAt: SourceLocation | undefined;
}

export class ProgramBuilder {
  private nextId = 1;
  private nextCaseId = 1;
  readonly externalObjects = new Map<string, ExternalObject>();
  readonly externalFunctions = new Map<string, MutableFunc>();
  readonly functions: FunctionDef[] = [];
  readonly globals: { symbol: VarSymbol; init: Initializer | undefined }[] = [];
  readonly functionSymbols: FuncSymbol[] = [];
  /** Function symbols referenced (called or address taken), for undefined-symbol checks. */
  readonly referencedFunctions = new Map<FuncSymbol, SourceLocation>();
  /** Objects referenced while still only declared `extern`. */
  readonly referencedObjects = new Map<VarSymbol, SourceLocation>();
  readonly files: string[] = [];

  newVar(name: string, type: CType, storage: Storage, loc: SourceLocation): MutableVar {
    return { kind: 'var', name, type, storage, id: this.nextId++, loc };
  }

  newFunc(name: string, type: FunctionType, loc: SourceLocation, builtin: boolean, isStatic: boolean): MutableFunc {
    const f: MutableFunc = { kind: 'func', name, type, id: this.nextId++, loc, definition: undefined, builtin, isStatic };
    this.functionSymbols.push(f);
    return f;
  }

  caseId(): number { return this.nextCaseId++; }

  addGlobal(symbol: VarSymbol, init: Initializer | undefined): number {
    this.globals.push({ symbol, init });
    return this.globals.length - 1;
  }

  setGlobalInit(index: number, init: Initializer | undefined): void {
    this.globals[index] = { symbol: this.globals[index].symbol, init };
  }

  globalList(): GlobalVar[] { return this.globals.map(g => ({ symbol: g.symbol, init: g.init })); }
}
