// Collecting diagnostics and printing them the way clang does.

import type { Diagnostic, SourceLocation } from './ast';
import { formatMessage, type MessageId } from './messages';

/** Clang stops after this many errors; so do we, so one mistake cannot bury the output. */
export const ERROR_LIMIT = 20;

/** Thrown (and caught by compile) once the error limit is reached. */
export class TooManyErrors extends Error {}

export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private errorCount = 0;
  /** One error per location: a second complaint at the same spot is almost always a cascade. */
  private readonly errorSites = new Set<string>();

  get errors(): number { return this.errorCount; }

  error(id: MessageId, loc: SourceLocation, args: readonly (string | number | bigint)[] = [], endColumn?: number): void {
    const site = `${loc.file}:${loc.line}:${loc.column}`;
    if (this.errorSites.has(site)) return;
    this.errorSites.add(site);
    this.errorCount++;
    this.list.push({ severity: 'error', message: formatMessage(id, args), loc, endColumn });
    if (this.errorCount >= ERROR_LIMIT) {
      this.list.push({ severity: 'error', message: formatMessage('TooManyErrors'), loc });
      throw new TooManyErrors();
    }
  }

  warning(id: MessageId, loc: SourceLocation, args: readonly (string | number | bigint)[] = []): void {
    this.list.push({ severity: 'warning', message: formatMessage(id, args), loc });
  }

  note(id: MessageId, loc: SourceLocation, args: readonly (string | number | bigint)[] = []): void {
    this.list.push({ severity: 'note', message: formatMessage(id, args), loc });
  }

  /** A diagnostic produced elsewhere (the internal-error wrapper). */
  push(d: Diagnostic): void {
    if (d.severity === 'error') this.errorCount++;
    this.list.push(d);
  }
}

/**
 * `file:line:col: error: message`, then the source line and a caret under the column (with
 * tildes to `endColumn` when known), as clang prints it.
 */
export function formatDiagnostic(d: Diagnostic, sourceText: string | undefined): string {
  const head = `${d.loc.file}:${d.loc.line}:${d.loc.column}: ${d.severity}: ${d.message}`;
  if (sourceText === undefined) return head;
  const line = sourceLine(sourceText, d.loc.line);
  if (line === undefined) return head;
  // Tabs keep their width in the caret line so the caret lands under the right character.
  let caret = '';
  for (let i = 0; i < d.loc.column - 1 && i < line.length; i++) caret += line[i] === '\t' ? '\t' : ' ';
  caret += '^';
  if (d.endColumn !== undefined && d.endColumn > d.loc.column + 1) caret += '~'.repeat(d.endColumn - d.loc.column - 1);
  return `${head}\n${line}\n${caret}`;
}

function sourceLine(text: string, lineNumber: number): string | undefined {
  let start = 0;
  for (let n = 1; n < lineNumber; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (start > text.length) return undefined;
  return text.slice(start, end).replace(/\r$/, '');
}
