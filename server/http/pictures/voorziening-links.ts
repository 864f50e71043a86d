import { escapeHtml } from './html';

/**
 * The GraphQL query a voorziening's page offers in the playground: its rows with their printed cells, and its
 * relations both ways, named after the code (`VoorzieningBrp`, the playground's tab title). Plain GraphQL with the
 * code written in (a link needs no variables).
 */
export function voorzieningQuery(code: string): string {
  return [
    `# ${code}: its figures and its relations`,
    `query Voorziening${code
      .split(/[^a-z0-9]+/i)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')} {`,
    `  voorziening(code: ${JSON.stringify(code)}) {`,
    '    code name nameEn kind',
    '    indicators {',
    '      key name unit',
    '      observations { year subject value raw }',
    '      reportedChange { raw from to }',
    '    }',
    '    outgoing { kind to { code name } }',
    '    incoming { kind from { code name } }',
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * The links a voorziening's page offers to take its data elsewhere: its rows as tidy CSV
 * (`/export/observations.csv?voorziening=<code>`) and its query in a new playground tab (`/?query=…`, which
 * the playground opens as a tab of its own beside the examples).
 */
export function voorzieningLinks(code: string): string {
  const csv = `/export/observations.csv?voorziening=${encodeURIComponent(code)}`;
  const playground = `/?query=${encodeURIComponent(voorzieningQuery(code))}`;
  return `<p class="links">Gegevens: <a href="${escapeHtml(csv)}" download="${escapeHtml(`${code}-observations.csv`)}">alle cijfers als CSV</a> · <a href="${escapeHtml(playground)}" target="_blank" rel="noopener">de query in de playground</a> · <a href="/stelsel.svg">het hele stelsel</a></p>`;
}
