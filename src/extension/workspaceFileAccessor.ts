// The adapter reads C sources through this: workspace.fs works for local folders, remote ones and
// vscode.dev's virtual file systems alike, where Node's fs would not.

import * as vscode from 'vscode';
import type { FileAccessor } from '../adapter/fileAccessor';

/** A path from a launch configuration as a URI in the workspace's own scheme. */
export function pathToUri(path: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) {
    return vscode.Uri.parse(path);
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder !== undefined && folder.uri.scheme !== 'file') {
    return folder.uri.with({ path: path.replace(/\\/g, '/') });
  }
  return vscode.Uri.file(path);
}

export const workspaceFileAccessor: FileAccessor = {
  isWindows: typeof process !== 'undefined' && process.platform === 'win32',
  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(pathToUri(path));
  },
};
