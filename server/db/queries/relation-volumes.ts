import type { Kysely } from 'kysely';
import type { Database } from '../database';

/**
 * The volume of each relation that has one in `year`: the figure of its first indicator (the row itself, no
 * breakdown subject), by relation id. Relations without an indicator or a figure that year are absent.
 */
export async function relationVolumes(db: Kysely<Database>, year: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('relation_indicator as ri')
    .innerJoin('observation as o', 'o.indicator_id', 'ri.indicator_id')
    .select(['ri.relation_id', 'o.value'])
    .where('o.year', '=', year)
    .where('o.subject', 'is', null)
    .where('o.value', 'is not', null)
    .where((eb) =>
      eb(
        'ri.position',
        '=',
        eb
          .selectFrom('relation_indicator as first')
          .select((inner) => inner.fn.min('first.position').as('position'))
          .whereRef('first.relation_id', '=', 'ri.relation_id'),
      ),
    )
    .execute();
  return new Map(rows.map((row) => [row.relation_id, Number(row.value)]));
}
