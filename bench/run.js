#!/usr/bin/env node
// Entry point of the benchmark suite (`npm run bench`). The suite is TypeScript compiled with the
// rest of the project (`npx tsc -p .` emits out/bench/src/main.js).
'use strict';
const fs = require('fs');
const path = require('path');

const compiled = path.join(__dirname, '..', 'out', 'bench', 'src', 'main.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write('bench: out/bench/src/main.js is missing: run "npx tsc -p ." first\n');
  process.exit(2);
}
require(compiled);
