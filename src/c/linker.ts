// Linking the translation units of a launch into one Program: what ld would reject (undefined
// symbols, no main) is reported here, with the location of the first reference.

import type { FuncSymbol, Program, SourceFile } from './ast';
import type { Diagnostics } from './diagnostics';
import { headerDeclaring, isBuiltinHeaderPath } from './headers';
import type { MutableFunc, ProgramBuilder } from './linkage';

export function link(builder: ProgramBuilder, diags: Diagnostics, sources: readonly SourceFile[]): Program {
  // A library function the user declared by hand (no #include) is still the library's.
  for (const f of builder.functionSymbols as MutableFunc[]) {
    if (!f.definition && !f.builtin && headerDeclaring(f.name) !== undefined) f.builtin = true;
  }
  for (const [f, loc] of builder.referencedFunctions) {
    if (!f.definition && !f.builtin) diags.error('UndefinedSymbol', loc, [`_${f.name}`]);
  }
  for (const [v, loc] of builder.referencedObjects) {
    if (v.storage === 'extern' && !isBuiltinHeaderPath(v.loc.file)) diags.error('UndefinedSymbol', loc, [`_${v.name}`]);
  }
  const main = builder.externalFunctions.get('main');
  if (!main?.definition && sources.length > 0 && diags.errors === 0) {
    diags.error('NoMain', { file: sources[0].path, line: 1, column: 1 });
  }
  const used = new Set<FuncSymbol>();
  for (const f of builder.functionSymbols) if (f.definition || builder.referencedFunctions.has(f)) used.add(f);
  return {
    functions: builder.functions,
    globals: builder.globalList(),
    functionSymbols: [...used],
    files: builder.files,
  };
}
