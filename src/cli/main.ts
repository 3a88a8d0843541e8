// `mallocscope run FILE.c [MORE.c …] [options] [-- program arguments]`: the command-line runner
// (bin `mallocscope`, bundled to dist/cli.js). This file is the only part of the CLI that
// touches Node: argv, the file system and the exit status.

import { Command, CommanderError, Option } from 'commander';
import * as fs from 'fs';
import type { IncludeResolver, SourceFile } from '../c/ast';
import { PROFILES } from '../vm/profiles';
import { CLI_NAME, cliMessages } from './messages';
import { checkRunOptions, UsageError, type RawRunOptions, type RunConfig } from './options';
import { runProgram } from './runProgram';

const USAGE_EXIT_STATUS = 2;

const RUN_HELP_EPILOG = `
The program's stdout is a terminal by default, as when run from a shell: line-buffered, with
its 4096-byte buffer malloc'd on first output. --no-tty makes it a pipe (fully buffered).
--stop-at ends the run at that line (reports describe the process there); if the line is
never reached, reports describe the process at exit.

Exit status: the program's own; 128 + signal when it dies (134 abort, 139 segmentation fault);
0 after --stop-at; 124 when --max-steps is reached; 2 for usage or compile errors.

Examples:
  mallocscope run trace.c --env MallocNanoZone=0 --stop-at 23 --report vmmap
  mallocscope run trace.c --json
  mallocscope run prog.c util.c -- arg1 arg2
`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildCommand(onRun: (files: string[], raw: RawRunOptions) => void): Command {
  const program = new Command()
    .name(CLI_NAME)
    .description('Run a C program on a simulation of the macOS allocator (libmalloc) and report its memory.')
    .exitOverride()
    .showSuggestionAfterError(true);
  program
    .command('run')
    .description('compile and run C files; the program\'s output is passed through')
    .argument('<files...>', 'C source files, linked together (the first one holds the --stop-at line)')
    .option('--env <NAME=VALUE>', 'launch environment variable, e.g. MallocNanoZone=0 (repeatable)', collect, [])
    .option('--profile <name>', `machine profile: ${PROFILES.map((p) => p.name).join(', ')}`)
    .option('--stop-at <line>', 'stop the first time execution reaches this line of the first file, before it runs')
    .option('--report <name>', 'print a report at the stop or at exit: vmmap, heap, leaks, history (repeatable)', collect, [])
    .option('--history <address>', 'malloc_history of one address (implies --report history)')
    .option('--summary', 'print vmmap -summary instead of every region')
    .option('--max-steps <n>', 'stop with an error after this many statements')
    .option('--stdin <file>', 'file the program reads on stdin (default: empty)')
    .option('--args <arg...>', 'program arguments (argv[1..]); or put them after --')
    .addOption(new Option('--no-tty', 'the program\'s stdout is not a terminal: fully buffered, no line buffering'))
    .option('--json', 'print one JSON document (schema mallocscope/run@1) instead of the output and reports')
    .addHelpText('after', RUN_HELP_EPILOG)
    .action((files: string[], raw: RawRunOptions) => onRun(files, raw));
  return program;
}

/** Splits `… -- a b c` so the program's own arguments never reach commander. */
function splitProgramArgs(argv: readonly string[]): { cli: string[]; program: string[] } {
  const dashDash = argv.indexOf('--', 2);
  return dashDash < 0
    ? { cli: [...argv], program: [] }
    : { cli: argv.slice(0, dashDash), program: argv.slice(dashDash + 1) };
}

function readSource(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(cliMessages.missingFile(file));
  }
  if (stat.isDirectory()) throw new UsageError(cliMessages.isDirectory(file));
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(cliMessages.unreadableFile(file, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  if (text.includes('\0')) throw new UsageError(cliMessages.notText(file));
  return text;
}

const fileIncludes: IncludeResolver = {
  readFile(includePath: string): string | undefined {
    try {
      return fs.statSync(includePath).isFile() ? fs.readFileSync(includePath, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
};

function execute(config: RunConfig): number {
  const sources: SourceFile[] = config.files.map((file) => ({ path: file, text: readSource(file) }));
  let stdin: string | undefined;
  if (config.stdinFile !== undefined) {
    if (!fs.existsSync(config.stdinFile)) throw new UsageError(cliMessages.stdinMissing(config.stdinFile));
    stdin = readSource(config.stdinFile);
  }
  return runProgram({ config, sources, stdin, includes: fileIncludes }, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

export function main(argv: readonly string[]): number {
  const { cli, program: programArgs } = splitProgramArgs(argv);
  let status = 0;
  try {
    buildCommand((files, raw) => {
      const config = checkRunOptions(files, raw, programArgs, PROFILES.map((p) => p.name));
      status = execute(config);
    }).parse(cli);
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander has printed its own message already; help and --version end with status 0.
      return e.exitCode === 0 ? 0 : USAGE_EXIT_STATUS;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`${CLI_NAME}: error: ${e.message}\n`);
      return USAGE_EXIT_STATUS;
    }
    const text = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${CLI_NAME}: ${cliMessages.internalError(text)}\n`);
    if (process.env.MALLOCSCOPE_DEBUG) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 70; // EX_SOFTWARE
  }
  return status;
}

if (require.main === module) {
  // A reader that goes away (`mallocscope run x.c | head`) ends the run quietly with SIGPIPE's
  // status, as it would end the native program, instead of an unhandled stream error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(128 + 13);
    });
  }
  process.exitCode = main(process.argv);
}
