import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { scratchDir } from './support/seeds-fixture';
import { descendants, startServerProcess } from './support/server-process';

const ROOT = resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** Every TypeScript file below `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The packages a source imports or requires (bare specifiers, node: built-ins left out). */
function packagesOf(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/(?:from |import\(|require\(|require\.resolve\()\s*'([^'.][^']*)'/g),
  ].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

describe('the server runs compiled, on its production dependencies', () => {
  it('imports only production dependencies, and every production dependency is used (or is a peer of one)', () => {
    const used = new Set(
      sources(join(ROOT, 'server')).flatMap((file) => packagesOf(readFileSync(file, 'utf8'))),
    );
    const dependencies = Object.keys(manifest.dependencies);
    // the picture renderer's worker loads tsx only when the server itself runs from its TypeScript sources (the
    // tests); compiled, it does not
    used.delete('tsx');
    expect([...used].filter((name) => !dependencies.includes(name)).sort()).toEqual([]);
    const peers = new Set(
      [...used].flatMap((name) => {
        const own = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
        return [...Object.keys(own.peerDependencies ?? {}), ...Object.keys(own.dependencies ?? {})];
      }),
    );
    expect(dependencies.filter((name) => !used.has(name) && !peers.has(name)).sort()).toEqual([]);
    // the TypeScript runner is for development and tests only
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    expect(manifest.scripts.start).not.toMatch(/tsx/);
  });

  it('compiles when the sources changed, not otherwise, and serves from dist/ with the process receiving SIGTERM', async () => {
    // a copy of the project's sources beside this project's node_modules, so that the real dist/ is left alone
    const scratch = scratchDir('stelselgraph-compiled-');
    try {
      const copy = join(scratch.dir, 'project');
      mkdirSync(copy);
      for (const entry of ['package.json', 'server', 'schema', 'scripts', 'seeds'])
        cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      const build = () =>
        spawnSync(process.execPath, ['scripts/start.cjs', '--build'], { cwd: copy, encoding: 'utf8' });
      const first = build();
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/^compiled server\/ into dist\/server in \d+ ms$/m);
      const entry = join(copy, 'dist/server/main.js');
      const compiledAt = statSync(entry).mtimeMs;
      // nothing changed: no compile
      expect(build().stdout).toBe('');
      expect(statSync(entry).mtimeMs).toBe(compiledAt);
      // a source changed: compiled again, and the change is in the output
      const config = join(copy, 'server/config.ts');
      writeFileSync(config, `${readFileSync(config, 'utf8')}\nexport const COMPILED_MARK = 1;\n`);
      expect(build().stdout).toMatch(/compiled server\//);
      expect(readFileSync(join(copy, 'dist/server/config.js'), 'utf8')).toContain('COMPILED_MARK');
      expect(readdirSync(copy).filter((name) => name.startsWith('dist.'))).toEqual([]);

      const server = await startServerProcess(['npm', 'start'], {
        DATABASE_FILE: join(scratch.dir, 'stelselgraph.sqlite'),
      });
      // start ran the compiled entry (no TypeScript runner among the server's modules)
      const answer = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ voorziening(code: "brp") { abbreviation } }' }),
      });
      expect(await answer.json()).toEqual({ data: { voorziening: { abbreviation: 'BRP' } } });
      const commands = [server.child.pid!, ...descendants(server.child.pid!)].map((pid) =>
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '),
      );
      expect(commands.filter((command) => command.includes('scripts/start.cjs'))).toHaveLength(1);
      // with package.json's node options (V8's memory reducer off: see the README, Performance)
      expect(commands.find((command) => command.includes('scripts/start.cjs'))?.trim()).toBe(
        'node --enable-source-maps --no-memory-reducer scripts/start.cjs',
      );
      expect(commands.filter((command) => command.includes('tsx'))).toEqual([]);
      expect(relative(copy, entry)).toBe('dist/server/main.js');
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
    } finally {
      scratch.cleanup();
    }
  }, 240_000);
});
