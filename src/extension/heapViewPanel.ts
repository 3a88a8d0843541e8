// The heap view: a single webview panel beside the editor (createOrShow / revive / dispose), fed
// from the HeapViewModel. It speaks the typed protocol of src/protocol/messages.ts.

import * as vscode from 'vscode';
import {
  MessageType, isFromWebviewMessage,
  type FromWebviewMessage, type ShowSourceMessage, type ToWebviewMessage,
} from '../protocol/messages';
import type { HeapSnapshot } from '../protocol/snapshot';
import type { HeapViewModel } from './heapViewModel';
import { buildPanelHtml, createNonce, PANEL_SCRIPT, PANEL_STYLES } from './panelHtml';
import { strings } from './strings';
import { pathToUri } from './workspaceFileAccessor';

export class HeapViewPanel {
  static readonly viewType = 'mallocscope.heapView';
  static current: HeapViewPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  /** The panel said Ready: it can take snapshots. */
  private ready = false;
  /** The snapshot the panel has, to avoid sending it twice. */
  private posted: HeapSnapshot | undefined;

  static createOrShow(extensionUri: vscode.Uri, model: HeapViewModel, preserveFocus = false): HeapViewPanel {
    if (HeapViewPanel.current !== undefined) {
      HeapViewPanel.current.panel.reveal(undefined, preserveFocus);
      return HeapViewPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      HeapViewPanel.viewType,
      strings.panelTitle,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      HeapViewPanel.options(extensionUri),
    );
    HeapViewPanel.current = new HeapViewPanel(panel, extensionUri, model);
    return HeapViewPanel.current;
  }

  /** Restores a panel VS Code kept across a reload (registerWebviewPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, model: HeapViewModel): void {
    HeapViewPanel.current?.dispose();
    panel.webview.options = HeapViewPanel.options(extensionUri);
    HeapViewPanel.current = new HeapViewPanel(panel, extensionUri, model);
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // No retainContextWhenHidden: the panel redraws from the latest snapshot after the Ready
    // handshake and keeps its own choices with setState, which is cheaper than a hidden page.
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly model: HeapViewModel,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), undefined, this.disposables);
    model.onDidChange(() => this.modelChanged(), undefined, this.disposables);
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', name)).toString();
    return buildPanelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce((count) => globalThis.crypto.getRandomValues(new Uint8Array(count))),
      scriptUri: asset(PANEL_SCRIPT),
      styleUris: PANEL_STYLES.map(asset),
    });
  }

  private post(message: ToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private modelChanged(): void {
    if (!this.ready) {
      return; // the Init reply will carry the state
    }
    const snapshot = this.model.snapshot;
    if (snapshot !== undefined && snapshot !== this.posted && this.model.phase !== 'running') {
      // A snapshot can hold a million blocks: send each one once, not at every phase change.
      this.posted = snapshot;
      this.post({ type: MessageType.Snapshot, snapshot });
    }
    this.post({ type: MessageType.SessionState, phase: this.model.phase });
  }

  private receive(message: unknown): void {
    if (!isFromWebviewMessage(message)) {
      return;
    }
    void this.handle(message);
  }

  private async handle(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case MessageType.Ready:
        this.ready = true;
        this.posted = this.model.snapshot;
        this.post({ type: MessageType.Init, inReplyTo: message.requestId, phase: this.model.phase, snapshot: this.model.snapshot });
        return;
      case MessageType.HistoryRequest:
        try {
          const entries = await this.model.history(message.address);
          this.post({ type: MessageType.HistoryResponse, inReplyTo: message.requestId, address: message.address, entries });
        } catch (error) {
          const text = error instanceof Error ? error.message : String(error);
          this.post({ type: MessageType.HistoryResponse, inReplyTo: message.requestId, address: message.address, entries: [], error: text });
        }
        return;
      case MessageType.ShowSource:
        await this.showSource(message);
        return;
    }
  }

  /** Opens file:line. Frames name files as the front end saw them: absolute, or relative to the program. */
  private async showSource(message: ShowSourceMessage): Promise<void> {
    const uri = await findSource(message.file, this.model.activeSession);
    if (uri === undefined) {
      void vscode.window.showWarningMessage(strings.sourceNotFound(message.file));
      return;
    }
    const line = Math.max(0, message.line - 1);
    await vscode.window.showTextDocument(uri, {
      viewColumn: vscode.ViewColumn.One,
      selection: new vscode.Range(line, 0, line, 0),
      preserveFocus: false,
    });
  }

  dispose(): void {
    if (HeapViewPanel.current === this) {
      HeapViewPanel.current = undefined;
    }
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function findSource(file: string, session: vscode.DebugSession | undefined): Promise<vscode.Uri | undefined> {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) {
    const uri = pathToUri(file);
    return (await exists(uri)) ? uri : undefined;
  }
  // Relative: next to the launched program first, then anywhere in the workspace.
  const program = session?.configuration.program as string | string[] | undefined;
  const first = Array.isArray(program) ? program[0] : program;
  if (typeof first === 'string' && first !== '' && !first.includes('${')) {
    const candidate = vscode.Uri.joinPath(pathToUri(first), '..', file);
    if (await exists(candidate)) {
      return candidate;
    }
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const candidate = vscode.Uri.joinPath(folder.uri, file);
    if (await exists(candidate)) {
      return candidate;
    }
  }
  const base = file.split(/[\\/]/).pop() ?? file;
  if (/[*?{}[\]]/.test(base)) {
    return undefined; // glob characters in the name: it cannot be searched for literally
  }
  const found = await vscode.workspace.findFiles(`**/${base}`, '**/node_modules/**', 1);
  return found[0];
}
