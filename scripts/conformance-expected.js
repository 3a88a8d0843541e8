#!/usr/bin/env node
// Regenerates test/conformance/<name>.expected from a native build: `gcc -O0 -w`, run with
// <name>.stdin (if present) on stdin; writes `exit N` then the exact stdout.
// Usage: node scripts/conformance-expected.js [name.c ...]   (default: every program)
// Known Linux/macOS differences the programs must avoid: glibc prints `(nil)` for a NULL %p
// (macOS prints 0x0); gcc may evaluate function arguments in another order than clang;
// long double is 80-bit x87 on x86-64 Linux but plain double on arm64 macOS; plain char is
// signed on both x86-64 and arm64 macOS, but unsigned on arm64 Linux (run this on x86-64).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const dir = path.join(__dirname, '..', 'test', 'conformance');
const names = process.argv.length > 2 ? process.argv.slice(2).map((n) => path.basename(n)) : fs.readdirSync(dir).filter((f) => f.endsWith('.c')).sort();
const bin = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-')), 'a.out');
for (const name of names) {
  const base = path.join(dir, name.replace(/\.c$/, ''));
  execFileSync('gcc', ['-O0', '-w', '-o', bin, base + '.c', '-lm']);
  const stdinFile = base + '.stdin';
  const r = spawnSync(bin, [], { input: fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile) : '', maxBuffer: 1 << 24 });
  const status = r.status !== null ? r.status : 128 + os.constants.signals[r.signal];
  fs.writeFileSync(base + '.expected', `exit ${status}\n` + r.stdout.toString('latin1'), 'latin1');
  console.log(`${name}: exit ${status}`);
}
