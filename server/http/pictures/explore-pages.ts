import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { discrepanciesByIndicators } from '../../db/queries/discrepancy-queries';
import { allDomains } from '../../db/queries/domain-queries';
import { indicatorsByVoorzieningen } from '../../db/queries/indicator-queries';
import { notesByVoorzieningen } from '../../db/queries/note-queries';
import { observationsByIndicators } from '../../db/queries/observation-queries';
import { relationsOfKinds, relationsTouching } from '../../db/queries/relation-queries';
import { rowsById } from '../../db/queries/rows-by-id';
import { allVoorzieningen } from '../../db/queries/voorziening-queries';
import { HttpError, shown } from '../http-error';
import { escapeHtml, page } from './html';
import type { Render, RenderJob } from './renderer';
import { RELATION_KIND_WORDS, VOORZIENING_KIND_WORDS } from './kind-words';
import { stelselDot } from './stelsel-dot';
import { voorzieningLinks } from './voorziening-links';
import type { RelationProvenance } from '../../domain/vocabulary';

/** Rows in the monitor's order (the page lists indicators as printed). */
const byPosition = <T extends { position: number }>(rows: T[]) =>
  [...rows].sort((a, b) => a.position - b.position);
/** Rows in the order they were read from the source (the page lists figures as printed). */
const byId = <T extends { id: number }>(rows: T[]) => [...rows].sort((a, b) => a.id - b.id);
/** Each row once (the first of its id), in the order given. */
const onceEach = <T extends { id: number }>(rows: T[]) =>
  rows.filter((row, at) => rows.findIndex((other) => other.id === row.id) === at);

/** `/explore`: every voorziening, by domain, linking to its page. */
export async function exploreIndex(db: Kysely<Database>): Promise<string> {
  const domains = await allDomains(db);
  const voorzieningen = await allVoorzieningen(db);
  const sections = domains.map((d) => {
    const items = voorzieningen
      .filter((v) => v.domain_id === d.id)
      .map(
        (v) =>
          `<li><a href="/explore/${escapeHtml(v.code)}">${escapeHtml(v.name)}</a>${v.abbreviation && v.abbreviation !== v.name ? ` (${escapeHtml(v.abbreviation)})` : ''} <small>${escapeHtml(VOORZIENING_KIND_WORDS[v.kind])} · <a href="/export/observations.csv?voorziening=${escapeHtml(encodeURIComponent(v.code))}">CSV</a></small></li>`,
      )
      .join('\n');
    return `<section><h2>Bijlage ${escapeHtml(d.appendix)}: ${escapeHtml(d.name)}</h2>\n<ul>\n${items}\n</ul></section>`;
  });
  return page(
    'Alle voorzieningen',
    `<h1>Voorzieningen van de Monitor Digitale Overheid 2020</h1>\n${sections.join('\n')}`,
  );
}

/** How a relation from outside the monitor (the stelselplaat's) is marked in a page's list. */
const OUTSIDE_WORDS = 'stelselplaat, niet uit de monitor';

/** Which relations a page's neighbourhood holds, in words, with a link to the page with the others too (or without). */
function provenanceLine(code: string, provenances: readonly RelationProvenance[]): string {
  const path = `/explore/${escapeHtml(code)}`;
  const both = `${path}?provenance=monitor,outside`;
  if (!provenances.includes('OUTSIDE'))
    return `<p>Alleen relaties die de monitor noemt; <a href="${both}">ook die van de stelselplaat (andere bronnen)</a>.</p>`;
  return provenances.includes('MONITOR')
    ? `<p>Relaties uit de monitor en uit andere bronnen (de stelselplaat, gemarkeerd); <a href="${path}">alleen die uit de monitor</a>.</p>`
    : `<p>Alleen relaties uit andere bronnen (de stelselplaat, gemarkeerd); <a href="${both}">ook die uit de monitor</a>.</p>`;
}

/**
 * `/explore/<code>`: a voorziening's description, a chart per indicator over the years (breakdowns as
 * grouped bars), its notes and discrepancies, and its neighbourhood as a small diagram whose nodes, like the
 * list beside it, link to the neighbours' pages. The charts and the diagram are rendered in one batch by
 * `render`. The neighbourhood holds the relations of `provenances` (as the API and the stelsel's picture:
 * MONITOR alone unless asked, `?provenance=monitor,outside`); the page says which, links to the other view,
 * and marks each relation from outside the monitor as such.
 */
