// Preprocessing tokens: what the lexer produces, the preprocessor rewrites and the parser reads.

export const enum Tk {
  Ident,
  /** A pp-number: classified as integer or floating constant by the parser. */
  Number,
  /** A character constant, prefix included (`'a'`, `L'x'`). */
  Char,
  /** A string literal, prefix included (`"a"`, `u8"x"`). */
  String,
  Punct,
  /** A stray character or an unterminated literal; an error only if it reaches the parser. */
  Other,
  EOF,
}

export interface Token {
  readonly kind: Tk;
  /** Spelling; digraphs are already canonical (`<:` reads as `[`). */
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Whitespace precedes the token (matters for `#` stringizing and function-like macro definitions). */
  readonly space: boolean;
  /** First token on its source line (directives start here). */
  readonly bol: boolean;
  /** Macros that may not expand this token again (the hide set of the expansion algorithm). */
  readonly hide?: ReadonlySet<string>;
  /** Set on literals the lexer could not close. */
  readonly unterminated?: boolean;
}

export function withLoc(t: Token, from: Token, hide: ReadonlySet<string> | undefined): Token {
  return {
    kind: t.kind, text: t.text, file: from.file, line: from.line, col: from.col,
    space: t.space, bol: false, hide, unterminated: t.unterminated,
  };
}
