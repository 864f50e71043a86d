import type { Browser } from 'playwright-core';
import { artifactPath, launchBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/running-server';

describe('the playground in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the example queries, runs one and shows its result, asking no other host', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const hosts = new Set<string>();
    const failures: string[] = [];
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    page.on('requestfailed', (request) => failures.push(request.url()));
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });

    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual([
      'DigileveringFlows',
      'Basisregistraties2019',
      'DigidToWoz',
      'DownstreamOfTheBrp',
      'Discrepancies',
      'IfTheBrpStops',
      'TerugmeldingenAndGrowth',
    ]);

    await page.click('.graphiql-execute-button');
    const response = page.locator('.graphiql-response');
    await response.getByText('"Handelsregister"').waitFor({ timeout: 30_000 });
    const text = (await response.innerText()).replace(/\u00a0/g, ' ');
    expect(text).toContain('"name": "Digilevering"');
    expect(text).toContain('"messages2019": 7080241');
    await page.screenshot({ path: artifactPath('playground.png') });

    expect([...hosts]).toEqual([new URL(server.url).host]);
    expect(failures).toEqual([]);
  });
});