export async function explorePage(
  db: Kysely<Database>,
  code: string,
  render: Render,
  provenances: readonly RelationProvenance[] = ['MONITOR'],
): Promise<string> {
  const voorzieningen = await allVoorzieningen(db);
  const v = voorzieningen.find((row) => row.code === code);
  if (!v) throw new HttpError(404, `No voorziening ${shown(code)}; see /explore for all of them.`);
  const [domain] = await rowsById(db, 'domain', [v.domain_id]);
  const [section] = await rowsById(db, 'section', [v.section_id]);
  const indicators = byPosition(await indicatorsByVoorzieningen(db, [v.id]));
  const ids = indicators.map((i) => i.id);
  const observations = ids.length ? byId(await observationsByIndicators(db, ids)) : [];
  const notes = await notesByVoorzieningen(db, [v.id]);
  const discrepancies = ids.length ? onceEach(await discrepanciesByIndicators(db, ids)) : [];
  const touching = (await relationsTouching(db, v.id)).filter((r) => provenances.includes(r.provenance));
  const byRowId = new Map(voorzieningen.map((row) => [row.id, row]));
  const relations = touching.map((r) => ({
    kind: r.kind,
    provenance: r.provenance,
    from: byRowId.get(r.from_id)!.code,
    fromName: byRowId.get(r.from_id)!.name,
    to: byRowId.get(r.to_id)!.code,
    toName: byRowId.get(r.to_id)!.name,
  }));

  const charted = indicators.flatMap((indicator) => {
    const points = observations
      .filter((o) => o.indicator_id === indicator.id && o.value !== null)
      .map((o) => ({ year: o.year, value: o.value!, subject: o.subject }));
    return points.length > 0 ? [{ indicator, points }] : [];
  });
  const neighbours = new Map<string, string>();
  for (const r of relations) {
    if (r.from !== code) neighbours.set(r.from, r.fromName);
    if (r.to !== code) neighbours.set(r.to, r.toName);
  }
  const jobs: RenderJob[] = charted.map(({ indicator, points }) => ({
    kind: 'chart',
    title: indicator.name,
    unit: indicator.unit,
    points,
  }));
  if (relations.length) {
    jobs.push({
      kind: 'dot',
      dot: stelselDot(
        { voorzieningen, relations: await relationsOfKinds(db, null, provenances), provenances },
        { center: code, codes: new Set([code, ...neighbours.keys()]) },
      ),
    });
  }
  const svgs = await render(jobs);
  const charts = charted.map(({ indicator }, at) => {
    const svg = svgs[at]!;
    return `<figure>\n<h3>${escapeHtml(indicator.name)}</h3>\n${svg}\n<figcaption>${escapeHtml(indicator.name_en)} · zoals gedrukt: ${escapeHtml(
      observations
        .filter((o) => o.indicator_id === indicator.id && o.subject === null)
        .map((o) => `${o.year} ${o.raw}`)
        .join(', ') || 'per onderdeel',
    )}</figcaption>\n</figure>`;
  });
  const diagram = relations.length ? svgs[charted.length]! : '';
  const body = [
    `<h1>${escapeHtml(v.name)}${v.abbreviation && v.abbreviation !== v.name ? ` (${escapeHtml(v.abbreviation)})` : ''}</h1>`,
    `<p>${escapeHtml(v.name_en)} · ${escapeHtml(VOORZIENING_KIND_WORDS[v.kind])} · ${escapeHtml(domain!.name)} · bron: ${escapeHtml(section!.title)} (regels ${section!.start_line}–${section!.end_line})</p>`,
    v.description ? `<p>${escapeHtml(v.description)}</p>` : '',
    voorzieningLinks(code),
    `<h2>Cijfers</h2>`,
    charts.length
      ? `<div class="charts">\n${charts.join('\n')}\n</div>`
      : '<p>De monitor drukt voor deze voorziening geen tabel.</p>',
    notes.length
      ? `<h2>Toelichting</h2>\n${notes.map((n) => `<div class="note">${n.heading ? `<h3>${escapeHtml(n.heading)}</h3>` : ''}<p>${escapeHtml(n.text)}</p></div>`).join('\n')}`
      : '',
    discrepancies.length
      ? `<h2>Tegenstrijdigheden in de bron</h2>\n${discrepancies.map((d) => `<p class="discrepancy">${escapeHtml(d.description)}</p>`).join('\n')}`
      : '',
    `<h2>Omgeving in het stelsel</h2>`,
    provenanceLine(code, provenances),
    diagram
      ? `<figure>\n${diagram.replace(/^[^]*?<svg/, '<svg role="img" aria-label="' + escapeHtml(`Diagram van ${v.name} en de ${neighbours.size} voorzieningen waarmee het een relatie heeft`) + '"')}\n</figure>`
      : '<p>Geen relaties.</p>',
    neighbours.size
      ? `<ul>\n${relations.map((r) => `<li><a href="/explore/${escapeHtml(r.from)}">${escapeHtml(r.fromName)}</a> ${escapeHtml(RELATION_KIND_WORDS[r.kind])} <a href="/explore/${escapeHtml(r.to)}">${escapeHtml(r.toName)}</a>${r.provenance === 'MONITOR' ? '' : ` <small>(${escapeHtml(OUTSIDE_WORDS)})</small>`}</li>`).join('\n')}\n</ul>`
      : '',
  ];
  return page(v.name, body.filter(Boolean).join('\n'));
}
