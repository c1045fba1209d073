// Node's fetch keeps no cookies: this one does, as a browser would for one site (enough for one dev server),
// and records each request's method and path so tests can count them, and the credentials mode it asked for.
export function cookieJarFetch() {
  const cookies = new Map<string, string>();
  const requests: string[] = [];
  const credentials = new Set<string>();
  const fetchWithJar = async (request: Request): Promise<Response> => {
    const headers = new Headers(request.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    credentials.add((request as { credentials?: string }).credentials ?? 'unset');
    const response = await fetch(new Request(request, { headers }));
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()),
      );
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(pair.indexOf('=') + 1).trim());
    }
    return response;
  };
  return { fetch: fetchWithJar, cookies, requests, credentials };
}
