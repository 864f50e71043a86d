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
      // the legends, in words: the shapes of the kinds of voorziening, the colours of the kinds of relation
      'Soorten voorzieningen',
      'basisregistratie',
      'stelselvoorziening',
      'levert gebeurtenisberichten aan',
      'meldt terug aan (gestreept)',
      // the volumes of 2019, the latest year (BRP → Digilevering, WOZ → Digilevering)
      '2.925.819',
      '32.274.069',
    ]) {
      expect(labels.some((text) => text.includes(label))).toBe(true);
    }
    // no enum constant is shown
    expect(labels.filter((text) => /\b[A-Z]+_[A-Z_]+\b|BASISREGISTRATIE|TERUGMELDING/.test(text))).toEqual(
      [],
    );
    // it fits the window: the whole drawing is in view
    const drawing = () =>
      page.evaluate(
        `(() => { const b = document.querySelector('g#graph0').getBoundingClientRect();
          return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width }; })()`,
      ) as Promise<{ left: number; top: number; right: number; bottom: number; width: number }>;
    const whole = await drawing();
    expect(whole.left).toBeGreaterThanOrEqual(-1);
    expect(whole.top).toBeGreaterThanOrEqual(-1);
    expect(whole.right).toBeLessThanOrEqual(1401);
    expect(whole.bottom).toBeLessThanOrEqual(1001);
    await page.screenshot({ path: artifactPath('stelsel.png') });
    // zooms in with the wheel, pans by dragging, and shows the whole again with 0
    await page.mouse.move(700, 500);
    await page.mouse.wheel(0, -300);
    const zoomed = await drawing();
    expect(zoomed.width).toBeGreaterThan(whole.width * 1.1);
    await page.mouse.down();
    await page.mouse.move(800, 550, { steps: 5 });
    await page.mouse.up();
    expect((await drawing()).left).toBeGreaterThan(zoomed.left + 50);
    await page.keyboard.press('0');
    expect(await drawing()).toEqual(whole);
    // another year's volumes
    await page.goto(`${server.url}/stelsel.svg?year=2018`);
    const of2018 = await page.locator('text').allTextContents();
    expect(of2018).toContain('1.147.882');
    expect(of2018).not.toContain('2.925.819');
    expect(of2018.some((text) => text.includes('volume in 2018'))).toBe(true);
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
    // its figures as CSV, and its query in a playground tab of its own
    const csv = await page.locator('a', { hasText: 'alle cijfers als CSV' }).getAttribute('href');
    expect(csv).toBe('/export/observations.csv?voorziening=brp');
    const rows = (await (await fetch(`${server.url}${csv}`)).text()).trim().split('\r\n');
    expect(rows.slice(1).every((row) => row.includes(',brp,'))).toBe(true);
    expect(rows.length).toBeGreaterThan(10);
    const [playground] = await Promise.all([
      page.context().waitForEvent('page'),
      page.locator('a', { hasText: 'de query in de playground' }).click(),
    ]);
    await playground.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    const tabs = (await playground.locator('.graphiql-tab').allInnerTexts()).map((t) => t.trim());
    expect(tabs[0]).toBe('VoorzieningBrp');
    expect(tabs).toContain('DigileveringFlows'); // beside the examples
    await playground.click('.graphiql-execute-button');
    const response = playground.locator('.graphiql-response');
    await response.getByText('"Basisregistratie Personen"').waitFor({ timeout: 30_000 });
    expect((await response.innerText()).replace(/\u00a0/g, ' ')).toContain(
      '"key": "berichten-naar-afnemers"',
    );
    await playground.close();
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
    expect(await page.locator('main li a[href^="/explore/"]').count()).toBe(38);
    expect(await page.locator('main li a[href^="/export/observations.csv?voorziening="]').count()).toBe(38);
    expect(await page.locator('h2').allInnerTexts()).toHaveLength(4);
    const missing = await page.goto(`${server.url}/explore/atlantis`);
    expect(missing?.status()).toBe(404);
  });
});
