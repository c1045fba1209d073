// Serves the demo frontend on its own origin:
//   node examples/frontend/server.ts [--port 5173] [--host 127.0.0.1] [--auth-url http://auth.identsphere.localhost:8787]
//                                    [--turnstile-site-key KEY]   (the Turnstile widget on the forms the API checks)
// The page itself has no build step; @identsphere/client (packages/client) is bundled for the browser with
// esbuild when the server starts and served as /sdk.js, the way an app's bundler would include it.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;

/** Every page a frontend must provide (README, Frontend pages): one HTML file, the script picks by path. */
const PAGES = ['/', '/verify-email', '/reset-password', '/email-change/confirm', '/invitations/accept', '/oauth/callback'];

/** @identsphere/client and its dependencies as one browser ES module. */
async function bundleSdk(): Promise<string> {
  const result = await build({
    entryPoints: [`${root}packages/client/src/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

export async function startFrontend(opts: { port: number; host?: string; authUrl: string; turnstileSiteKey?: string }): Promise<Server> {
  const sdk = await bundleSdk();
  const send = (res: import('node:http').ServerResponse, type: string, body: string | Buffer) =>
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (PAGES.includes(path)) send(res, 'text/html', await readFile(`${here}index.html`));
    else if (path === '/app.js') send(res, 'text/javascript', await readFile(`${here}app.js`));
    else if (path === '/sdk.js') send(res, 'text/javascript', sdk);
    else if (path === '/config.js') {
      const config = { IDENTSPHERE_URL: opts.authUrl, IDENTSPHERE_TURNSTILE_SITE_KEY: opts.turnstileSiteKey ?? null };
      send(res, 'text/javascript', `Object.assign(window, ${JSON.stringify(config)});\n`);
    }
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5173' },
      host: { type: 'string', default: '127.0.0.1' },
      'auth-url': { type: 'string', default: 'http://auth.identsphere.localhost:8787' },
      'turnstile-site-key': { type: 'string' },
    },
  });
  await startFrontend({
    port: Number(values.port),
    host: values.host,
    authUrl: values['auth-url'],
    turnstileSiteKey: values['turnstile-site-key'],
  });
  console.log(`demo frontend on http://app.identsphere.localhost:${values.port} (auth: ${values['auth-url']})`);
}
