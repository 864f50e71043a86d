import type { Spec } from 'vega';
import { escapeHtml } from './html';

/** A figure to chart: year, value, and the breakdown subject (null for the row itself). */
export interface ChartPoint {
  year: number;
  value: number;
  subject: string | null;
}

/**
 * An indicator's figures as an SVG chart, rendered on the server with Vega-Lite: a line over the years, or
 * grouped bars per subject for a breakdown. The SVG carries a title and a description that reads out every
 * figure, as its text alternative.
 */
export async function indicatorChart(title: string, unit: string, points: ChartPoint[]): Promise<string> {
  // vega-lite's types need a newer moduleResolution than the server's; the little used is typed here
  const vl = (await import('vega-lite' as string)) as { compile(spec: unknown): { spec: Spec } };
  const vega = await import('vega');
  const breakdown = points.some((p) => p.subject !== null);
  const values = points.map((p) => ({
    year: String(p.year),
    value: p.value,
    subject: p.subject ?? 'totaal',
  }));
  const y = {
    field: 'value',
    type: 'quantitative',
    title: unit === 'PERCENT' ? '%' : 'aantal',
    axis: { format: '~s' },
  };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 280,
    height: 160,
    data: { values },
    ...(breakdown
      ? {
          mark: 'bar',
          encoding: {
            x: { field: 'year', type: 'ordinal', title: null },
            xOffset: { field: 'subject' },
            y,
            color: {
              field: 'subject',
              type: 'nominal',
              title: null,
              legend: { orient: 'bottom', columns: 3, labelLimit: 120 },
            },
          },
        }
      : {
          mark: { type: 'line', point: true },
          encoding: { x: { field: 'year', type: 'ordinal', title: null }, y },
        }),
  };
  const compiled = vl.compile(spec).spec;
  const svg = await new vega.View(vega.parse(compiled), { renderer: 'none' }).toSVG();
  const description = points
    .map(
      (p) =>
        `${p.subject ? `${p.subject} ` : ''}${p.year}: ${p.value.toLocaleString('nl-NL')}${unit === 'PERCENT' ? '%' : ''}`,
    )
    .join('; ');
  const label = `${breakdown ? 'Staafdiagram' : 'Lijndiagram'} van ${title}: ${description}`;
  return svg
    .replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" `)
    .replace(/>/, `><title>${escapeHtml(label)}</title>`);
}
