#!/usr/bin/env node
// Runs the test tiers in order — unit, adapter, webview, vscode — after building what they need,
// and ends with exactly one line `N passed, N failed` summed over everything it ran.
//
//   node scripts/test-all.js                 all four tiers (what `npm test` and .ci/run run)
//   node scripts/test-all.js unit adapter    only those tiers
//
// Each tier prints its own per-test lines (mocha's spec reporter, or the code-server harness
// printing the same way); the counts are read from the `N passing` / `N failing` / `N pending`
// lines. A tier that cannot run, exits non-zero without a failing test, or runs no test at all
// counts as one failure with its reason: nothing is silently skipped. A failed build step counts
// as one failure too, and the tiers still run on whatever was emitted.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MOCHA = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const WEBPACK = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');
const MINUTE = 60_000;

const mocha = (glob, extra = []) => [process.execPath, MOCHA, '--ui', 'tdd', '--timeout', '20000', '--reporter', 'spec', ...extra, glob];

/** What each tier needs built first, and the commands that run its tests. */
const TIERS = {
  // The benchmark harness's own tests (sizing, medians, output comparison; they build the bench
  // programs with gcc) run with the unit tier; the benchmark itself never runs in a test.
  unit: { needs: ['tsc'], runs: [mocha('out/test/unit/**/*.test.js'), mocha('out/bench/test/**/*.test.js')], limit: 15 * MINUTE },
  adapter: { needs: ['tsc', 'webpack'], runs: [mocha('out/test/adapter/**/*.test.js')], limit: 10 * MINUTE },
  webview: { needs: ['tsc', 'webpack'], runs: [mocha('out/test/webview/**/*.test.js')], limit: 10 * MINUTE },
  vscode: {
    needs: ['tsc', 'webpack', 'vsix', 'code-server'],
    runs: [
      [process.execPath, 'out/test/vscode/runInCodeServer.js'],
      mocha('out/test/vscode/ui/**/*.test.js', ['--timeout', '180000']),
    ],
    limit: 20 * MINUTE,
  },
};

/** Build steps; each runs at most once. A failure is one failed count with the reason. */
const BUILDS = {
  tsc: { title: 'tsc -p .', cmd: [process.execPath, TSC, '-p', '.'], limit: 10 * MINUTE },
  webpack: { title: 'webpack --mode production', cmd: [process.execPath, WEBPACK, '--mode', 'production'], limit: 10 * MINUTE },
  vsix: { title: 'scripts/package.js (vsce package, 2 MB budget)', cmd: [process.execPath, 'scripts/package.js'], limit: 5 * MINUTE },
  'code-server': { title: 'code-server (install or reuse)', cmd: ['bash', 'scripts/code-server.sh'], limit: 15 * MINUTE },
};

/** Runs a command with output streamed through; resolves with its exit code and output text. */
function run(cmd, limitMs) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let text = '';
    const take = (sink) => (chunk) => { text += chunk; sink.write(chunk); };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, limitMs);
    child.on('error', (err) => { clearTimeout(timer); resolve({ code: -1, text: `${text}\n${err.message}`, timedOut }); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code: code ?? (signal ? 128 : -1), text, timedOut }); });
  });
}

/** Reads mocha-style totals (`12 passing`, `1 failing`, `2 pending`) from a tier's output. */
function countsOf(text) {
  const counts = { passed: 0, failed: 0, skipped: 0, seen: false };
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
    if (!m) continue;
    counts.seen = true;
    const n = Number(m[1]);
    if (m[2] === 'passing') counts.passed += n;
    else if (m[2] === 'failing') counts.failed += n;
    else counts.skipped += n;
  }
  return counts;
}

/**
 * Sums one tier's runs ({label, code, text, timedOut, limitMinutes}). A run that timed out,
 * printed no totals, or exited non-zero without a failing test adds one failure with its
 * reason; so does a tier that ran no test at all.
 */
function tierVerdict(runs) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const reasons = [];
  for (const r of runs) {
    const c = countsOf(r.text);
    total.passed += c.passed; total.failed += c.failed; total.skipped += c.skipped;
    if (r.timedOut) reasons.push(`${r.label}: timed out after ${r.limitMinutes} min`);
    else if (!c.seen) reasons.push(`${r.label}: could not run (exit code ${r.code}, no test totals printed)`);
    else if (r.code !== 0 && c.failed === 0) reasons.push(`${r.label}: exit code ${r.code} without a failing test`);
  }
  if (total.passed + total.failed === 0 && reasons.length === 0) reasons.push('ran no test');
  return { ...total, failed: total.failed + reasons.length, reasons };
}

function banner(text) {
  console.log(`\n=== ${text} ${'='.repeat(Math.max(3, 90 - text.length))}`);
}

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((t) => !(t in TIERS));
  if (unknown.length) {
    console.error(`unknown tier(s): ${unknown.join(', ')}; known: ${Object.keys(TIERS).join(', ')}`);
    process.exit(2);
  }
  const tiers = asked.length ? asked : Object.keys(TIERS);
  const started = Date.now();
  const rows = [];
  const built = new Map();
  const build = async (name) => {
    if (built.has(name)) return built.get(name);
    const step = BUILDS[name];
    banner(`build: ${step.title}`);
    const t0 = Date.now();
    const r = await run(step.cmd, step.limit);
    const reason = r.code === 0 ? undefined : r.timedOut ? `timed out after ${step.limit / MINUTE} min` : `exit code ${r.code}`;
    rows.push({ name: `build: ${step.title}`, passed: 0, failed: reason ? 1 : 0, skipped: 0, seconds: (Date.now() - t0) / 1000, reason });
    built.set(name, !reason);
    return !reason;
  };

  for (const tier of tiers) {
    const spec = TIERS[tier];
    for (const need of spec.needs) await build(need);
    banner(`tier: ${tier}`);
    const t0 = Date.now();
    const runs = [];
    for (const cmd of spec.runs) {
      const label = cmd.slice(1).map((a) => path.relative(ROOT, a) || a).join(' ');
      runs.push({ label, limitMinutes: spec.limit / MINUTE, ...(await run(cmd, spec.limit)) });
    }
    const verdict = tierVerdict(runs);
    rows.push({ name: `tier: ${tier}`, ...verdict, seconds: (Date.now() - t0) / 1000, reason: verdict.reasons.join('; ') || undefined });
  }

  banner('summary');
  for (const row of rows) {
    if (row.name.startsWith('build:') && !row.failed) continue;
    const skipped = row.skipped ? `, ${row.skipped} skipped` : '';
    console.log(`${row.name.padEnd(58)} ${row.passed} passed, ${row.failed} failed${skipped}  (${row.seconds.toFixed(1)} s)`);
    if (row.reason) console.log(`    ${row.reason}`);
  }
  for (const row of rows) if (row.name.startsWith('build:') && !row.failed) console.log(`${row.name.padEnd(58)} ok  (${row.seconds.toFixed(1)} s)`);
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  const skipped = rows.reduce((n, r) => n + r.skipped, 0);
  console.log(`total wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed ? 1 : 0);
}

module.exports = { countsOf, tierVerdict };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
}
