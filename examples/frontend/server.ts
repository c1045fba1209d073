// Serves the demo frontend on its own origin (no build step):
//   node examples/frontend/server.ts [--port 5173] [--host 127.0.0.1] [--auth-url http://auth.identsphere.localhost:8787]
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { parseArgs } from 'node:util';

const here = new URL('.', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;

const FILES: Record<string, [string, string]> = {
  '/': [`${here}index.html`, 'text/html; charset=utf-8'],
  '/index.html': [`${here}index.html`, 'text/html; charset=utf-8'],
  '/app.js': [`${here}app.js`, 'text/javascript; charset=utf-8'],
  '/vendor/simplewebauthn-browser.js': [`${root}node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js`, 'text/javascript; charset=utf-8'],
};

export function startFrontend(opts: { port: number; host?: string; authUrl: string }): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/config.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`window.IDENTSPHERE_URL = ${JSON.stringify(opts.authUrl)};\n`);
      return;
    }
    const file = FILES[path];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' });
    res.end(await readFile(file[0]));
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
    },
  });
  await startFrontend({ port: Number(values.port), host: values.host, authUrl: values['auth-url'] });
  console.log(`demo frontend on http://app.identsphere.localhost:${values.port} (auth: ${values['auth-url']})`);
}
