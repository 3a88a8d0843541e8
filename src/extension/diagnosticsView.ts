// Compile errors of a failed launch, in the Problems view. The adapter sends them as the custom
// event `mallocscope/diagnostics`; a successful launch clears them.

import * as vscode from 'vscode';
import type { DiagnosticItem, DiagnosticsEventBody } from '../protocol/dap';
import { MallocscopeEvent } from '../protocol/dap';
import { pathToUri } from './workspaceFileAccessor';

export class DiagnosticsView implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mallocscope');
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.debug.onDidReceiveDebugSessionCustomEvent((event) => {
      if (event.session.type === 'mallocscope' && event.event === MallocscopeEvent.Diagnostics) {
        this.show((event.body as DiagnosticsEventBody | undefined)?.diagnostics ?? []);
      }
    });
  }

  show(items: readonly DiagnosticItem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const item of items) {
      const line = Math.max(0, item.line - 1);
      const column = Math.max(0, item.column - 1);
      const end = item.endColumn !== undefined && item.endColumn > item.column ? item.endColumn - 1 : column + 1;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, line, end), item.message, severityOf(item.severity));
      diagnostic.source = 'mallocscope';
      const list = byFile.get(item.file) ?? [];
      list.push(diagnostic);
      byFile.set(item.file, list);
    }
    this.collection.clear();
    for (const [file, diagnostics] of byFile) {
      this.collection.set(pathToUri(file), diagnostics);
    }
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function severityOf(severity: DiagnosticItem['severity']): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    default: return vscode.DiagnosticSeverity.Information;
  }
}
