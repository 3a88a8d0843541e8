import * as assert from 'assert';
import { escapeMarkdown, pointerHoverMarkdown } from '../../../src/extension/hoverText';
import type { PointerInfo } from '../../../src/protocol/dap';

/** What a Markdown renderer shows for backslash-escaped text: the characters themselves. */
function unescape(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

suite('Pointer hover text', () => {
  const freedBlock: PointerInfo = {
    address: 0x600000008010,
    blockAddress: 0x600000008000,
    zone: 'nano',
    blockSize: 64,
    requested: 60,
    allocated: { file: 'trace.c', line: 11, step: 5, function: 'main' },
    freed: { file: 'trace.c', line: 62, step: 2900, function: 'main' },
    live: false,
  };

  test('says where the block was allocated and freed', () => {
    const text = unescape(pointerHoverMarkdown('p', freedBlock));
    assert.ok(text.includes('`0x600000008010` (p)'), text);
    assert.ok(text.includes('points 16 B into block 0x600000008000'), text);
    assert.ok(text.includes('nano block of 64 B (requested 60 B)'), text);
    assert.ok(text.includes('allocated at trace.c:11 (step 5) in main'), text);
    assert.ok(text.includes('freed at trace.c:62 (step 2,900) in main'), text);
    assert.ok(!text.includes('live'), text);
  });

  test('says live for a block not freed', () => {
    const live: PointerInfo = { ...freedBlock, address: freedBlock.blockAddress, freed: undefined, live: true };
    const text = unescape(pointerHoverMarkdown('big', live));
    assert.ok(text.includes('**live**'), text);
    assert.ok(!text.includes('points'), text);
  });

  test('escapes names from the program so they cannot become markup or links', () => {
    const hostile: PointerInfo = {
      ...freedBlock,
      allocated: { file: '[x](command:workbench.action.quit).c', line: 1, step: 1, function: '<img src=x onerror=alert(1)>' },
    };
    const markdown = pointerHoverMarkdown('*p_`', hostile);
    assert.ok(!markdown.includes('[x](command:'), markdown);
    assert.ok(!/(^|[^\\])</.test(markdown), `every < is escaped: ${markdown}`);
    assert.ok(unescape(markdown).includes('allocated at [x](command:workbench.action.quit).c:1 (step 1) in <img src=x onerror=alert(1)>'));
    assert.strictEqual(escapeMarkdown('a_b*c'), 'a\\_b\\*c');
    assert.strictEqual(escapeMarkdown('line\nbreak'), 'line break');
  });
});
