// Every text the machine shows the user, in one place.

export const MSG = {
  badAccess: (code: number, address: number) => `EXC_BAD_ACCESS (code=${code}, address=0x${address.toString(16)})`,
  stackOverflow: (address: number) => `EXC_BAD_ACCESS (code=2, address=0x${address.toString(16)}): stack overflow`,
  abort: 'abort() called',
  assertion: (expr: string, fn: string, file: string, line: number) =>
    `Assertion failed: (${expr}), function ${fn}, file ${file}, line ${line}.`,
  mallocLine: (prog: string, pid: number, thread: string, text: string) => `${prog}(${pid},${thread}) malloc: ${text}`,
  mallocBreak: '*** set a breakpoint in malloc_error_break to debug',
  unknownFunction: (name: string) => `call to '${name}', which Mallocscope's C library does not provide`,
  badFunctionPointer: (address: number) => `EXC_BAD_ACCESS (code=1, address=0x${address.toString(16)}): call through a pointer that is not a function`,
  noMain: "undefined symbol: '_main' (the program has no main function)",
  internal: (detail: string) => `internal interpreter error: ${detail}`,
  evalUnknown: (name: string) => `use of undeclared identifier '${name}'`,
  evalSyntax: 'expression not understood (identifiers, integers, * & - unary, ->, ., [], casts and + - * / % are supported)',
  evalBadAccess: (address: number) => `cannot read memory at 0x${address.toString(16)}`,
} as const;

/** The simulated main thread's id as libmalloc prints it ("prog(pid,0x1f3ac4c00) malloc: …"). */
export const MAIN_THREAD_ID = '0x1f3ac4c00';
