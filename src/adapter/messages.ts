// Every user-facing text the debug adapter produces itself, with the numbered error codes of
// its error responses (the program's output and the reports are not here).

export const enum ErrorCode {
  MissingProgram = 2001,
  BadAttribute = 2002,
  UnknownProfile = 2003,
  UnreadableFile = 2004,
  CompileFailed = 2005,
  NoProcess = 2006,
  NotStopped = 2007,
  EvaluateFailed = 2008,
  BadAddress = 2009,
  NotAPointer = 2010,
  NotHeap = 2011,
  UnknownRequest = 2012,
  Internal = 2099,
}

export const adapterMessages = {
  missingProgram: () => "the launch configuration has no 'program': give the path of a .c file (or a list of them)",
  badAttribute: (name: string, expected: string) => `launch attribute '${name}' must be ${expected}`,
  notCFile: (path: string) => `'${path}' is not a C source file (expected a name ending in .c)`,
  unknownProfile: (name: string, known: readonly string[]) =>
    `unknown machine profile '${name}' (known profiles: ${known.join(', ')})`,
  unreadableFile: (path: string, reason: string) => `cannot read '${path}': ${reason}`,
  compileFailed: (count: number, listing: string) =>
    `${count} compile error${count === 1 ? '' : 's'}:\n${listing}`,
  noProcess: () => 'no program is running',
  notStopped: () => 'the program is running; pause it first',
  unknownFrame: (id: number) => `no stack frame ${id}`,
  badAddress: (text: string) => `'${text}' is not an address (expected e.g. 0x600000000000)`,
  notAPointer: (expression: string) => `'${expression}' is not a pointer`,
  notHeap: (address: string) => `${address} is not in a malloc block`,
  unknownRequest: (command: string) => `unknown request '${command}'`,
  stepLimit: (steps: number) => `Stopped after ${steps} statements: the launch's maxSteps limit was reached.`,
  stepLimitText: () => 'step limit reached',
  internal: (text: string) => `internal error in the Mallocscope adapter: ${text}`,
  pausedByRequest: () => 'Paused',
  badHitCondition: (text: string) =>
    `hit count '${text}' is not understood: write a number (stop from that hit on), or '>= N', '== N', '> N', '< N', '<= N', '% N'`,
  badLogMessage: (text: string) => `log message '${text}' has a '{' without its '}' (write \\{ for a literal brace)`,
  emptyCondition: () => 'the condition is empty',
  conditionMissingOperand: () => 'an operator in the condition has nothing on one side',
  conditionUnbalanced: () => 'the condition has unbalanced parentheses, brackets or quotes',
  conditionNotScalar: (type: string) => `a value of type '${type}' is not a number, character or pointer, so it cannot be tested`,
  conditionFailed: (condition: string, why: string) => `Breakpoint condition '${condition}' could not be evaluated: ${why}`,
  breakpointNotBound: () => 'Not yet bound: no program loaded',
  noStatementAt: (line: number) => `No statement at or after line ${line}`,
  consoleUsage: () => [
    'Commands (like Apple\'s tools, on the simulated process):',
    '  vmmap [-summary]        virtual memory regions, footprint and the MALLOC ZONE table',
    '  heap                    malloc zones and live blocks by size',
    '  leaks                   unreachable live blocks',
    '  malloc_history ADDRESS | -allBySize | -allByCount | -allEvents | -callTree [-invert] | -highWaterMark',
    '  zones                   one line per malloc zone',
    '  help                    this text',
    'Anything else is evaluated as a C expression in the selected frame.',
  ].join('\n'),
  consoleBadHistory: () => 'usage: malloc_history ADDRESS | -allBySize | -allByCount | -allEvents | -callTree [-invert] | -highWaterMark',
} as const;
