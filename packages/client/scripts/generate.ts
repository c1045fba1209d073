// Writes src/generated/openapi.ts from the OpenAPI document built in Node: `npm run generate -w @identsphere/client`.
import { writeFileSync } from 'node:fs';
import '../../../scripts/wasm-modules-hook.ts';

const { GENERATED_FILE, generateTypes } = await import('./openapi-types.ts');
writeFileSync(GENERATED_FILE, await generateTypes());
console.log(`wrote ${GENERATED_FILE.pathname}`);
