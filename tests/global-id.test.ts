import {
  fromGlobalId,
  GLOBAL_ID_MEMO_MAX,
  NODE_TYPES,
  rememberedGlobalIds,
  toGlobalId,
} from '../server/domain/global-id';

const encoded = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe('global ids', () => {
  it('encode the type and row id in base64url, and decode back', () => {
    expect(toGlobalId('Voorziening', 12)).toBe('Vm9vcnppZW5pbmc6MTI');
    for (const type of NODE_TYPES) {
      for (const id of [0, 1, 12, 2_147_483_647]) {
        expect(toGlobalId(type, id)).toBe(encoded(type, id));
        expect(fromGlobalId(toGlobalId(type, id))).toEqual({ type, id });
      }
    }
  });

  it('are the same when remembered, for every type apart, and after a type’s memo starts over', () => {
    // asked twice: from the memo the second time, the same
    expect(toGlobalId('Indicator', 7)).toBe(toGlobalId('Indicator', 7));
    expect(toGlobalId('Indicator', 7)).not.toBe(toGlobalId('Observation', 7));
    // more ids of one type than the memo holds
    for (let id = 0; id <= GLOBAL_ID_MEMO_MAX + 10; id += 1) {
      const global = toGlobalId('Observation', id);
      if (id % 4099 === 0 || id >= GLOBAL_ID_MEMO_MAX - 2) expect(global).toBe(encoded('Observation', id));
    }
    for (const id of [0, 7, GLOBAL_ID_MEMO_MAX, GLOBAL_ID_MEMO_MAX + 10]) {
      expect(toGlobalId('Observation', id)).toBe(encoded('Observation', id));
      expect(toGlobalId('Indicator', id)).toBe(encoded('Indicator', id));
    }
  });

  it(`remembers at most ${GLOBAL_ID_MEMO_MAX} ids of a type: exactly full, then one more starts over`, () => {
    const before = rememberedGlobalIds('Claim');
    for (let id = 0; id < GLOBAL_ID_MEMO_MAX + before; id += 1) toGlobalId('Claim', 1_000_000 + id);
    // whatever was there, the memo started over at most once and holds at most the bound
    expect(rememberedGlobalIds('Claim')).toBeLessThanOrEqual(GLOBAL_ID_MEMO_MAX);
    // fill it to exactly the bound with ids it does not hold
    const held = rememberedGlobalIds('Claim');
    for (let id = 0; id < GLOBAL_ID_MEMO_MAX - held; id += 1) toGlobalId('Claim', 5_000_000 + id);
    expect(rememberedGlobalIds('Claim')).toBe(GLOBAL_ID_MEMO_MAX);
    // an id it holds does not count again
    toGlobalId('Claim', 5_000_000);
    expect(rememberedGlobalIds('Claim')).toBe(GLOBAL_ID_MEMO_MAX);
    // one more: it starts over with that one
    expect(toGlobalId('Claim', 9_999_999)).toBe(encoded('Claim', 9_999_999));
    expect(rememberedGlobalIds('Claim')).toBe(1);
    expect(rememberedGlobalIds('Indicator')).toBeGreaterThan(0);
  });
});
