import type { Browser } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentFor } from '../server/db/location';
import { spawnServer, type SpawnedServer } from '../harness/spawn-server';
import { artifactPath, launchBrowser } from './support/browser';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';

// The server runs as its own process, as `npm start` runs it, and the browser loads what it serves.
describe('the stelsel as a picture and the explorer pages, in a real browser', () => {
  let built: BuiltDatabase;
  let server: SpawnedServer;
  let browser: Browser;
  beforeAll(async () => {
    built = await buildRealDatabase();
    server = await spawnServer({ ...environmentFor(built.location), SEEDS_DIR: join(tmpdir(), 'no-seeds') });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await built?.close();
  });

  it('draws the stelsel with its registries, facilities and relation kinds, filterable by kind', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    const response = await page.goto(`${server.url}/stelsel.svg`);
    expect(response?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    const labels = await page.locator('text').allTextContents();
    for (const label of [
      'BRP',
      'HR',
      'Digilevering',
      'Digimelding',
      'PDOK',
      'MijnOverheid',
      'EVENT_DELIVERY',
    ]) {
      expect(labels.some((text) => text.includes(label))).toBe(true);
    }
    await page.screenshot({ path: artifactPath('stelsel.png') });
    await page.goto(`${server.url}/stelsel.svg?kinds=TERUGMELDING`);
    const filtered = await page.locator('text').allTextContents();
    expect(filtered).toEqual(expect.arrayContaining(['Digimelding', 'HR', 'BAG', 'BRP']));
    expect(filtered.some((text) => text.includes('PDOK'))).toBe(false);
    expect([...hosts]).toEqual([new URL(server.url).host]);
  });

  it('shows a registry with its charts, notes and discrepancies, and follows a neighbour link', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto(`${server.url}/explore/brp`);
    expect(await page.locator('h1').innerText()).toBe('Basisregistratie Personen (BRP)');
    const charts = page.locator('.charts svg[role="img"]');
    expect(await charts.count()).toBe(4);
    expect(await charts.first().getAttribute('aria-label')).toBe(
      'Lijndiagram van Totale aantal aangesloten organisaties: 2017: 100%; 2018: 100%; 2019: 100%',
    );
    await expect(page.locator('.discrepancy').first().innerText()).resolves.toMatch(/prints 870 for 2017/);
    await page.screenshot({ path: artifactPath('explore-brp.png'), fullPage: true });
    await page.locator('main ul a', { hasText: 'Digilevering' }).first().click();
    await page.waitForURL(`${server.url}/explore/digilevering`);
    expect(await page.locator('h1').innerText()).toBe('Digilevering');
    expect(await page.locator('.charts svg[role="img"]').count()).toBe(14);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Naar de inhoud');
    expect([...hosts]).toEqual([new URL(server.url).host]);
  });

  it('lists every voorziening, and answers an unknown one with 404', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/explore`);
    expect(await page.locator('main li a').count()).toBe(38);
    expect(await page.locator('h2').allInnerTexts()).toHaveLength(4);
    const missing = await page.goto(`${server.url}/explore/atlantis`);
    expect(missing?.status()).toBe(404);
  });
});
