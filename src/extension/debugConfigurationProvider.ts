// F5 with no launch.json debugs the active C file; a configuration naming a program that does not
// exist is stopped here with a clear message instead of reaching the adapter.

import * as vscode from 'vscode';
import type { MallocscopeLaunchArguments } from '../protocol/dap';
import { strings } from './strings';
import { pathToUri } from './workspaceFileAccessor';

export const DEBUG_TYPE = 'mallocscope';

/** The configuration that debugs one C file. */
export function currentFileConfiguration(program = '${file}'): vscode.DebugConfiguration & MallocscopeLaunchArguments {
  return { type: DEBUG_TYPE, request: 'launch', name: strings.configurationName, program, stopOnEntry: true };
}

export class MallocscopeConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [currentFileConfiguration()];
  }

  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    // No launch.json (or an empty configuration): debug the C file in the active editor.
    if (!config.type && !config.request && !config.name) {
      const editor = vscode.window.activeTextEditor;
      if (editor === undefined || editor.document.languageId !== 'c') {
        void vscode.window.showErrorMessage(strings.noCFile);
        return undefined;
      }
      return currentFileConfiguration();
    }
    if (config.program === undefined || config.program === '' || (Array.isArray(config.program) && config.program.length === 0)) {
      void vscode.window.showErrorMessage(strings.programUnset);
      return undefined;
    }
    return config;
  }

  /** After ${file} and friends are substituted: check every program file exists. */
  async resolveDebugConfigurationWithSubstitutedVariables(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    const programs: string[] = Array.isArray(config.program) ? config.program : [config.program];
    for (const program of programs) {
      if (typeof program !== 'string' || program === '') {
        void vscode.window.showErrorMessage(strings.programUnset);
        return undefined;
      }
      if (!program.toLowerCase().endsWith('.c')) {
        void vscode.window.showErrorMessage(strings.programNotC(program));
        return undefined;
      }
      const uri = resolveProgram(program, folder, typeof config.cwd === 'string' ? config.cwd : undefined);
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        void vscode.window.showErrorMessage(strings.programMissing(program));
        return undefined;
      }
    }
    return config;
  }
}

function resolveProgram(program: string, folder: vscode.WorkspaceFolder | undefined, cwd: string | undefined): vscode.Uri {
  const absolute = program.startsWith('/') || /^[A-Za-z]:[\\/]/.test(program) || /^[a-z][a-z0-9+.-]+:\/\//i.test(program);
  if (absolute) {
    return pathToUri(program);
  }
  if (cwd !== undefined) {
    return vscode.Uri.joinPath(pathToUri(cwd), program);
  }
  const base = folder?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  return base !== undefined ? vscode.Uri.joinPath(base, program) : pathToUri(program);
}
