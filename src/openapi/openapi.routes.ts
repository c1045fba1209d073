import { Hono } from 'hono';
import type { AppEnv } from '../http/types.ts';
import { openApiDocument } from './document.ts';

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => {
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(openApiDocument());
});
