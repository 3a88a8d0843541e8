// Compiling snippets in tests.

import type { CompileResult, FunctionDef, Program } from '../../../src/c/ast';
import { compile } from '../../../src/c/frontend';
import { formatDiagnostic } from '../../../src/c/diagnostics';

export function compileText(text: string, path = 'test.c', files: Record<string, string> = {}): CompileResult {
  return compile([{ path, text }], { readFile: p => files[p] });
}

/** Compiles a program that must have no errors, failing with the diagnostics otherwise. */
export function compileOk(text: string, path = 'test.c', files: Record<string, string> = {}): Program {
  const r = compileText(text, path, files);
  const errors = r.diagnostics.filter(d => d.severity === 'error');
  if (!r.program || errors.length) throw new Error('unexpected diagnostics:\n' + r.diagnostics.map(d => formatDiagnostic(d, text)).join('\n'));
  return r.program;
}

export function fn(program: Program, name: string): FunctionDef {
  const f = program.functions.find(d => d.symbol.name === name);
  if (!f) throw new Error(`no function ${name}`);
  return f;
}

/** Diagnostics as `line:col: severity: message` lines. */
export function diagnosticLines(text: string, path = 'test.c'): string[] {
  return compileText(text, path).diagnostics.map(d => `${d.loc.line}:${d.loc.column}: ${d.severity}: ${d.message}`);
}
