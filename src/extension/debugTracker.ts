// Watches the DAP traffic of Mallocscope sessions: stops and exits refresh the heap view, a
// successful launch clears the Problems view of earlier compile errors.

import * as vscode from 'vscode';
import type { DiagnosticsView } from './diagnosticsView';
import type { HeapViewModel } from './heapViewModel';

interface DapMessage {
  readonly type?: string;
  readonly event?: string;
  readonly command?: string;
  readonly success?: boolean;
}

export class MallocscopeTrackerFactory implements vscode.DebugAdapterTrackerFactory {
  constructor(private readonly model: HeapViewModel, private readonly diagnostics: DiagnosticsView) {}

  createDebugAdapterTracker(session: vscode.DebugSession): vscode.DebugAdapterTracker {
    return {
      onDidSendMessage: (message: DapMessage) => {
        if (message.type === 'event') {
          switch (message.event) {
            case 'stopped':
              this.model.stopped(session, 'stopped');
              break;
            case 'continued':
              this.model.resumed(session);
              break;
            case 'exited':
              // The adapter still answers between exited and terminated: take the final picture.
              this.model.stopped(session, 'ended');
              break;
          }
        } else if (message.type === 'response' && message.command === 'launch' && message.success === true) {
          this.diagnostics.clear();
        }
      },
      onWillReceiveMessage: (message: DapMessage) => {
        if (message.type === 'request' && (message.command === 'continue' || message.command === 'next'
          || message.command === 'stepIn' || message.command === 'stepOut')) {
          this.model.resumed(session);
        }
      },
      onExit: () => this.model.sessionEnded(session),
    };
  }
}
