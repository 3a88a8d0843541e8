// The picked block's history: malloc_history for one address. Each stack frame is a link that
// asks the extension to open its source line.

import type { HistoryEntry, HistoryFrame } from '../src/protocol/snapshot';
import { formatAddress, formatBytes, formatCount } from '../src/protocol/format';
import { el } from './dom';
import { text } from './strings';

export class HistoryView {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly list: HTMLOListElement;

  constructor(private readonly onShowSource: (frame: HistoryFrame) => void) {
    this.element = el('div', 'history');
    this.heading = el('div', 'history-heading', text.historyHint);
    this.detail = el('div', 'history-detail muted');
    this.list = el('ol', 'history-list');
    this.element.append(this.heading, this.detail, this.list);
  }

  showHint(): void {
    this.heading.textContent = text.historyHint;
    this.detail.textContent = '';
    this.list.replaceChildren();
  }

  showLoading(address: number, detail: string): void {
    this.heading.textContent = text.historyLoading(formatAddress(address));
    this.detail.textContent = detail;
    this.list.replaceChildren();
  }

  showError(address: number, message: string): void {
    this.heading.textContent = text.historyError(formatAddress(address), message);
    this.list.replaceChildren();
  }

  show(address: number, entries: readonly HistoryEntry[]): void {
    const hex = formatAddress(address);
    this.heading.textContent = entries.length === 0 ? text.historyEmpty(hex) : text.historyTitle(hex, entries.length);
    this.list.replaceChildren(...entries.map((entry) => this.entry(entry)));
  }

  private entry(entry: HistoryEntry): HTMLLIElement {
    const item = el('li', 'history-entry');
    item.dataset.kind = entry.kind;
    const line = el('div', 'history-line');
    line.append(
      el('span', `event-kind kind-${entry.kind.toLowerCase()}`, entry.kind),
      el('span', 'event-step', text.stepLabel(formatCount(entry.step))),
      el('span', 'event-address', formatAddress(entry.address)),
      el('span', 'event-size', formatBytes(entry.size)),
    );
    if (entry.zone !== undefined) {
      line.append(el('span', 'event-zone', entry.zone));
    }
    if (entry.previousAddress !== undefined) {
      line.append(el('span', 'event-previous', text.previousAddress(formatAddress(entry.previousAddress))));
    }
    const stack = el('ol', 'stack');
    for (const frame of entry.stack) {
      const frameItem = el('li', 'frame');
      frameItem.append(el('span', 'frame-function', frame.functionName));
      if (frame.file !== '' && frame.line > 0) {
        const link = el('a', 'frame-link', text.frameAt(frame.file, frame.line));
        link.href = '#';
        link.addEventListener('click', (event) => {
          event.preventDefault();
          this.onShowSource(frame);
        });
        frameItem.append(link);
      }
      stack.append(frameItem);
    }
    item.append(line, stack);
    return item;
  }
}
