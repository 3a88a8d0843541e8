import * as assert from 'assert';
import { MessageType, PendingRequests, isFromWebviewMessage, isToWebviewMessage } from '../../../src/protocol/messages';
import { formatAddress, formatBytes, formatCount } from '../../../src/protocol/format';

suite('Panel protocol', () => {
  test('accepts the messages the panel sends', () => {
    assert.ok(isFromWebviewMessage({ type: MessageType.Ready, requestId: 1 }));
    assert.ok(isFromWebviewMessage({ type: MessageType.HistoryRequest, requestId: 2, address: 0x600000008000 }));
    assert.ok(isFromWebviewMessage({ type: MessageType.ShowSource, file: 'trace.c', line: 11 }));
  });

  test('rejects malformed panel messages before the extension acts on them', () => {
    assert.ok(!isFromWebviewMessage(undefined));
    assert.ok(!isFromWebviewMessage('ready'));
    assert.ok(!isFromWebviewMessage({ type: 'openFile', file: '/etc/passwd' }));
    assert.ok(!isFromWebviewMessage({ type: MessageType.Ready }));
    assert.ok(!isFromWebviewMessage({ type: MessageType.HistoryRequest, requestId: 1, address: -16 }));
    assert.ok(!isFromWebviewMessage({ type: MessageType.HistoryRequest, requestId: 1, address: '0x10' }));
    assert.ok(!isFromWebviewMessage({ type: MessageType.ShowSource, file: '', line: 3 }));
    assert.ok(!isFromWebviewMessage({ type: MessageType.ShowSource, file: 'trace.c', line: 0 }));
    // A message meant for the panel is not a panel message.
    assert.ok(!isFromWebviewMessage({ type: MessageType.SessionState, phase: 'running' }));
  });

  test('narrows the messages the extension sends', () => {
    assert.ok(isToWebviewMessage({ type: MessageType.Init, inReplyTo: 1, phase: 'none', snapshot: undefined }));
    assert.ok(isToWebviewMessage({ type: MessageType.HistoryResponse, inReplyTo: 4, address: 16, entries: [] }));
    assert.ok(isToWebviewMessage({ type: MessageType.SessionState, phase: 'ended' }));
    assert.ok(!isToWebviewMessage({ type: MessageType.Snapshot }));
    assert.ok(!isToWebviewMessage({ type: MessageType.HistoryResponse, inReplyTo: 4, address: 16 }));
    assert.ok(!isToWebviewMessage({ type: MessageType.Ready, requestId: 1 }));
  });

  test('matches replies to requests once, by id', () => {
    const pending = new PendingRequests<string>();
    const got: string[] = [];
    const first = pending.open((reply) => got.push(`first:${reply}`));
    const second = pending.open((reply) => got.push(`second:${reply}`));
    assert.notStrictEqual(first, second);
    assert.strictEqual(pending.size, 2);
    assert.ok(pending.settle(second, 'b'));
    assert.ok(!pending.settle(second, 'again'), 'a second reply to the same id is dropped');
    assert.ok(!pending.settle(999, 'stale'));
    assert.ok(pending.settle(first, 'a'));
    assert.deepStrictEqual(got, ['second:b', 'first:a']);
    pending.open(() => got.push('never'));
    pending.clear();
    assert.strictEqual(pending.size, 0);
  });
});

suite('Display formatting', () => {
  test('writes addresses as lower-case hex', () => {
    assert.strictEqual(formatAddress(0x600000008000), '0x600000008000');
    assert.strictEqual(formatAddress(0x12B000000), '0x12b000000');
  });

  test('writes sizes the way vmmap does', () => {
    assert.strictEqual(formatBytes(48), '48 B');
    assert.strictEqual(formatBytes(16 * 1024), '16K');
    assert.strictEqual(formatBytes(1185 * 1024), '1185K');
    assert.strictEqual(formatBytes(8192 * 1024), '8192K');
    assert.strictEqual(formatBytes(10 * 1024 * 1024), '10.0M');
    assert.strictEqual(formatBytes(Math.round(11.3 * 1024 * 1024)), '11.3M');
    assert.strictEqual(formatBytes(512 * 1024 * 1024), '512.0M');
    assert.strictEqual(formatBytes(16 * 1024 * 1024 * 1024), '16.0G');
  });

  test('separates thousands in counts', () => {
    assert.strictEqual(formatCount(1000000), '1,000,000');
    assert.strictEqual(formatCount(5), '5');
  });
});
