// The C front end's entry point: preprocess, parse and type each translation unit, then link.

import type { CompileResult, IncludeResolver, SourceFile } from './ast';
import { declarationsFor } from './compileUnit';
import { Diagnostics, TooManyErrors } from './diagnostics';
import { link } from './linker';
import { ProgramBuilder } from './linkage';
import { formatMessage } from './messages';

export { formatDiagnostic } from './diagnostics';

export function compile(sources: readonly SourceFile[], includes?: IncludeResolver): CompileResult {
  const diags = new Diagnostics();
  const builder = new ProgramBuilder();
  let program;
  try {
    for (const source of sources) declarationsFor(source, includes, diags, builder);
    program = link(builder, diags, sources);
  } catch (e) {
    // Nothing escapes compile(): the error limit ends quietly, a bug becomes a diagnostic.
    if (!(e instanceof TooManyErrors)) {
      const text = e instanceof Error ? e.message : String(e);
      diags.push({ severity: 'error', message: formatMessage('InternalError', [text]), loc: { file: sources[0]?.path ?? '<none>', line: 1, column: 1 } });
    }
  }
  return { program: diags.errors === 0 ? program : undefined, diagnostics: diags.list };
}
