// Checks the launch attributes and loads what they name (sources, local headers, stdin) into
// the engine's LaunchOptions. Every problem is a LaunchError with an error code and one clear
// message; nothing here throws anything else for bad input.

import type { IncludeResolver, SourceFile } from '../c/ast';
import type { LaunchOptions } from '../machine/api';
import type { MallocscopeLaunchArguments } from '../protocol/dap';
import { dirname, readText, resolvePath, type FileAccessor } from './fileAccessor';
import { adapterMessages, ErrorCode } from './messages';

export class LaunchError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'LaunchError';
  }
}

export interface ResolvedLaunch {
  readonly options: LaunchOptions;
  readonly stopOnEntry: boolean;
  readonly maxSteps: number | undefined;
}

/** How deep `#include "…"` chains are followed when preloading local headers. */
const MAX_INCLUDE_DEPTH = 16;

export async function resolveLaunch(
  args: Partial<MallocscopeLaunchArguments>,
  files: FileAccessor,
  knownProfiles: readonly string[],
): Promise<ResolvedLaunch> {
  const cwd = optionalString(args, 'cwd');
  const programs = programList(args.program).map((p) => resolvePath(cwd, p));
  for (const p of programs) {
    if (!/\.c$/i.test(p)) throw new LaunchError(ErrorCode.BadAttribute, adapterMessages.notCFile(p));
  }
  const profile = optionalString(args, 'profile');
  if (profile !== undefined && !knownProfiles.includes(profile)) {
    throw new LaunchError(ErrorCode.UnknownProfile, adapterMessages.unknownProfile(profile, knownProfiles));
  }
  const env = stringRecord(args.env);
  const programArgs = stringArray(args.args, 'args');
  const maxSteps = args.maxSteps;
  if (maxSteps !== undefined && (typeof maxSteps !== 'number' || !Number.isSafeInteger(maxSteps) || maxSteps < 1)) {
    throw new LaunchError(ErrorCode.BadAttribute, adapterMessages.badAttribute('maxSteps', 'a whole number of statements (1 or more)'));
  }
  const stopOnEntry = optionalBoolean(args, 'stopOnEntry') ?? false;
  const stdoutIsTerminal = optionalBoolean(args, 'stdoutIsTerminal') ?? true;

  let stdin = optionalString(args, 'stdin');
  const stdinFile = optionalString(args, 'stdinFile');
  if (stdinFile !== undefined) stdin = await load(files, resolvePath(cwd, stdinFile));

  const sources: SourceFile[] = [];
  for (const p of programs) sources.push({ path: p, text: await load(files, p) });
  const includes = await preloadIncludes(files, sources);

  return {
    options: { sources, args: programArgs, env, profile, stdin, stdoutIsTerminal, includes },
    stopOnEntry,
    maxSteps,
  };
}

function programList(program: unknown): string[] {
  if (program === undefined || program === null || program === '') {
    throw new LaunchError(ErrorCode.MissingProgram, adapterMessages.missingProgram());
  }
  if (typeof program === 'string') return [program];
  if (Array.isArray(program) && program.length > 0 && program.every((p) => typeof p === 'string' && p !== '')) {
    return program as string[];
  }
  throw new LaunchError(ErrorCode.BadAttribute, adapterMessages.badAttribute('program', 'a path or a non-empty list of paths'));
}

function optionalString(args: object, name: string): string | undefined {
  const value = (args as Record<string, unknown>)[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new LaunchError(ErrorCode.BadAttribute, adapterMessages.badAttribute(name, 'a string'));
  return value;
}

function optionalBoolean(args: object, name: string): boolean | undefined {
  const value = (args as Record<string, unknown>)[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new LaunchError(ErrorCode.BadAttribute, adapterMessages.badAttribute(name, 'true or false'));
  return value;
}

function stringArray(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new LaunchError(ErrorCode.BadAttribute, adapterMessages.badAttribute(name, 'a list of strings'));
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new LaunchError(ErrorCode.BadAttribute, adapterMessages.badAttribute('env', 'an object of NAME: "value" pairs'));
  }
  const env: Record<string, string> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    // launch.json users write numbers and booleans (MallocNanoZone: 0); the environment is text.
    if (typeof v === 'string') env[name] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') env[name] = String(v);
    else throw new LaunchError(ErrorCode.BadAttribute, adapterMessages.badAttribute(`env.${name}`, 'a string'));
  }
  return env;
}

async function load(files: FileAccessor, path: string): Promise<string> {
  try {
    return await readText(files, path);
  } catch (e) {
    const reason = (e as { code?: string }).code === 'ENOENT' ? 'no such file'
      : (e as { code?: string }).code === 'EISDIR' ? 'it is a directory'
      : e instanceof Error ? e.message : String(e);
    throw new LaunchError(ErrorCode.UnreadableFile, adapterMessages.unreadableFile(path, reason));
  }
}

/**
 * The front end reads local headers synchronously, but a FileAccessor is asynchronous, so the
 * `#include "…"` chains are followed here first and served from memory afterwards.
 */
async function preloadIncludes(files: FileAccessor, sources: readonly SourceFile[]): Promise<IncludeResolver> {
  const cache = new Map<string, string>();
  const visit = async (includer: string, text: string, depth: number): Promise<void> => {
    if (depth > MAX_INCLUDE_DEPTH) return;
    for (const match of text.matchAll(/^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"/gm)) {
      const path = resolvePath(dirname(includer), match[1]);
      if (cache.has(path)) continue;
      let header: string;
      try {
        header = await readText(files, path);
      } catch {
        continue; // the front end reports the missing header with its position
      }
      cache.set(path, header);
      await visit(path, header, depth + 1);
    }
  };
  for (const s of sources) await visit(s.path, s.text, 0);
  return { readFile: (path) => cache.get(path) ?? cache.get(resolvePath(undefined, path)) };
}
