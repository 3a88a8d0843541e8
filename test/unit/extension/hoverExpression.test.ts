import * as assert from 'assert';
import { hoverExpressionAt } from '../../../src/extension/hoverExpression';

suite('extension/hoverExpression', () => {
  test('a pointer declared with a star evaluates the identifier, not *identifier', () => {
    const line = '    void *big = malloc(10 * 1024 * 1024);';
    assert.deepStrictEqual(hoverExpressionAt(line, line.indexOf('big') + 1), { expression: 'big', start: 10, end: 13 });
  });

  test('a member chain is evaluated up to the hovered member', () => {
    const line = 'total += list->head -> next.value;';
    assert.strictEqual(hoverExpressionAt(line, line.indexOf('head'))?.expression, 'list->head');
    assert.strictEqual(hoverExpressionAt(line, line.indexOf('value') + 2)?.expression, 'list->head->next.value');
    assert.strictEqual(hoverExpressionAt(line, line.indexOf('list'))?.expression, 'list');
  });

  test('keywords, numbers and punctuation give nothing to evaluate', () => {
    const line = 'for (int i = 0; i < 10; ++i) free(p);';
    assert.strictEqual(hoverExpressionAt(line, line.indexOf('for')), undefined);
    assert.strictEqual(hoverExpressionAt(line, line.indexOf('int')), undefined);
    assert.strictEqual(hoverExpressionAt(line, line.indexOf('10')), undefined);
    assert.strictEqual(hoverExpressionAt(line, line.indexOf('(')), undefined);
    assert.strictEqual(hoverExpressionAt(line, line.indexOf('p)'))?.expression, 'p');
  });
});
