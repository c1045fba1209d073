// Summaries over rounds (min / median / max) and the text table the benchmark prints.

export interface Spread {
  min: number;
  median: number;
  max: number;
  n: number;
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  return { min: Math.min(...finite), median: median(finite), max: Math.max(...finite), n: finite.length };
}

/** Rotates `items` by `round` so no scenario always runs first (or right after the same neighbour). */
export function interleave<T>(items: T[], round: number): T[] {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(digits);
}

/** "median (min–max)" */
export function fmtSpread(s: Spread, digits = 1): string {
  if (!s.n) return '—';
  if (s.n === 1 || s.min === s.max) return fmt(s.median, digits);
  return `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}

export function ratio(a: number, b: number): string {
  return Number.isFinite(a / b) && b !== 0 ? `${(a / b).toFixed(2)}x` : '—';
}

export class Table {
  private readonly rows: string[][] = [];
  private readonly header: string[];

  constructor(header: string[]) {
    this.header = header;
  }

  add(...cells: string[]): void {
    this.rows.push(cells);
  }

  render(): string {
    const all = [this.header, ...this.rows];
    const widths = this.header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    return [line(this.header), widths.map((w) => '-'.repeat(w)).join('  '), ...this.rows.map(line)].join('\n');
  }
}
