import * as assert from 'assert';
import { I64, S64, U64, big, norm } from '../../../src/machine/int64';

// A deterministic stream of interesting 64-bit operands: small, near 2^31, 2^53 and 2^63 edges.
function* operands(): Generator<bigint> {
  const edges = [0n, 1n, -1n, 2n, 7n, -7n, 255n, 2n ** 31n - 1n, -(2n ** 31n), 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n) + 1n,
    2n ** 62n + 12345n, 2n ** 63n - 1n, -(2n ** 63n), 0xdeadbeefcafebaben];
  yield* edges;
  let x = 0x9e3779b97f4a7c15n;
  for (let i = 0; i < 40; i++) { x = BigInt.asUintN(64, x * 6364136223846793005n + 1442695040888963407n); yield BigInt.asIntN(64, x >> BigInt(i % 60)); }
}

const asValue = (v: bigint, signed: boolean): I64 => norm(signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v));

suite('machine: 64-bit integer arithmetic against BigInt', function () {
  this.timeout(20_000);
  const cases: [string, (a: bigint, b: bigint) => bigint | undefined][] = [
    ['add', (a, b) => a + b], ['sub', (a, b) => a - b], ['mul', (a, b) => a * b],
    ['div', (a, b) => (b === 0n ? 0n : a / b)], ['rem', (a, b) => (b === 0n ? a : a % b)],
    ['and', (a, b) => a & b], ['or', (a, b) => a | b], ['xor', (a, b) => a ^ b],
  ];
  for (const signed of [true, false]) {
    const ops = signed ? S64 : U64;
    for (const [name, ref] of cases) {
      test(`${signed ? 'signed' : 'unsigned'} ${name} wraps modulo 2^64 and stays canonical`, () => {
        const xs = [...operands()];
        for (const a of xs) for (const b of xs) {
          const av = asValue(a, signed); const bv = asValue(b, signed);
          const expected = asValue(ref(big(av), big(bv))!, signed);
          const got = (ops as unknown as Record<string, (x: I64, y: I64) => I64>)[name](av, bv);
          assert.strictEqual(typeof got, typeof expected, `${name}(${av}, ${bv})`);
          assert.strictEqual(String(got), String(expected), `${name}(${av}, ${bv})`);
        }
      });
    }
    test(`${signed ? 'signed' : 'unsigned'} shifts use the count modulo 64`, () => {
      for (const a of operands()) for (const n of [0, 1, 5, 31, 32, 52, 53, 63, 64, 65]) {
        const av = asValue(a, signed);
        const l = asValue(big(av) << BigInt(n & 63), signed);
        const r = asValue(big(av) >> BigInt(n & 63), signed);
        assert.strictEqual(String(ops.shl(av, n)), String(l), `shl(${av}, ${n})`);
        assert.strictEqual(String(ops.shr(av, n)), String(r), `shr(${av}, ${n})`);
      }
    });
  }
});
