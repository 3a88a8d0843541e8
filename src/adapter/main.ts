// The standalone debug adapter (dist/debugAdapter.js): DAP over stdin/stdout, for DebugClient
// tests and editors other than VS Code. VS Code itself runs the session inline.

import { nodeFileAccessor } from './nodeFileAccessor';
import { MallocscopeSession } from './session';

const session = new MallocscopeSession(nodeFileAccessor);
process.on('SIGTERM', () => session.shutdown());
session.start(process.stdin, process.stdout);
