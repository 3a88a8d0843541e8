// Hovering an identifier while a Mallocscope session is stopped: if it holds a heap pointer, show
// its block and where it was allocated and freed. VS Code's own debug hover shows the value too.

import * as vscode from 'vscode';
import type { PointerInfo, PointerInfoArguments } from '../protocol/dap';
import { MallocscopeRequest } from '../protocol/dap';
import type { HeapViewModel } from './heapViewModel';
import { pointerHoverMarkdown } from './hoverText';

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/;

export class PointerHoverProvider implements vscode.HoverProvider {
  constructor(private readonly model: HeapViewModel) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const session = this.model.activeSession;
    if (session === undefined || this.model.phase !== 'stopped') {
      return undefined;
    }
    const range = document.getWordRangeAtPosition(position, IDENTIFIER);
    if (range === undefined) {
      return undefined;
    }
    const expression = document.getText(range);
    const item = vscode.debug.activeStackItem;
    const frameId = item instanceof vscode.DebugStackFrame && item.session.id === session.id ? item.frameId : undefined;
    const args: PointerInfoArguments = frameId === undefined ? { expression } : { expression, frameId };
    let info: PointerInfo | undefined;
    try {
      info = (await session.customRequest(MallocscopeRequest.PointerInfo, args)) as PointerInfo | undefined;
    } catch {
      return undefined; // not a heap pointer, or not in scope: no hover of ours
    }
    if (info === undefined || token.isCancellationRequested || typeof info.address !== 'number') {
      return undefined;
    }
    const markdown = new vscode.MarkdownString(pointerHoverMarkdown(expression, info));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, range);
  }
}
