import * as assert from 'assert';
import {
  assign, bin, block, call, CHAR, decl, define, expr, forLoop, func, id, inc, INT, local, LONG, num, program, ptr, ret, str,
} from './astBuilder';
import { machineFor, runToExit } from './harness';

suite('machine: interpreter on hand-built ASTs', function () {
  this.timeout(20_000);
  test('a counting loop sums with exact int arithmetic and prints through printf', () => {
    const printf = func('printf', INT, [ptr(CHAR)], true, true);
    const main = func('main', INT, []);
    const sum = local('sum', LONG); const i = local('i', INT);
    const def = define(main, [], [sum, i], block([
      decl(sum, num(0, LONG), 2),
      forLoop(decl(i, num(0), 3), bin('<', id(i), num(1000)), inc(id(i)),
        expr(assign(id(sum), bin('+', id(sum), { kind: 'cast', operand: id(i), type: LONG, implicit: true, loc: id(i).loc })), 4), 3),
      expr(call(printf, [str('sum=%ld\n', 5), id(sum)], 5), 5),
      ret(num(0), 6),
    ]), 7);
    const { machine, out } = machineFor(program([def], [printf]));
    const stop = runToExit(machine);
    assert.strictEqual(out.stdout, 'sum=499500\n');
    assert.strictEqual(stop.exitCode, 0);
  });
});
