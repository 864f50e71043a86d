import { checkHealth } from '../health';
import { sendJson } from '../send-json';
import type { Route } from './route';

/** `/healthz`: whether the server can read its data (200 or 503), never cached. */
export const HEALTH_ROUTES: readonly Route[] = [
  {
    methods: ['GET', 'HEAD'],
    path: '/healthz',
    family: 'health',
    summary: 'whether the server can read its data (200 or 503)',
    errors: 'plain',
    handle: async ({ response, server }) => {
      const health = await checkHealth(server.db, server.dataset, {
        probe: server.probeDatabase,
        logError: server.logError,
      });
      response.setHeader('cache-control', 'no-store');
      sendJson(response, health.statusCode, health.body);
    },
  },
];
