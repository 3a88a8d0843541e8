// The benchmark suite: `node bench/run.js [--runs N] [--quick] [--only a,b] …` (see bench/README.md).
// Prints a table and the targets on stdout and writes bench/results/latest.json.

import { spawnSync } from 'child_process';
import { Command } from 'commander';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measureRoundTrips, measureStepBack, type RoundTripResult, type StepBackResult } from './adapterProbe';
import type { EngineProbeResult } from './engineProbe';
import * as fmt from './format';
import { describeMachine } from './machineInfo';
import { profileCli, type CliProfile } from './profileCli';
import { PROGRAMS, sizeFor, type BenchProgram } from './programs';
import { median, medianOfRatios, medianRate } from './stats';
import { prepare, probeEngine, runOnce, type PreparedProgram, type RunRecord, type SuitePaths } from './suite';
import { atMost, TARGETS, type TargetResult } from './targets';

interface Options {
  runs: string;
  buildBundles?: boolean;
  quick?: boolean;
  scale?: string;
  only?: string;
  cli?: string;
  adapter?: string;
  roundTrips: string;
  valgrind: boolean;
  probe: boolean;
  cpuProf?: string | boolean;
  timeout: string;
  out: string;
}

interface ProgramSummary {
  readonly name: string;
  readonly n: number | undefined;
  readonly exercises: string;
  readonly buildError?: string;
  readonly steps?: number;
  readonly mallocscopeMs?: number;
  readonly nativeMs?: number;
  readonly valgrindMs?: number;
  readonly ratioToValgrind?: number;
  readonly ratioToNative?: number;
  readonly mallocscopeCpuMs?: number;
  readonly valgrindCpuMs?: number;
  /** Same pairing as ratioToValgrind, on CPU time (user + system) instead of wall time. */
  readonly cpuRatioToValgrind?: number;
  readonly stepsPerSecond?: number;
  readonly allocatorOpsPerSecond?: number;
  readonly peakRssKiB?: number;
  readonly valgrindPeakRssKiB?: number;
  readonly bytesPerEvent?: number;
  readonly engine: EngineProbeResult | undefined;
  readonly output: 'same' | 'DIFFERENT' | 'FAILED';
  readonly problems: readonly string[];
  readonly runs: readonly RunRecord[];
  cpuProfile?: CliProfile | { error: string };
}

const benchDir = path.resolve(__dirname, '../../../bench');
const repoDir = path.dirname(benchDir);

/** A path as the report shows it: relative inside the checkout, absolute outside. */
function shown(file: string): string {
  return file.startsWith(repoDir + path.sep) ? path.relative(repoDir, file) : file;
}

function defaultCli(): string {
  const bundled = path.join(repoDir, 'dist/cli.js');
  return fs.existsSync(bundled) ? bundled : path.join(repoDir, 'out/src/cli/main.js');
}

/**
 * A private, consistent snapshot of the current sources: the shared dist/ may be stale, and
 * out/ may be rewritten by a concurrent tsc while a long run is under way.
 */
function buildBundles(outDir: string): { cli: string; adapter: string } | string {
  process.stderr.write(`webpack (cli, debugAdapter) → ${outDir}…\n`);
  const webpack = spawnSync(process.execPath, [path.join(repoDir, 'node_modules/webpack/bin/webpack.js'), '--config-name', 'cli',
    '--config-name', 'debugAdapter', '--mode', 'production', '--output-path', outDir], { cwd: repoDir, encoding: 'utf8' });
  const cli = path.join(outDir, 'cli.js');
  const adapter = path.join(outDir, 'debugAdapter.js');
  if (webpack.status !== 0 || !fs.existsSync(cli) || !fs.existsSync(adapter)) {
    return `webpack failed (exit ${webpack.status}): ${`${webpack.stdout}${webpack.stderr}`.trim().split('\n').slice(0, 5).join(' | ')}`;
  }
  return { cli, adapter };
}

