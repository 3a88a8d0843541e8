// Which text the debug hover evaluates in a C file. VS Code's generic guess takes `*big` in
// `void *big = malloc(…)`, a `void` object that has no value; C wants the identifier and the
// member accesses leading to it (`list->head->next`), never a unary operator in front.

import * as vscode from 'vscode';
import { hoverExpressionAt } from './hoverExpression';

export class CEvaluatableExpressionProvider implements vscode.EvaluatableExpressionProvider {
  provideEvaluatableExpression(document: vscode.TextDocument, position: vscode.Position): vscode.EvaluatableExpression | undefined {
    const line = document.lineAt(position.line).text;
    const found = hoverExpressionAt(line, position.character);
    if (found === undefined) return undefined;
    const range = new vscode.Range(position.line, found.start, position.line, found.end);
    return new vscode.EvaluatableExpression(range, found.expression);
  }
}
