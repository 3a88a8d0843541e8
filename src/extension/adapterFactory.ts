// Runs the debug adapter inside the extension host (DebugAdapterInlineImplementation), so it works
// wherever the extension host does, vscode.dev and code-server included.

import * as vscode from 'vscode';
import { workspaceFileAccessor } from './workspaceFileAccessor';

type SessionModule = typeof import('../adapter/session');

export class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  private sessionModule: SessionModule | undefined;

  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    // The adapter and the whole engine load on the first session, not at activation: activation
    // stays cheap for every C file opened without debugging.
    this.sessionModule ??= require('../adapter/session') as SessionModule;
    return new vscode.DebugAdapterInlineImplementation(new this.sessionModule.MallocscopeSession(workspaceFileAccessor));
  }
}
