// One-off restructuring tool (issue 13): `git mv`s the files of a path map and rewrites every relative import
// specifier (and repo-relative path mentions such as `src/services/x.ts` in comments, README, configs) to match.
// Usage: node scripts/restructure/move.mjs <map.json> [<map.json> ...]   (map: { "old/path.ts": "new/path.ts" },
// a key ending in "/" maps a whole folder). Re-runnable on another branch that still has the old paths.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';

const map = Object.assign({}, ...process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8'))));
const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);

const moved = (p) => {
  if (map[p]) return map[p];
  for (const [from, to] of Object.entries(map)) if (from.endsWith('/') && p.startsWith(from)) return to + p.slice(from.length);
  return p;
};
const fileMap = new Map();
for (const f of tracked) if (moved(f) !== f && existsSync(f)) fileMap.set(f, moved(f));

const code = /\.(ts|mts|cts|mjs|cjs|js)$/;
const specifier = /((?:\bfrom|\bimport)\s*\(?\s*|new URL\(\s*)(['"])(\.\.?\/[^'"]*)\2/g;
const textual = /\.(ts|mts|cts|mjs|cjs|js|md|toml|json|yml|yaml|sh)$|(^|\/)(Dockerfile|\.gitignore)$/;
const mentions = [...fileMap].sort((a, b) => b[0].length - a[0].length);
const dirMentions = Object.entries(map).filter(([k]) => k.endsWith('/'));

const contents = new Map();
for (const f of tracked) {
  if (!existsSync(f) || !textual.test(f) || f.startsWith('scripts/restructure/') || f.endsWith('package-lock.json')) continue;
  const src = readFileSync(f, 'utf8');
  const to = fileMap.get(f) ?? f;
  let out = src;
  if (code.test(f)) {
    out = out.replace(specifier, (all, pre, q, spec) => {
      const trailing = spec.endsWith('/') ? '/' : '';
      const target = posix.normalize(posix.join(posix.dirname(f), spec)) + trailing;
      const newTarget = moved(target);
      if (to === f && newTarget === target) return all;
      let rel = posix.relative(posix.dirname(to), newTarget) + (trailing && !newTarget.endsWith('/') ? '/' : '');
      if (newTarget.endsWith('/') && !rel.endsWith('/')) rel += '/';
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `${pre}${q}${rel}${q}`;
    });
  }
  // Repo-relative mentions (comments, docs, configs): exact old paths only.
  for (const [from, dest] of mentions) out = out.split(from).join(dest);
  for (const [from, dest] of dirMentions) out = out.split(from).join(dest);
  if (out !== src || fileMap.has(f)) contents.set(f, out);
}
for (const [from, to] of fileMap) {
  mkdirSync(posix.dirname(to), { recursive: true });
  execFileSync('git', ['mv', from, to]);
}
for (const [f, out] of contents) writeFileSync(fileMap.get(f) ?? f, out);
console.log(`${fileMap.size} files moved, ${contents.size} files written`);
