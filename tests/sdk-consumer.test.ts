import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from './support/running-server';
import { scratchDir } from './support/seeds-fixture';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..');
const FIXTURE = join(__dirname, 'fixtures/sdk-consumer');
/** This project's TypeScript compiler, run in the consumer project. */
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** Runs a command; resolves with its exit code and output, whatever the code. */
async function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('the packed SDK in a project of its own', () => {
  const scratch = scratchDir('stelselgraph-sdk-');
  const project = join(scratch.dir, 'consumer');
  let tarball: string;
  let server: TestServer;
  let compiled: { code: number; output: string };

  beforeAll(async () => {
    server = await startTestServer();
    // the README's one command; it prints the tarball's path
    const packed = await sh('npm', ['run', '--silent', 'sdk:pack', '--', scratch.dir], ROOT);
    expect(packed.code).toBe(0);
    tarball = packed.output.split('\n').find((line) => line.endsWith('.tgz'))!;
    expect(tarball).toBe(join(scratch.dir, 'stelselgraph-sdk-0.1.0.tgz'));
    // its one dependency and that one's peer (graphql, which npm installs with it), packed from this project's
    // copies: an offline install then needs nothing from npm's cache, which may not hold their registry entries
    const dependencies: string[] = [];
    for (const name of ['@graphql-typed-document-node/core', 'graphql']) {
      const dependency = await sh(
        'npm',
        ['pack', '--json', join(ROOT, 'node_modules', name), '--pack-destination', scratch.dir],
        scratch.dir,
      );
      expect(dependency.code).toBe(0);
      const filename = /"filename": "([^"]+)"/.exec(dependency.output)![1]!;
      dependencies.push(join(scratch.dir, filename));
    }
    cpSync(FIXTURE, project, { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // The tarball is installed as a user would, offline (its dependencies from their tarballs: no network);
    // TypeScript and Node's types are this project's own, linked in rather than installed again.
    const installed = await sh(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...dependencies],
      project,
    );
    expect(installed.output).not.toMatch(/ERR!/);
    expect(installed.code).toBe(0);
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules/typescript'), join(project, 'node_modules/typescript'));
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'));
    // one strict compile (type check and emit) for the tests below
    compiled = await sh(TSC, ['-p', 'tsconfig.json'], project);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    scratch.cleanup();
  });

  it('holds only dist/, the README, the licence and package.json', async () => {
    const listing = await sh('tar', ['tzf', tarball], scratch.dir);
    const files = listing.output.trim().split('\n').sort();
    expect(files).toEqual([
      'package/LICENSE',
      'package/README.md',
      'package/dist/index.cjs',
      'package/dist/index.d.cts',
      'package/dist/index.d.ts',
      'package/dist/index.js',
      'package/dist/schema.graphql',
      'package/package.json',
    ]);
  });

  it('is ready to publish: npm publish --dry-run sends the packed files, public, to the registry', async () => {
    // a stand-in registry on loopback that knows no package: the dry run asks it, and nothing leaves the machine
    const asked: string[] = [];
    const registry: Server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url}`);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    });
    await new Promise<void>((done) => registry.listen(0, '127.0.0.1', done));
    try {
      const { port } = registry.address() as AddressInfo;
      const published = await sh(
        'npm',
        ['publish', '--dry-run', '--ignore-scripts', '--registry', `http://127.0.0.1:${port}/`],
        join(ROOT, 'sdk'),
      );
      console.log(`npm publish --dry-run (sdk/):\n${published.output}`);
      expect(published.code).toBe(0);
      expect(published.output).toMatch(/name: +@stelselgraph\/sdk/);
      expect(published.output).toMatch(/total files: +8/);
      expect(published.output).toMatch(
        /Publishing to http:\/\/127\.0\.0\.1:\d+\/ with tag latest and public access \(dry-run\)/,
      );
      expect(published.output).toContain('+ @stelselgraph/sdk@0.1.0');
      expect(asked.every((line) => line.startsWith('GET /@stelselgraph'))).toBe(true);
    } finally {
      await new Promise((done) => registry.close(done));
    }
  });

  it('runs the README’s recipe for documents of one’s own: codegen, then a strict nodenext compile and a live call', async () => {
    const readme = readFileSync(join(ROOT, 'sdk/README.md'), 'utf8');
    const recipe = [...readme.matchAll(/<!-- recipe:(\S+) -->\n```ts\n([\s\S]*?)```/g)];
    expect(recipe.map(([, file]) => file)).toEqual(['codegen.ts', 'src/query.ts']);
    mkdirSync(join(project, 'src'), { recursive: true });
    for (const [, file, text] of recipe) writeFileSync(join(project, file!), text!);
    // the recipe's dev dependencies: this project's codegen, linked in (graphql came with the SDK)
    symlinkSync(join(ROOT, 'node_modules/@graphql-codegen'), join(project, 'node_modules/@graphql-codegen'));
    const generated = await sh(join(ROOT, 'node_modules/.bin/graphql-codegen'), [], project);
    expect(generated.code).toBe(0);
    const compiledRecipe = await sh(
      TSC,
      [
        ...['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'],
        ...[
          '--types',
          'node',
          '--skipLibCheck',
          '--outDir',
          'out-recipe',
          '--rootDir',
          'src',
          'src/query.ts',
        ],
      ],
      project,
    );
    expect(compiledRecipe.output).toBe('');
    expect(compiledRecipe.code).toBe(0);
    const ran = await sh('node', ['out-recipe/query.js'], project, {
      STELSELGRAPH_URL: `${server.url}/graphql`,
    });
    expect(ran.code).toBe(0);
    expect(ran.output.trim().split(' ').sort()).toEqual(
      ['bag', 'bgt', 'bri', 'brk', 'bro', 'brp', 'brt', 'brv', 'hr', 'woz'].sort(),
    );
  });

  it('installs with nothing but its one dependency', () => {
    expect(readdirSync(join(project, 'node_modules', '@stelselgraph'))).toEqual(['sdk']);
    expect(readdirSync(join(project, 'node_modules', '@graphql-typed-document-node'))).toEqual(['core']);
  });

  it('type-checks and compiles a strict consumer that calls it', () => {
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);
  });

  it('refuses a consumer that reads a field the schema does not have, or passes a wrong variable', async () => {
    const options = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
    ];
    // both files in one compiler run: each error names its file and line
    const wrong = await sh(TSC, [...options, 'wrong-field.ts', 'wrong-variable.ts'], project);
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toMatch(
      /wrong-field\.ts\(6,\d+\): error TS2339: Property 'nonexistentField' does not exist/,
    );
    expect(wrong.output).toMatch(
      /wrong-variable\.ts\(5,\d+\): error TS2353: Object literal may only specify known properties, and 'kode'/,
    );
  });

  it('returns the real figures from a live server, through import and through require', async () => {
    expect(compiled.code).toBe(0);
    const env = { STELSELGRAPH_URL: `${server.url}/graphql` };
    const esm = await sh('node', ['out/consumer.js'], project, env);
    expect(esm.code).toBe(0);
    expect(JSON.parse(esm.output)).toEqual({
      module: 'esm',
      name: 'Basisregistratie Personen',
      figure: 381_526_659,
      path: ['digid', 'mijnoverheid', 'woz'],
      year: 2020,
      codes: ['BAD_USER_INPUT'],
    });
    const cjs = await sh('node', ['out/consumer-cjs.cjs'], project, env);
    expect(cjs.code).toBe(0);
    expect(JSON.parse(cjs.output)).toEqual({
      module: 'cjs',
      registries: 10,
      signalen: 73_735_906,
      kind: 'graphql:BAD_USER_INPUT',
    });
  });
});
