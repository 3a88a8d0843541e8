// How the adapter reads C sources and stdin files. The standalone adapter passes a Node fs
// implementation (nodeFileAccessor.ts); the extension passes one over workspace.fs so the
// inline adapter also works where there is no Node file system (vscode.dev).

export interface FileAccessor {
  /** The whole file; rejects when it is missing or unreadable (the message is shown to the user). */
  readFile(path: string): Promise<Uint8Array>;
  /** Absolute paths look like `C:\…` rather than `/…`. */
  readonly isWindows?: boolean;
}

const decoder = new TextDecoder('utf-8');

export async function readText(files: FileAccessor, path: string): Promise<string> {
  return decoder.decode(await files.readFile(path));
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/** Joins and normalises without Node's `path`, so the session runs in a browser worker too. */
export function resolvePath(base: string | undefined, path: string): string {
  if (isAbsolutePath(path) || base === undefined || base === '') return normalise(path);
  return normalise(base.replace(/[\\/]+$/, '') + '/' + path);
}

export function dirname(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? (cut === 0 ? path.slice(0, 1) : '.') : path.slice(0, cut);
}

export function basename(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

function normalise(path: string): string {
  const windowsDrive = /^[A-Za-z]:/.test(path) ? path.slice(0, 2) : '';
  const rest = path.slice(windowsDrive.length);
  const separator = windowsDrive ? '\\' : '/';
  const absolute = /^[\\/]/.test(rest);
  const parts: string[] = [];
  for (const part of rest.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  return windowsDrive + (absolute ? separator : '') + parts.join(separator);
}
