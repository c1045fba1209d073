#!/usr/bin/env node
// The `identsphere` bin: checks the Node version first (CommonJS, so an old Node gets one clear line instead of
// ERR_UNKNOWN_FILE_EXTENSION), then runs the command (src/cli/identsphere.ts).
'use strict';
require('../../scripts/check-node.cjs');
import('./identsphere.ts');
