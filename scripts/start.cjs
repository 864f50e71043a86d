#!/usr/bin/env node
// npm start: serves the compiled server (dist/server/main.js), compiling it first when its sources changed
// since the last compile (or it was never compiled). `node scripts/start.cjs --build` only compiles.
// A process manager can run `node dist/server/main.js` directly once it is compiled (see the README).
'use strict';
const { createHash, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist');
const STAMP = path.join(OUT, 'server', '.sources-hash');
const ENTRY = path.join(OUT, 'server', 'main.js');

/** The server's source files. */
function sourceFiles() {
  const walk = (dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory()
          ? walk(path.join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [path.join(dir, entry.name)]
            : [],
      );
  return walk(path.join(ROOT, 'server')).sort();
}

/** A hash of what the compiled server is made from: its sources and the compiler's version. */
function sourcesHash(files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file));
  try {
    hash.update(require('esbuild/package.json').version);
  } catch {
    // no compiler: the hash of the sources alone decides
  }
  return hash.digest('hex');
}

/**
 * Compiles (transpiles: `npm test` type-checks) every source file with esbuild into a folder of its own, then
 * swaps it in whole: a server starting meanwhile sees the old or the new compile, never half of one.
 */
function compile(hash, files) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    console.error(
      'error: dist/server is missing or older than server/, and esbuild is not installed to compile it: ' +
        'run npm install (with the dev dependencies), or deploy a compiled dist/ (npm run build)',
    );
    process.exit(1);
  }
  const started = Date.now();
  const scratch = path.join(ROOT, `dist.build-${randomBytes(4).toString('hex')}`);
  try {
    esbuild.buildSync({
      entryPoints: files,
      outdir: scratch,
      outbase: ROOT,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      logLevel: 'error',
    });
  } catch {
    fs.rmSync(scratch, { recursive: true, force: true });
    console.error('error: compiling the server failed (see above)');
    process.exit(1);
  }
  fs.writeFileSync(path.join(scratch, 'server', '.sources-hash'), hash);
  fs.mkdirSync(OUT, { recursive: true });
  const old = path.join(ROOT, `dist.old-${randomBytes(4).toString('hex')}`);
  try {
    if (fs.existsSync(path.join(OUT, 'server'))) fs.renameSync(path.join(OUT, 'server'), old);
    fs.renameSync(path.join(scratch, 'server'), path.join(OUT, 'server'));
  } catch (error) {
    // another start compiled the same sources at the same moment: theirs is as good as ours
    if (readStamp() !== hash) throw error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
  console.log(`compiled server/ into dist/server in ${Date.now() - started} ms`);
}

function readStamp() {
  try {
    return fs.readFileSync(STAMP, 'utf8');
  } catch {
    return undefined;
  }
}

const files = sourceFiles();
const hash = sourcesHash(files);
if (readStamp() !== hash) compile(hash, files);
if (!process.argv.includes('--build')) require(ENTRY);
