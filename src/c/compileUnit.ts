// One translation unit: preprocess it, then parse it into the shared ProgramBuilder.

import type { IncludeResolver, SourceFile } from './ast';
import { parseTranslationUnit } from './declarations';
import type { Diagnostics } from './diagnostics';
import type { ProgramBuilder } from './linkage';
import { Parser } from './parser';
import { Preprocessor } from './preprocessor';

export function declarationsFor(source: SourceFile, includes: IncludeResolver | undefined, diags: Diagnostics, builder: ProgramBuilder): void {
  const pp = new Preprocessor(diags, includes);
  const tokens = pp.run(source.path, source.text);
  if (!builder.files.includes(source.path)) builder.files.push(source.path);
  for (const f of pp.userIncludes) if (!builder.files.includes(f)) builder.files.push(f);
  parseTranslationUnit(new Parser(tokens, diags, builder));
}
