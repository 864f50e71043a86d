import type { DatasetRows } from '../server/db/database';

/** Foreign-key columns of each copied table, by the table they point to. */
const REFERENCES: { [T in keyof DatasetRows]?: Record<string, keyof DatasetRows> } = {
  voorziening: { id: 'voorziening', parent_id: 'voorziening' },
  indicator: { id: 'indicator', voorziening_id: 'voorziening' },
  note: { id: 'note', voorziening_id: 'voorziening' },
  observation: { id: 'observation', indicator_id: 'indicator', note_id: 'note' },
  reported_change: { id: 'reported_change', indicator_id: 'indicator' },
  note_indicator: { note_id: 'note', indicator_id: 'indicator' },
  correction: { id: 'correction', indicator_id: 'indicator', note_id: 'note' },
  relation: { id: 'relation', from_id: 'voorziening', to_id: 'voorziening' },
  relation_indicator: { relation_id: 'relation', indicator_id: 'indicator' },
  same_as: { id: 'same_as', indicator_id: 'indicator', other_indicator_id: 'indicator' },
  discrepancy: { id: 'discrepancy', indicator_id: 'indicator', note_id: 'note', same_as_id: 'same_as' },
  discrepancy_observation: { discrepancy_id: 'discrepancy', observation_id: 'observation' },
  measure_indicator: {
    id: 'measure_indicator',
    indicator_id: 'indicator',
    repeats_indicator_id: 'indicator',
  },
  prose_figure: { observation_id: 'observation' },
};

/**
 * Grows a dataset `factor` times for scale tests and benchmarks: the edition, sections and domains stay,
 * and every voorziening with its rows, cells, notes, relations and discrepancies is copied `factor - 1`
 * more times (codes `brp-x1`, `brp-x2`, …), each copy with the same shape as the real stelsel (its
 * basisregistraties as plain registraties: there stay ten). Each copy is
 * also linked to the one before it (the previous copy's BRP supplies data to its BRP, a SUPPLIES_DATA_TO edge
 * marked MONITOR so that the default traversals, which follow only the monitor's relations, cross it), so the
 * graph stays one connected whole and traversals grow with it.
 */
export function scaleDataset(rows: DatasetRows, factor: number): DatasetRows {
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error(`factor must be a whole number ≥ 1; got ${factor}`);
  const maxId = (table: keyof DatasetRows) =>
    Math.max(0, ...(rows[table] as { id?: number }[]).map((r) => r.id ?? 0));
  const offsets = Object.fromEntries(
    Object.keys(REFERENCES).map((t) => [t, maxId(t as keyof DatasetRows)]),
  ) as Record<keyof DatasetRows, number>;
  const grown = { ...rows } as DatasetRows;
  for (const table of Object.keys(REFERENCES) as (keyof DatasetRows)[]) {
    const columns = REFERENCES[table]!;
    const copies: Record<string, unknown>[] = [];
    for (let copy = 0; copy < factor; copy += 1) {
      for (const row of rows[table] as unknown as Record<string, unknown>[]) {
        const next: Record<string, unknown> = { ...row };
        for (const [column, target] of Object.entries(columns)) {
          if (typeof next[column] === 'number')
            next[column] = (next[column] as number) + copy * offsets[target];
        }
        if (copy > 0 && table === 'voorziening') {
          next.code = `${row.code}-x${copy}`;
          next.search_text = `${row.search_text} x${copy}`;
          // a grown stelsel has more registrations, but still ten basisregistraties
          if (next.kind === 'BASISREGISTRATIE') next.kind = 'REGISTRATIE';
        }
        if (copy > 0 && 'position' in next && typeof next.position === 'number')
          next.position += copy * rows[table].length;
        copies.push(next);
      }
    }
    (grown as Record<string, unknown[]>)[table] = copies;
  }
  const brp = rows.voorziening.find((v) => v.code === 'brp');
  const template = rows.relation.find((r) => r.kind === 'SUPPLIES_DATA_TO');
  if (brp && template) {
    for (let copy = 1; copy < factor; copy += 1) {
      grown.relation.push({
        ...template,
        id: factor * offsets.relation + copy,
        from_id: brp.id + (copy - 1) * offsets.voorziening,
        to_id: brp.id + copy * offsets.voorziening,
        provenance: 'MONITOR',
        position: factor * rows.relation.length + copy,
      });
    }
  }
  grown.meta = rows.meta.map((m) =>
    m.key === 'content_hash' ? { ...m, value: `${m.value}-x${factor}` } : m,
  );
  return grown;
}