/** Newest modification time of the .js files under `dir`, in ms; 0 when there are none. */
function newestJs(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestJs(full));
    else if (entry.name.endsWith('.js')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** A webpack bundle older than tsc's output measures an engine that is no longer the source's. */
function staleBundleWarning(cli: string): string | undefined {
  if (!cli.startsWith(path.join(repoDir, 'dist'))) return undefined;
  const bundled = fs.statSync(cli).mtimeMs;
  const compiled = newestJs(path.join(repoDir, 'out/src'));
  if (compiled <= bundled) return undefined;
  return `warning: ${path.relative(repoDir, cli)} (built ${new Date(bundled).toISOString()}) is older than out/src ` +
    `(${new Date(compiled).toISOString()}); rebuild it or pass --cli out/src/cli/main.js. The engine probe uses out/src.`;
}

function summarise(prepared: PreparedProgram, runs: readonly RunRecord[], engine: EngineProbeResult | undefined): ProgramSummary {
  const problems: string[] = [];
  if (prepared.buildError) problems.push(`gcc failed: ${prepared.buildError.split('\n')[0]}`);
  const good = (r: RunRecord) => r.mallocscope.error === undefined;
  runs.forEach((r, i) => {
    if (r.mallocscope.error) problems.push(`run ${i + 1}: mallocscope: ${r.mallocscope.error}`);
    if (r.outputCheck && !r.outputCheck.same) {
      const d = r.outputCheck.firstDifference;
      problems.push(`run ${i + 1}: OUTPUT MISMATCH at line ${d?.line}: native "${d?.native}" vs mallocscope "${d?.mallocscope}"`);
    }
    if (r.outputCheck && !r.outputCheck.sameStatus) {
      problems.push(`run ${i + 1}: EXIT STATUS MISMATCH: native ${r.native?.status} vs mallocscope ${r.mallocscope.exitCode}`);
    }
    if (r.native && r.native.status !== 0) problems.push(`run ${i + 1}: native exit status ${r.native.status}`);
    if (r.valgrind && r.valgrind.status !== r.native?.status) problems.push(`run ${i + 1}: valgrind exit status ${r.valgrind.status}`);
  });
  if (engine && !engine.ok) problems.push(`engine probe: ${engine.error?.split('\n')[0]}`);

  const msMs = runs.map((r) => (good(r) ? r.mallocscope.wallMs : undefined));
  const nativeMs = runs.map((r) => (r.native && r.native.status === 0 ? r.native.wallMs : undefined));
  const valgrindMs = runs.map((r) => (r.valgrind && !r.valgrind.timedOut ? r.valgrind.wallMs : undefined));
  const steps = runs.map((r) => (good(r) ? r.mallocscope.steps : undefined));
  const msCpu = runs.map((r) => (good(r) ? r.mallocscope.cpuMs : undefined));
  const valgrindCpu = runs.map((r) => (r.valgrind && !r.valgrind.timedOut ? r.valgrind.cpuMs : undefined));
  const allocatorOps = engine?.ok ? engine.allocatorOps : undefined;
  const failed = runs.some((r) => r.mallocscope.error !== undefined);
  const different = runs.some((r) => r.outputCheck !== undefined && (!r.outputCheck.same || !r.outputCheck.sameStatus));
  return {
    name: prepared.program.name,
    n: prepared.n,
    exercises: prepared.program.exercises,
    buildError: prepared.buildError,
    steps: median(steps),
    mallocscopeMs: median(msMs),
    nativeMs: median(nativeMs),
    valgrindMs: median(valgrindMs),
    ratioToValgrind: medianOfRatios(msMs, valgrindMs),
    ratioToNative: medianOfRatios(msMs, nativeMs),
    mallocscopeCpuMs: median(msCpu),
    valgrindCpuMs: median(valgrindCpu),
    cpuRatioToValgrind: medianOfRatios(msCpu, valgrindCpu),
    stepsPerSecond: medianRate(steps, msMs),
    allocatorOpsPerSecond: allocatorOps === undefined ? undefined : medianRate(msMs.map(() => allocatorOps), msMs),
    peakRssKiB: median(runs.map((r) => (good(r) ? r.mallocscope.maxRssKiB : undefined))),
    valgrindPeakRssKiB: median(runs.map((r) => r.valgrind?.maxRssKiB)),
    bytesPerEvent: engine?.ok ? engine.bytesPerEvent : undefined,
    engine,
    output: failed ? 'FAILED' : different ? 'DIFFERENT' : 'same',
    problems,
    runs,
  };
}

function programTable(summaries: readonly ProgramSummary[]): string {
  const header = ['program', 'N', 'steps', 'mallocscope s', 'native s', 'valgrind s', 'ms/valgrind', 'ms/native',
    'cpu ms/vg', 'steps/s', 'alloc ops/s', 'peak RSS MiB', 'B/event', 'output'];
  const rows = summaries.map((s) => [
    s.name, s.n === undefined ? '-' : fmt.count(s.n), fmt.count(s.steps), fmt.seconds(s.mallocscopeMs), fmt.seconds(s.nativeMs),
    fmt.seconds(s.valgrindMs), fmt.ratio(s.ratioToValgrind), fmt.ratio(s.ratioToNative), fmt.ratio(s.cpuRatioToValgrind), fmt.count(s.stepsPerSecond),
    fmt.count(s.allocatorOpsPerSecond), fmt.mebibytes(s.peakRssKiB), fmt.bytes(s.bytesPerEvent), s.output,
  ]);
  return fmt.table(header, rows);
}

function engineTable(summaries: readonly ProgramSummary[]): string {
  const header = ['program', 'compile ms', 'run ms', 'events', 'pre-main', 'allocs', 'frees', 'reallocs', 'vm events', 'program ops', 'trace KiB'];
  const rows = summaries.map((s) => {
    const e = s.engine;
    if (!e?.ok) return [s.name, ...header.slice(2).map(() => '-'), e ? 'probe failed' : 'not run'];
    const k = e.eventsByKind ?? {};
    return [s.name, fmt.millis(e.compileMs), fmt.millis(e.runMs), fmt.count(e.eventCount), fmt.count(e.preMainEvents), fmt.count(k.alloc),
      fmt.count(k.free), fmt.count(k.realloc), fmt.count((k.vmAlloc ?? 0) + (k.vmFree ?? 0) + (k.madvise ?? 0)), fmt.count(e.allocatorOps),
      e.traceBytes === undefined ? '-' : (e.traceBytes / 1024).toFixed(1)];
  });
  return fmt.table(header, rows);
}

function evaluateTargets(
  summaries: readonly ProgramSummary[],
  valgrind: boolean,
  stepBack: { ms?: number; text: string },
  roundTrip: RoundTripResult | undefined,
  roundTripWhy: string,
): TargetResult[] {
  const results: TargetResult[] = [];
  for (const s of summaries) {
    const why = !valgrind ? 'valgrind skipped (--no-valgrind)' : s.mallocscopeMs === undefined ? 'Mallocscope did not finish a run' : 'no valgrind figure';
    const cpu = s.cpuRatioToValgrind === undefined ? '' : ` (CPU time: ${fmt.ratio(s.cpuRatioToValgrind)})`;
    results.push(atMost(`${s.name}: mallocscope / valgrind <= ${TARGETS.maxRatioToValgrind.toFixed(1)}`, s.ratioToValgrind,
      TARGETS.maxRatioToValgrind, `${fmt.ratio(s.ratioToValgrind)} wall${cpu}`, why));
  }
  const perEvent = summaries.filter((s) => s.bytesPerEvent !== undefined);
  const worst = perEvent.reduce<ProgramSummary | undefined>((w, s) => (w === undefined || s.bytesPerEvent! > w.bytesPerEvent! ? s : w), undefined);
  results.push(atMost(`history <= ${TARGETS.maxBytesPerEvent} bytes per allocator event (worst program)`, worst?.bytesPerEvent,
    TARGETS.maxBytesPerEvent, worst ? `${fmt.bytes(worst.bytesPerEvent)} B (${worst.name})` : '', 'engine probe gave no figure'));
  const stepBackTarget = `step back <= ${TARGETS.maxStepBackMs} ms at ${fmt.count(TARGETS.stepBackRunSteps)} steps`;
  // Without time travel there is no figure to print, and the target is not met.
  results.push(stepBack.ms === undefined
    ? { target: stepBackTarget, verdict: 'NOT MET', figure: stepBack.text }
    : atMost(stepBackTarget, stepBack.ms, TARGETS.maxStepBackMs, stepBack.text, ''));
  const trips = roundTrip?.roundTripsMs;
  const tripMedian = trips && trips.length > 0 ? median(trips) : undefined;
  results.push(atMost(`adapter round trip <= ${TARGETS.maxRoundTripMs} ms (median)`, tripMedian, TARGETS.maxRoundTripMs,
    `${fmt.millis(tripMedian)} ms over ${trips?.length ?? 0} round trips`, roundTripWhy));
  return results;
}

function targetLines(targets: readonly TargetResult[]): string {
  return targets.map((t) => `  ${t.verdict.padEnd(12)} ${t.target}: ${t.figure}`).join('\n');
}

let adapterUsed: string | undefined;

/** compute_loop runs about 6.5 statements per iteration: 1.6 million iterations pass 10 million steps. */
const STEP_BACK_ITERATIONS = 1_600_000;

async function measureTimeTravel(paths: SuitePaths): Promise<StepBackResult> {
  if (adapterUsed === undefined) return { implemented: false, error: 'no adapter' };
  const program = PROGRAMS.find((p) => p.name === 'compute_loop')!;
  const prepared = prepare(program, STEP_BACK_ITERATIONS, paths);
  const lines = fs.readFileSync(prepared.source, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('printf("iterations')) + 1;
  return measureStepBack(adapterUsed, prepared.source, line, 3, 'mallocscope');
}

function stepBackFigure(result: StepBackResult): { ms?: number; text: string } {
  if (!result.implemented) return { text: 'not implemented' };
  if (result.error !== undefined || !result.stepBacksMs?.length) return { text: `failed: ${result.error ?? 'no step back completed'}` };
  const ms = median(result.stepBacksMs)!;
  const where = result.stepsAtStop === undefined ? 'a stop after the loop' : `the stop at step ${fmt.count(result.stepsAtStop)}`;
  return { ms, text: `median ${fmt.millis(ms)} ms over ${result.stepBacksMs.length} step backs to ${where}` };
}

async function measureAdapter(options: Options, roundTripsWanted: number): Promise<{ result?: RoundTripResult; why: string }> {
  const adapter = options.adapter ?? [path.join(repoDir, 'dist/debugAdapter.js'), path.join(repoDir, 'out/src/adapter/main.js')].find((f) => fs.existsSync(f));
  if (adapter === undefined || !fs.existsSync(adapter)) return { why: 'no adapter: neither dist/debugAdapter.js nor out/src/adapter/main.js (build first)' };
  adapterUsed = path.resolve(adapter);
  const sample = path.join(repoDir, 'samples/trace.c');
  const result = await measureRoundTrips(adapter, sample, roundTripsWanted, 'mallocscope');
  return { result, why: result.ok ? '' : `adapter session failed: ${result.error}` };
}

function panelNote(): string {
  const log = path.join(repoDir, 'test-results/panel-render-times.json');
  return fs.existsSync(log)
    ? `see ${path.relative(repoDir, log)}`
    : 'see panel test log (test/webview/panel.test.ts logs "render of N blocks … ms" for 10,000, 100,000 and 1,000,000 blocks)';
}

async function main(argv: readonly string[]): Promise<number> {
  const options = new Command()
    .name('bench')
    .description('Mallocscope benchmark suite')
    .option('--runs <n>', 'runs per program (medians over runs)', '3')
    .option('--quick', 'small sizes, for a busy machine')
    .option('--scale <factor>', 'run every sized program at factor x its full N')
    .option('--only <names>', `comma-separated programs: ${PROGRAMS.map((p) => p.name).join(', ')}`)
    .option('--build-bundles', 'bundle the CLI and adapter from the current sources into a scratch directory (webpack, production) and measure those')
    .option('--cli <path>', 'CLI script (default dist/cli.js, else out/src/cli/main.js)')
    .option('--adapter <path>', 'debug adapter (default dist/debugAdapter.js, else out/src/adapter/main.js)')
    .option('--round-trips <n>', 'adapter round trips to time (0 skips)', '50')
    .option('--no-valgrind', 'skip valgrind memcheck')
    .option('--no-probe', 'skip the in-process engine probe (history bytes, allocator op counts)')
    .option('--cpu-prof [names]', 'profile the CLI with node --cpu-prof (all programs, or comma-separated names)')
    .option('--timeout <seconds>', 'per command', '900')
    .option('--out <file>', 'JSON results', path.join(benchDir, 'results/latest.json'))
    .parse([...argv])
    .opts<Options>();

  const runs = Math.max(1, Number(options.runs) | 0);
  const scale = options.scale === undefined ? undefined : Number(options.scale);
  const timeoutMs = Number(options.timeout) * 1000;
  const names = options.only?.split(',').map((n) => n.trim());
  const unknown = names?.filter((n) => !PROGRAMS.some((p) => p.name === n)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown program(s): ${unknown.join(', ')}\n`);
    return 2;
  }
  const selected: BenchProgram[] = PROGRAMS.filter((p) => names === undefined || names.includes(p.name));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mallocscope-bench-'));
  if (options.buildBundles) {
    const built = buildBundles(path.join(workDir, 'dist'));
    if (typeof built === 'string') {
      process.stderr.write(`bench: ${built}\n`);
      return 2;
    }
    options.cli ??= built.cli;
    options.adapter ??= built.adapter;
  }
  const paths: SuitePaths = {
    benchDir,
    cli: path.resolve(options.cli ?? defaultCli()),
    probe: path.join(__dirname, 'engineProbe.js'),
    workDir,
  };
  if (!fs.existsSync(paths.cli)) {
    process.stderr.write(`bench: no CLI at ${paths.cli}: run "npx tsc -p ." (or webpack) first\n`);
    return 2;
  }

  const machine = describeMachine();
  const say = (text: string) => process.stdout.write(text + '\n');
  say(`Mallocscope benchmark — ${new Date().toISOString()}`);
  say(`machine: ${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAverage.join(' ')}; node ${machine.node}; ${machine.gcc ?? 'no gcc'}; ${machine.valgrind ?? 'no valgrind'}`);
  say(`cli: ${shown(paths.cli)}${options.buildBundles ? ' (bundled now from the working tree)' : ''}; runs: ${runs}; sizes: ${scale !== undefined ? `${scale} x full` : options.quick ? 'quick' : 'full'}`);
  const stale = staleBundleWarning(paths.cli);
  if (stale !== undefined) say(`!!! ${stale}`);

  const prepared = selected.map((p) => prepare(p, sizeFor(p, options.quick === true, scale), paths));
  const engine = new Map<string, EngineProbeResult>();
  if (options.probe) {
    for (const p of prepared) {
      process.stderr.write(`probe ${p.program.name}…\n`);
      engine.set(p.program.name, probeEngine(p, paths, timeoutMs));
    }
  }
  const records = new Map<string, RunRecord[]>(prepared.map((p) => [p.program.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const p of prepared) {
      process.stderr.write(`run ${run}/${runs} ${p.program.name}…\n`);
      const record = runOnce(p, paths, { timeoutMs, valgrind: options.valgrind });
      records.get(p.program.name)!.push(record);
      const check = record.outputCheck;
      if (check !== undefined && !check.same) {
        const d = check.firstDifference!;
        process.stderr.write(`!!! OUTPUT MISMATCH in ${p.program.name} at line ${d.line}: native "${d.native}" vs mallocscope "${d.mallocscope}"\n`);
      }
      if (record.mallocscope.error !== undefined) process.stderr.write(`!!! ${p.program.name}: mallocscope: ${record.mallocscope.error}\n`);
    }
  }
  const summaries = prepared.map((p) => summarise(p, records.get(p.program.name)!, engine.get(p.program.name)));

  const roundTripsWanted = Math.max(0, Number(options.roundTrips) | 0);
  const adapter = roundTripsWanted > 0 ? await measureAdapter(options, roundTripsWanted) : { why: 'skipped (--round-trips 0)' };

  if (options.cpuProf !== undefined && options.cpuProf !== false) {
    const wanted = typeof options.cpuProf === 'string' ? options.cpuProf.split(',') : undefined;
    for (const s of summaries) {
      if (wanted !== undefined && !wanted.includes(s.name)) continue;
      process.stderr.write(`cpu profile ${s.name}…\n`);
      s.cpuProfile = profileCli(paths.cli, prepared.find((p) => p.program.name === s.name)!.source, paths.workDir, 10, timeoutMs);
    }
  }

  const stepBackResult: StepBackResult = roundTripsWanted > 0 && adapterUsed !== undefined
    ? await measureTimeTravel(paths)
    : { implemented: false, error: 'no adapter measured' };
  const stepBack = stepBackFigure(stepBackResult);
  const targets = evaluateTargets(summaries, options.valgrind, stepBack, adapter.result, adapter.why);
  say('');
  say(programTable(summaries));
  say('');
  say('Engine in-process (one run; compile = createProcess, run = statements to exit; events by kind include the pre-main baseline, program ops do not):');
  say(engineTable(summaries));
  say('');
  const trips = adapter.result?.roundTripsMs;
  say(`adapter round trip (next → stopped → stackTrace + scopes + variables): ${trips && trips.length > 0
    ? `median ${fmt.millis(median(trips))} ms, min ${fmt.millis(Math.min(...trips))} ms, max ${fmt.millis(Math.max(...trips))} ms over ${trips.length}${adapter.result?.endedEarly ? ' (program ended early)' : ''}`
    : adapter.why}${adapterUsed ? ` [${shown(adapterUsed)}]` : ''}`);
  say(`step back at ${fmt.count(TARGETS.stepBackRunSteps)} steps: ${stepBack.text}`);
  say(`panel render times: ${panelNote()}`);
  say('');
  say('Targets:');
  say(targetLines(targets));
  for (const s of summaries) {
    if (s.cpuProfile === undefined) continue;
    say('');
    say(`CPU profile of the CLI on ${s.name} (top self time):`);
    if ('error' in s.cpuProfile) say(`  ${s.cpuProfile.error}`);
    else {
      for (const f of s.cpuProfile.functions) say(`  ${f.selfMs.toFixed(0).padStart(7)} ms ${f.percent.toFixed(1).padStart(5)}%  ${f.function}`);
      say('  by file:');
      for (const f of s.cpuProfile.files) say(`  ${f.selfMs.toFixed(0).padStart(7)} ms ${f.percent.toFixed(1).padStart(5)}%  ${f.function}`);
    }
  }
  const problems = summaries.flatMap((s) => s.problems.map((p) => `${s.name}: ${p}`));
  if (problems.length > 0) {
    say('');
    say('!!! PROBLEMS — figures for these programs are incomplete or suspect:');
    for (const p of problems) say(`!!! ${p}`);
  }

  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  const json = {
    schema: 'mallocscope/bench@1',
    date: new Date().toISOString(),
    machine,
    settings: { runs, quick: options.quick === true, scale, cli: shown(paths.cli), bundledNow: options.buildBundles === true, valgrind: options.valgrind, staleBundle: stale },
    programs: summaries.map(({ runs: runRecords, ...s }) => ({
      ...s,
      engine: s.engine && { ...s.engine, stdout: undefined },
      runs: runRecords.map((r) => ({
        mallocscope: { ...r.mallocscope, stdout: undefined },
        native: r.native && { wallMs: r.native.wallMs, cpuMs: r.native.cpuMs, status: r.native.status, maxRssKiB: r.native.maxRssKiB },
        valgrind: r.valgrind && { wallMs: r.valgrind.wallMs, cpuMs: r.valgrind.cpuMs, status: r.valgrind.status, maxRssKiB: r.valgrind.maxRssKiB },
        outputCheck: r.outputCheck,
      })),
    })),
    adapterRoundTrip: { adapter: adapterUsed && shown(adapterUsed), ...(adapter.result ?? { ok: false, error: adapter.why }) },
    stepBack: stepBackResult,
    panel: panelNote(),
    targets,
  };
  fs.writeFileSync(options.out, JSON.stringify(json, null, 2) + '\n');
  say('');
  say(`results: ${path.relative(process.cwd(), options.out)}`);
  fs.rmSync(paths.workDir, { recursive: true, force: true });
  return summaries.some((s) => s.output !== 'same') ? 1 : 0;
}

main(process.argv).then(
  (status) => (process.exitCode = status),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
