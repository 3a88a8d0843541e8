// Preparing a benchmark program for a run, and comparing what the two worlds print.

/**
 * Returns `text` with the value of `#define NAME …` replaced. The programs guard their size with
 * `#ifndef N`, so gcc's -DN would also do; a substituted copy gives gcc and Mallocscope the very
 * same bytes, and the CLI takes no -D. Throws when the program has no such line, so a typo in a
 * program spec cannot silently run the full size.
 */
export function withDefine(text: string, name: string, value: number): string {
  const line = new RegExp(`^([ \\t]*#[ \\t]*define[ \\t]+${name})[ \\t]+[^\\n]*$`, 'm');
  if (!line.test(text)) throw new Error(`no "#define ${name}" line to substitute`);
  return text.replace(line, `$1 ${value}`);
}

/** How output differs legitimately between a Linux process and the simulated macOS one. */
export type OutputNormalisation = 'none' | 'pid-and-pointers';

/**
 * Masks what is allowed to differ: the pid and pointer values (trace.c prints both; a Linux
 * pointer and a simulated macOS pointer never agree).
 */
export function normaliseOutput(text: string, how: OutputNormalisation): string {
  if (how === 'none') return text;
  return text.replace(/\bPID: \d+/g, 'PID: <pid>').replace(/0x[0-9a-fA-F]+/g, '<pointer>');
}

export interface OutputComparison {
  readonly same: boolean;
  /** First differing line, 1-based, with both texts, for a loud message. */
  readonly firstDifference?: { readonly line: number; readonly native: string; readonly mallocscope: string };
}

export function compareOutputs(native: string, mallocscope: string, how: OutputNormalisation): OutputComparison {
  const a = normaliseOutput(native, how);
  const b = normaliseOutput(mallocscope, how);
  if (a === b) return { same: true };
  const left = linesOf(a);
  const right = linesOf(b);
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  if (i === left.length && i === right.length) {
    // Same lines: only the final newline differs.
    const ending = (text: string) => (text.endsWith('\n') ? '<newline at end>' : '<no newline at end>');
    return { same: false, firstDifference: { line: i, native: ending(a), mallocscope: ending(b) } };
  }
  return {
    same: false,
    firstDifference: { line: i + 1, native: left[i] ?? '<end of output>', mallocscope: right[i] ?? '<end of output>' },
  };
}

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}
