// Dependencies point one way (features -> platform / db / crypto / http): no module of src/ may reach itself
// through its imports, type-only imports included (scripts/import-cycles.ts).
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, readModules } from '../../scripts/import-cycles.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('import cycles', () => {
  it('src/ has none, counting type-only imports', () => {
    const cycles = findCycles(readModules(join(root, 'src')));
    expect(cycles.map((cycle) => cycle.map((f) => relative(root, f)).join(' -> '))).toEqual([]);
  });

  it('the detector sees runtime, type-only, re-export and dynamic import cycles', () => {
    const graph = (a: string, b: string) =>
      new Map([
        ['/x/a.ts', a],
        ['/x/sub/b.ts', b],
      ]);
    expect(findCycles(graph("import { b } from './sub/b.ts';", "import { a } from '../a.ts';"))).toHaveLength(1);
    expect(findCycles(graph("import type { B } from './sub/b.ts';", "import { type A } from '../a.ts';"))).toHaveLength(1);
    expect(findCycles(graph("export { b } from './sub/b.ts';", "import type {\n  A,\n} from '../a';"))).toHaveLength(1);
    expect(findCycles(graph("const m = await import('./sub/b.ts');", "import '../a.ts';"))).toHaveLength(1);
    expect(findCycles(graph("import { b } from './sub/b.ts';", "import { c } from './c.ts';"))).toEqual([]);
  });
});
