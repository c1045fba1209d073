// CLI: node packages/neon-local/src/main.ts [--port 4444] [--host 127.0.0.1] [--data-dir .data/pglite]
//                                            [--database-url postgres://…] [--delay-ms 50] [--verbose]
// Prints the endpoint URL alone on stdout's first line; everything else goes to stderr.
import { parseArgs } from 'node:util';
import { startNeonLocal } from './server.ts';

const USAGE = `Local Neon SQL-over-HTTP endpoint (for neonConfig.fetchEndpoint in dev/test).

  --port N             port to listen on (default 4444; 0 = any free port)
  --host ADDR          address to listen on (default 127.0.0.1)
  --data-dir DIR       PGlite data directory, kept between runs (default: in memory)
  --database-url URL   use this PostgreSQL server instead of PGlite
  --delay-ms MS        delay every request by MS (a database far away; default: NEON_LOCAL_DELAY_MS or 0)
  --verbose            log every request (errors are always logged)
  --help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4444' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'delay-ms': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port: ${values.port}`);

  const neon = await startNeonLocal({
    port,
    host: values.host,
    dataDir: values['data-dir'],
    databaseUrl: values['database-url'],
    delayMs: values['delay-ms'] === undefined ? undefined : Number(values['delay-ms']),
    log: (line) => {
      if (values.verbose || !/^\w+ \S+ [23]\d\d /.test(line)) console.error(line);
    },
  });
  const where = values['database-url']
    ? `PostgreSQL ${values['database-url'].replace(/\/\/[^@/]*@/, '//')}`
    : `PGlite ${values['data-dir'] ? `at ${values['data-dir']}` : 'in memory'}`;
  console.log(neon.url);
  const delay = neon.delayMs ? `, every request delayed ${neon.delayMs} ms` : '';
  console.error(`neon-local: listening on ${neon.url} (${where}${delay}); Ctrl-C to stop`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second signal: don't wait
    stopping = true;
    console.error(`neon-local: ${signal}, stopping (${neon.stats.requests} requests, ${neon.stats.statements} statements)`);
    neon.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`neon-local: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
