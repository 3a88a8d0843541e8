// The Markdown of a pointer hover, built from the adapter's PointerInfo. Pure (no `vscode`), so
// the escaping can be unit-tested: file and function names come from the user's program and are
// escaped character by character before they reach the Markdown renderer.

import type { PointerInfo, SourcePoint } from '../protocol/dap';
import { formatAddress, formatBytes, formatCount } from '../protocol/format';
import { strings } from './strings';

/** Backslash-escapes every ASCII punctuation character (CommonMark allows it for all of them). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~"'&:;=?@$%^,/]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function where(point: SourcePoint): string {
  return `${point.file}:${point.line}`;
}

/** `expression` is the word hovered; every program-derived string goes through escapeMarkdown. */
export function pointerHoverMarkdown(expression: string, info: PointerInfo): string {
  const lines: string[] = [];
  const head = `**${strings.hoverTitle}** · \`${formatAddress(info.address)}\``;
  lines.push(`${head} ${escapeMarkdown(`(${expression})`)}`);
  const block = escapeMarkdown(strings.hoverBlock(info.zone, formatBytes(info.blockSize), formatBytes(info.requested)));
  if (info.address !== info.blockAddress) {
    lines.push(`${escapeMarkdown(strings.hoverPointsInto(formatBytes(info.address - info.blockAddress), formatAddress(info.blockAddress)))} · ${block}`);
  } else {
    lines.push(block);
  }
  if (info.allocated !== undefined) {
    lines.push(escapeMarkdown(strings.hoverAllocated(where(info.allocated), formatCount(info.allocated.step), info.allocated.function)));
  }
  if (info.live) {
    lines.push(`**${strings.hoverLive}**`);
  } else if (info.freed !== undefined) {
    lines.push(`**${escapeMarkdown(strings.hoverFreed(where(info.freed), formatCount(info.freed.step), info.freed.function))}**`);
  } else {
    lines.push(`**${strings.hoverFreedUnknown}**`);
  }
  // Two trailing spaces would also break lines; separate paragraphs read better in a hover.
  return lines.join('\n\n');
}
