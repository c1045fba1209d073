// No source file under src/ is longer than 300 lines (a file that grows past it holds more than one job: split it).
// `node scripts/check-file-size.ts [dir] [max]` lists the offenders and exits 1; part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, process.argv[2] ?? 'src');
const max = Number(process.argv[3] ?? 300);

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

const tooLong = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(ts|cjs|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.generated.ts'))
  .map((entry) => join(entry.parentPath, entry.name))
  .map((file) => ({ file: relative(root, file), lines: lineCount(readFileSync(file, 'utf8')) }))
  .filter(({ lines }) => lines > max);

for (const { file, lines } of tooLong) console.error(`${file}: ${lines} lines (max ${max})`);
if (tooLong.length) process.exit(1);
