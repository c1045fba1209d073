// Plain CommonJS on purpose: it must run (and explain itself) on the old Node it refuses. Without it, Node 20
// prints an engine warning and then crashes with ERR_UNKNOWN_FILE_EXTENSION on the first .ts script.
// Runs as `preinstall`, before dev/test/e2e/bench, and first in the `identsphere` command (src/cli/identsphere.cjs).
'use strict';

const REQUIRED = [22, 18];

/** The one-line complaint for `version` (e.g. "20.11.1"), or null when it is new enough. */
function nodeVersionProblem(version) {
  const [major, minor] = String(version).split('.').map(Number);
  if (major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1])) return null;
  return (
    `IdentSphere needs Node >= ${REQUIRED.join('.')}; you have ${version} — install Node 22, ` +
    'e.g. `nvm install 22` (the repository has an .nvmrc) or https://nodejs.org/en/download'
  );
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}

module.exports = { nodeVersionProblem };
