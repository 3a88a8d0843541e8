// Runs the debug adapter inside the extension host (DebugAdapterInlineImplementation), so it works
// wherever the extension host does, vscode.dev and code-server included.

import * as vscode from 'vscode';
import { workspaceFileAccessor } from './workspaceFileAccessor';

type SessionModule = typeof import('../adapter/session');

export class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  private sessionModule: SessionModule | undefined;

  async createDebugAdapterDescriptor(): Promise<vscode.DebugAdapterDescriptor> {
    // The adapter and the whole engine load on the first session, not at activation (webpack
    // splits them into dist/engine.js): activation stays cheap for every C file opened without
    // debugging.
    this.sessionModule ??= await import(/* webpackChunkName: "engine" */ '../adapter/session');
    return new vscode.DebugAdapterInlineImplementation(new this.sessionModule.MallocscopeSession(workspaceFileAccessor));
  }
}
