// Writes src/routing/route-manifest.generated.ts: every route group's methods and paths, which the Worker
// registers at start-up without importing the groups (src/app.ts). Run after changing a route:
// `node scripts/generate-route-manifest.ts` (test/node/route-manifest.test.ts fails while it is stale).
import { writeFileSync } from 'node:fs';
import './wasm-modules-hook.ts';

const { MANIFEST_FILE, manifestSource } = await import('./route-manifest.ts');
writeFileSync(MANIFEST_FILE, await manifestSource());
console.log(`wrote ${MANIFEST_FILE.pathname}`);
