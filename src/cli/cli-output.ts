// How the `identsphere` commands print: data on stdout (text, or one JSON document with --json), messages and
// progress on stderr, colour only where a person reads it. Shared by every command (one copy of each helper).
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

interface Stream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Colour for a stream, by the common conventions: FORCE_COLOR (any value but 0/false) turns it on even when
 * piped, a non-empty NO_COLOR turns it off, and otherwise only a terminal (not TERM=dumb) gets it.
 */
export function colorEnabled(stream: Stream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export type Paint = (style: Style, text: string) => string;

export const plain: Paint = (_style, text) => text;

function painter(on: boolean): Paint {
  return on ? (style, text) => styleText(style, text, { validateStream: false }) : plain;
}

export interface Output {
  /** The command's data: with --json one JSON document (never coloured), else the text `text` builds. */
  data(value: unknown, text: (paint: Paint) => string): void;
  /** An error for the operator (stderr, red on a terminal), after any open progress line. */
  error(text: string): void;
  /** A progress line (stderr): rewritten in place on a terminal, one plain line each otherwise. */
  progress(text: string): void;
}

export function createOutput(
  json: boolean,
  streams: { stdout: Stream; stderr: Stream } = process,
  env: NodeJS.ProcessEnv = process.env,
): Output {
  const paint = painter(!json && colorEnabled(streams.stdout, env));
  const paintErr = painter(colorEnabled(streams.stderr, env));
  const live = streams.stderr.isTTY === true;
  let open = false;
  // A progress line still open on a terminal is ended before anything else is printed.
  const progressDone = () => {
    if (open) streams.stderr.write('\n');
    open = false;
  };
  return {
    data(value, text) {
      progressDone();
      streams.stdout.write(`${json ? JSON.stringify(value, null, 2) : text(paint)}\n`);
    },
    error(text) {
      progressDone();
      streams.stderr.write(`${paintErr('red', text)}\n`);
    },
    progress(text) {
      if (!live) {
        streams.stderr.write(`${text}\n`);
        return;
      }
      // Carriage return + erase line: the line is replaced rather than scrolled.
      streams.stderr.write(`\r\x1b[2K${text}`);
      open = true;
    },
  };
}
