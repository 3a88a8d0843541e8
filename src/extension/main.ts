// Extension entry point: wires the debugger, the heap view, the hover and the Problems view.
// Activation only registers things; the adapter and engine load on the first debug session.

import * as vscode from 'vscode';
import { InlineAdapterFactory } from './adapterFactory';
import { currentFileConfiguration, DEBUG_TYPE, MallocscopeConfigurationProvider } from './debugConfigurationProvider';
import { MallocscopeTrackerFactory } from './debugTracker';
import { DiagnosticsView } from './diagnosticsView';
import { CEvaluatableExpressionProvider } from './evaluatableExpression';
import { HeapViewModel } from './heapViewModel';
import { HeapViewPanel } from './heapViewPanel';
import { PointerHoverProvider } from './pointerHover';
import { strings } from './strings';

export const enum Commands {
  OpenHeapView = 'mallocscope.openHeapView',
  DebugCurrentFile = 'mallocscope.debugCurrentFile',
}

export function activate(context: vscode.ExtensionContext): void {
  const model = new HeapViewModel();
  const diagnostics = new DiagnosticsView();
  const configurations = new MallocscopeConfigurationProvider();

  context.subscriptions.push(
    model,
    diagnostics,
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, configurations),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, configurations, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new InlineAdapterFactory()),
    vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, new MallocscopeTrackerFactory(model, diagnostics)),
    vscode.debug.onDidStartDebugSession((session) => {
      if (session.type === DEBUG_TYPE) {
        model.sessionStarted(session);
        HeapViewPanel.createOrShow(context.extensionUri, model, true);
      }
    }),
    vscode.debug.onDidTerminateDebugSession((session) => {
      if (session.type === DEBUG_TYPE) {
        model.sessionEnded(session);
      }
    }),
    vscode.window.registerWebviewPanelSerializer(HeapViewPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
        HeapViewPanel.revive(panel, context.extensionUri, model);
      },
    }),
    vscode.languages.registerHoverProvider({ language: 'c' }, new PointerHoverProvider(model)),
    vscode.languages.registerEvaluatableExpressionProvider({ language: 'c' }, new CEvaluatableExpressionProvider()),
    vscode.commands.registerCommand(Commands.OpenHeapView, () => {
      HeapViewPanel.createOrShow(context.extensionUri, model);
    }),
    vscode.commands.registerCommand(Commands.DebugCurrentFile, async (resource?: vscode.Uri) => {
      const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      if (uri === undefined || !uri.path.toLowerCase().endsWith('.c')) {
        void vscode.window.showErrorMessage(strings.noCFile);
        return;
      }
      // Other schemes (vscode.dev) pass the path; workspaceFileAccessor maps it back into the folder's scheme.
      const program = uri.scheme === 'file' ? uri.fsPath : uri.path;
      await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(uri), currentFileConfiguration(program));
    }),
  );
}

export function deactivate(): void {
  HeapViewPanel.current?.dispose();
}
