#!/usr/bin/env node
// npm run sdk:pack: builds the SDK and packs it as the tarball npm would publish, into dist/sdk/ (or the folder
// given as the first argument); prints the tarball's path. Install it elsewhere with `npm install <that path>`.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const destination = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist', 'sdk'));
fs.mkdirSync(destination, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// the build's own output goes to stderr: stdout is the tarball's path alone
execFileSync(npm, ['run', '--silent', 'build'], {
  cwd: path.join(ROOT, 'sdk'),
  stdio: ['ignore', 2, 'inherit'],
});
const packed = JSON.parse(
  execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
    cwd: path.join(ROOT, 'sdk'),
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  }),
);
console.log(path.join(destination, packed[0].filename));
