// Golden text files for the report tests. A mismatch fails and writes `<name>.actual` beside the
// golden file; RESET_RESULTS=1 rewrites the golden file instead. A missing golden file is never
// created silently: it fails too (with the `.actual` written) unless RESET_RESULTS=1.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/** The golden folder in the source tree (tests run from out/test/unit/reports). */
export const GOLDEN_DIR = path.resolve(__dirname, '../../../../test/unit/reports/golden');

export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, `${name}.txt`);
  const actualFile = `${file}.actual`;
  const reset = process.env.RESET_RESULTS === '1';
  const expected = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (expected === actual) {
    if (fs.existsSync(actualFile)) fs.unlinkSync(actualFile);
    return;
  }
  if (reset) {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    if (fs.existsSync(actualFile)) fs.unlinkSync(actualFile);
    return;
  }
  fs.mkdirSync(GOLDEN_DIR, { recursive: true });
  fs.writeFileSync(actualFile, actual);
  if (expected === undefined) assert.fail(`no golden file ${file}; wrote ${actualFile} (run with RESET_RESULTS=1 to accept it)`);
  assert.strictEqual(actual, expected, `report differs from ${file}; wrote ${actualFile} (RESET_RESULTS=1 accepts it)`);
}
