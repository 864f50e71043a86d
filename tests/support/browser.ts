import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { TEST_DIALECT } from './test-database';

/** Where browser tests save screenshots (ignored by git). */
export const ARTIFACTS_DIR = resolve(__dirname, '../../test-artifacts');

/** Debian's Chromium, which `.ci/run` installs; CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium with the flags this machine needs (no sandbox as root, no background
 * networking: nothing may reach any host but the server under test).
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The path for a screenshot artefact, creating the folder. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // The postgres project's screenshots beside the sqlite project's, not over them.
  return join(ARTIFACTS_DIR, TEST_DIALECT === 'sqlite' ? name : `${TEST_DIALECT}-${name}`);
}
