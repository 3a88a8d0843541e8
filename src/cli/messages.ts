// Every line the command-line runner itself prints (the program's own output and the reports
// are not here). One catalogue so wording stays consistent and tests can match it.

export const CLI_NAME = 'mallocscope';

export const cliMessages = {
  noSources: () => 'no input files: give one or more .c files after `run`',
  notCFile: (path: string) => `${path}: not a C source file (expected a name ending in .c)`,
  missingFile: (path: string) => `${path}: no such file`,
  isDirectory: (path: string) => `${path}: is a directory, not a C source file`,
  unreadableFile: (path: string, reason: string) => `${path}: cannot read file (${reason})`,
  notText: (path: string) => `${path}: not a text file (it contains NUL bytes)`,
  unknownProfile: (name: string, known: readonly string[]) =>
    `unknown profile '${name}' (known profiles: ${known.join(', ')})`,
  malformedEnv: (text: string) => `malformed --env '${text}': expected NAME=VALUE with a non-empty NAME`,
  badStopAt: (text: string) => `bad --stop-at '${text}': expected a line number (1 or more)`,
  badMaxSteps: (text: string) => `bad --max-steps '${text}': expected a whole number of statements (1 or more)`,
  badReport: (text: string) => `unknown --report '${text}' (expected vmmap, heap, leaks or history)`,
  badAddress: (text: string) => `bad --history '${text}': expected an address such as 0x600000000000`,
  stdinMissing: (path: string) => `--stdin ${path}: no such file`,
  stopLineNotExecutable: (file: string, line: number) =>
    `--stop-at ${line}: no statement at or after line ${line} of ${file}; running to exit`,
  stepLimit: (steps: number) => `stopped after ${steps} statements (--max-steps); the program did not finish`,
  killedBySignal: (name: string, signal: number) => `${name} (signal ${signal})`,
  compileFailed: (count: number) => `${count} error${count === 1 ? '' : 's'} generated.`,
  internalError: (text: string) => `internal error: ${text}`,
} as const;

/** Short names the shell prints for a process killed by a signal (macOS numbering). */
export const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  4: 'Illegal instruction: 4',
  6: 'Abort trap: 6',
  8: 'Floating point exception: 8',
  10: 'Bus error: 10',
  11: 'Segmentation fault: 11',
};
