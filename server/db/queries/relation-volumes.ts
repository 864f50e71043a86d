import type { Kysely } from 'kysely';
import type { Database } from '../database';

/**
 * The OWN volume of each relation that has one in `year`, by relation id: the figure of its first OWN
 * indicator that no other relation shares (the row itself, no breakdown subject), i.e. what flows along that
 * edge alone. Onward, alternative and combined figures and shared ones (NORA's references to all its
 * daughters) are not an edge's own volume; relations without such a figure that year are absent.
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
          .whereRef('first.relation_id', '=', 'ri.relation_id')
          .where('first.role', '=', 'OWN')
          .where('first.shared', '=', 0),
      ),
    )
    .execute();
  return new Map(rows.map((row) => [row.relation_id, Number(row.value)]));
}
