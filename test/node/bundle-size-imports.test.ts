// Bundle size: `import { z } from 'zod'` imports zod's `z` namespace *object*, which esbuild (wrangler) must
// keep whole — every locale and the JSON-schema tooling: +360 KiB raw / +66 KiB gzip in the Worker, and more
// to compile at start-up. `import * as z from 'zod'` is used the same way (z.object, z.infer, …) and lets the
// bundler drop what is unused. (`import type { z }` is erased and fine.) Measured by `npm run bench`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('Worker bundle stays lean', () => {
  it("no Worker module imports zod's z namespace object by name (use `import * as z from 'zod'`)", () => {
    const offenders = sources(join(root, 'src')).filter((file) =>
      /^import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+['"]zod(\/[\w/]+)?['"]/m.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
