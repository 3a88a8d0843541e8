// Small DOM builders. Every string that can come from the program (file names, function names)
// goes in through textContent, never markup, so a C identifier cannot become HTML.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined && className !== '') {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

export function clear(node: Element): void {
  node.replaceChildren();
}

/** Reads a theme colour (a `--vscode-*` variable) for canvas drawing, with a fallback outside VS Code. */
export function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}
