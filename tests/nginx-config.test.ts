import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { spawnServer, type SpawnedServer } from '../harness/spawn-server';
import { etagFor } from '../server/http/http-cache';
import { buildSqliteDatabase } from '../server/ingest/build-database';
import { scratchDir, SEEDS_DIR } from './support/seeds-fixture';

/** The sample configuration of the README's "Running at scale". */
const CONFIG = resolve(__dirname, '../deploy/nginx.conf');
/** Debian's nginx (`apt-get install nginx-light`; `.ci/run` installs it), or NGINX_PATH. */
const NGINX = process.env.NGINX_PATH ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');

/** A scratch prefix for nginx: its logs/ folder exists, the rest (pid, temp, cache) nginx creates. */
function nginxPrefix(): { dir: string; cleanup: () => void } {
  const scratch = scratchDir('stelselgraph-nginx-');
  mkdirSync(join(scratch.dir, 'logs'));
  // Started as root, nginx's workers run as nobody: they must reach the prefix's temp and cache folders.
  chmodSync(scratch.dir, 0o755);
  return scratch;
}

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

describe('deploy/nginx.conf', () => {
  it('is a valid nginx configuration (nginx -t)', () => {
    const prefix = nginxPrefix();
    try {
      const result = spawnSync(NGINX, ['-t', '-p', prefix.dir, '-c', CONFIG], { encoding: 'utf8' });
      if (result.error) {
        throw new Error(`cannot run ${NGINX} (${result.error.message}): apt-get install nginx-light`);
      }
      expect(result.stderr).toContain('test is successful');
      expect(result.status).toBe(0);
    } finally {
      prefix.cleanup();
    }
  });

  describe('in front of a real server', () => {
    const scratch = scratchDir();
    const prefix = nginxPrefix();
    let server: SpawnedServer;
    let nginx: ChildProcess | undefined;
    let base: string;
    let output = '';

    beforeAll(async () => {
      const file = join(scratch.dir, 'stelselgraph.sqlite');
      await buildSqliteDatabase(SEEDS_DIR, file);
      server = await spawnServer({ DATABASE_FILE: file, SEEDS_DIR: join(scratch.dir, 'no-seeds') });
      const port = await freePort();
      // The sample as it is, but listening on a free loopback port, with this test's server as its only replica.
      const sample = readFileSync(CONFIG, 'utf8');
      const upstream = /(upstream stelselgraph \{[^}]*?)((?:\s*server 127\.0\.0\.1:\d+[^;]*;)+)/;
      expect(sample).toMatch(upstream);
      expect(sample).toMatch(/listen 8080;/);
      const config = sample
        .replace(upstream, `$1\n    server ${new URL(server.url).host};`)
        .replace('listen 8080;', `listen 127.0.0.1:${port};`);
      const configFile = join(prefix.dir, 'nginx.conf');
      writeFileSync(configFile, config);
      nginx = spawn(NGINX, ['-p', prefix.dir, '-c', configFile, '-g', 'daemon off;'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      nginx.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      nginx.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      base = `http://127.0.0.1:${port}`;
      for (let attempt = 0; ; attempt++) {
        try {
          if ((await fetch(`${base}/healthz`)).ok) break;
        } catch {
          // not listening yet
        }
        if (attempt > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start:\n${output}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    });

    afterAll(async () => {
      if (nginx && nginx.exitCode === null) {
        const exited = new Promise((done) => nginx!.once('exit', done));
        nginx.kill('SIGQUIT');
        const timer = setTimeout(() => nginx!.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await server?.stop();
      prefix.cleanup();
      scratch.cleanup();
    });

    const headers = { 'apollo-require-preflight': 'true', accept: 'application/json' };
    const search = (query: string) => `?${new URLSearchParams({ query })}`;

    it('passes the health check through', async () => {
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { status: string }).status).toBe('ok');
    });

    it('keeps a GET answer and serves it again, with its ETag, and 304 on If-None-Match', async () => {
      const url = `${base}/graphql${search('{ voorziening(code: "brk") { name } }')}`;
      const first = await fetch(url, { headers });
      expect(first.status).toBe(200);
      expect(first.headers.get('x-proxy-cache')).toBe('MISS');
      expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/"/);
      const body = await first.text();

      const again = await fetch(url, { headers });
      expect(again.headers.get('x-proxy-cache')).toBe('HIT');
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe(body);

      const revalidated = await fetch(url, { headers: { ...headers, 'if-none-match': etag! } });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get('x-proxy-cache')).toBe('HIT');
      expect(await revalidated.text()).toBe('');
    });

    it('never answers from its cache a GET with a content type the replica refuses: the replica refuses it', async () => {
      const url = `${base}/graphql${search('{ voorziening(code: "bgt") { name } }')}`;
      expect((await fetch(url, { headers })).status).toBe(200);
      expect((await fetch(url, { headers })).headers.get('x-proxy-cache')).toBe('HIT');
      const refusedTypes = [
        'text/plain',
        'application/x-www-form-urlencoded; charset=utf-8',
        'application/jsonx',
      ];
      for (const contentType of refusedTypes) {
        const refused = await fetch(url, {
          headers: { accept: headers.accept, 'content-type': contentType },
        });
        expect({ contentType, status: refused.status }).toEqual({ contentType, status: 415 });
        expect(refused.headers.get('x-proxy-cache')).toBe('BYPASS');
      }
      // a plain GET (no header CSRF prevention used to ask for) and one with a JSON content type: from the cache
      const takenHeaders: Record<string, string>[] = [
        { accept: headers.accept },
        { accept: headers.accept, 'content-type': 'application/json; charset=utf-8' },
      ];
      for (const taken of takenHeaders) {
        const answer = await fetch(url, { headers: taken });
        expect(answer.status).toBe(200);
        expect(answer.headers.get('x-proxy-cache')).toBe('HIT');
      }
    });

    it('answers 304 to an If-None-Match naming the ETag of an answer it does not hold yet', async () => {
      const { dataset } = (await (await fetch(`${base}/healthz`)).json()) as { dataset: string };
      const query = search('{ voorziening(code: "woz") { nameEn } }');
      const etag = etagFor(dataset, query, headers.accept);
      const response = await fetch(`${base}/graphql${query}`, {
        headers: { ...headers, 'if-none-match': etag },
      });
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
    });

    it('does not keep POST answers, and refuses bodies over 1 MiB as the server does', async () => {
      const post = (body: string) =>
        fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const posted = await post('{"query":"{ edition { year } }"}');
      expect(posted.status).toBe(200);
      expect(posted.headers.get('cache-control')).toBe('no-store');
      expect(posted.headers.get('x-proxy-cache')).not.toBe('HIT');
      const big = await post(JSON.stringify({ query: `{ edition { year } } #${'x'.repeat(1024 * 1024)}` }));
      expect(big.status).toBe(413);
      // nginx's own page: the body never reached a replica.
      expect(await big.text()).toContain('413 Request Entity Too Large');
    });
  });
});
