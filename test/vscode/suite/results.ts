// The line format the extension-host suite writes and the harnesses read: one JSON object per
// line, appended as tests finish, so a crash midway still leaves the earlier results.

export type SuiteRecord =
  | { kind: 'pass'; title: string; durationMs: number }
  | { kind: 'fail'; title: string; error: string }
  | { kind: 'timeout'; title: string; error?: string }
  | { kind: 'end'; passed: number; failed: number };
