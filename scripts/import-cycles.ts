// Import cycles among a tree's modules: every relative `import` / `export … from` / `import('…')`, type-only ones
// included (a type cycle still ties two modules' designs together). `node scripts/import-cycles.ts [dir]` prints
// them (exit 1 if any); test/node/import-cycles.test.ts keeps src/ free of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SPECIFIER =
  /(?:^|[\s;}])(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;}])import\s*(?:\(\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The relative specifiers a module's source names (static, re-export, side-effect and dynamic imports). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2])!);
}

/** Cycles in a module graph given as path -> source; each cycle as the paths along it, listed once. */
export function findCycles(modules: Map<string, string>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [file, source] of modules) {
    const targets = relativeImports(source).map((spec) => resolve(dirname(file), spec));
    edges.set(
      file,
      targets.map((t) => (modules.has(t) ? t : `${t}.ts`)).filter((t) => modules.has(t)),
    );
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const file of [...modules.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/** The TypeScript / JavaScript modules under `dir` (declaration files excluded), with their sources. */
export function readModules(dir: string): Map<string, string> {
  const modules = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) modules.set(resolve(path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return modules;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'src');
  const cycles = findCycles(readModules(dir));
  for (const cycle of cycles) console.log('cycle:', cycle.map((f) => relative(dir, f)).join(' -> '));
  console.log(`${cycles.length} import cycles (type-only imports included)`);
  process.exit(cycles.length ? 1 : 0);
}
