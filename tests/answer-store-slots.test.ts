import {
  ANSWER_OVERHEAD_BYTES,
  RECENCY_REFRESH_MS,
  memoryAnswerStore,
  type KeptAnswerSlot,
} from '../server/lib/answer-store';

/** A clock the test moves. */
function testClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const answer = (body: string) => ({ contentType: 'application/json', body });

describe('the in-process store: answers handed out in slots', () => {
  it('hands a held slot back as it is until its recency mark is due, then asks the store again', async () => {
    const clock = testClock();
    const store = memoryAnswerStore({}, clock);
    await store.set('k', answer('{"a":1}'), 60);
    const first = store.slotNow('k', undefined);
    expect(first?.answer?.body).toBe('{"a":1}');
    expect(first?.servableUntil).toBe(clock.now() + RECENCY_REFRESH_MS);
    clock.advance(RECENCY_REFRESH_MS - 1);
    expect(store.slotNow('k', first)).toBe(first);
    expect(first?.servableUntil).toBe(clock.now() + 1);
    clock.advance(1);
    // due: the store is asked (the same slot, marked again)
    expect(store.slotNow('k', first)).toBe(first);
    expect(first?.servableUntil).toBe(clock.now() + RECENCY_REFRESH_MS);
    expect(store.slotNow('missing', undefined)).toBeUndefined();
  });

  it('serves a slot no later than its expiry, and not at it', async () => {
    const clock = testClock();
    const store = memoryAnswerStore({}, clock);
    await store.set('k', answer('{"a":1}'), 1.5);
    const slot = store.slotNow('k', undefined)!;
    clock.advance(RECENCY_REFRESH_MS);
    expect(store.slotNow('k', slot)).toBe(slot);
    // the recency mark is capped at the expiry
    expect(slot.servableUntil).toBe(clock.now() + 500);
    clock.advance(499);
    expect(store.slotNow('k', slot)?.answer?.body).toBe('{"a":1}');
    clock.advance(2);
    expect(store.slotNow('k', slot)).toBeUndefined();
    expect(slot.answer).toBeUndefined();
    expect(store.getNow('k')).toBeUndefined();
  });

  it('empties a slot whose answer is replaced, and hands out the new one', async () => {
    const clock = testClock();
    const store = memoryAnswerStore({}, clock);
    await store.set('k', answer('{"old":1}'), 60);
    const old = store.slotNow('k', undefined)!;
    await store.set('k', answer('{"new":1}'), 60);
    expect(old.answer).toBeUndefined();
    expect(old.servableUntil).toBe(-Infinity);
    const fresh = store.slotNow('k', old);
    expect(fresh).not.toBe(old);
    expect(fresh?.answer?.body).toBe('{"new":1}');
  });

  it.each([
    [RECENCY_REFRESH_MS, 'b'],
    [RECENCY_REFRESH_MS - 1, 'a'],
  ])(
    'marks an answer served through its slot as used once its mark is due: asked again %i ms on, evicts %s',
    async (after, evicted) => {
      const clock = testClock();
      // room for exactly two answers of 7 bytes
      const store = memoryAnswerStore({ maxTotalBytes: 2 * (7 + ANSWER_OVERHEAD_BYTES) }, clock);
      await store.set('a', answer('{"a":1}'), 60);
      await store.set('b', answer('{"b":1}'), 60);
      let a = store.slotNow('a', undefined);
      const b = store.slotNow('b', undefined);
      // `b` was used last; `a` asked for again through its slot
      clock.advance(after);
      a = store.slotNow('a', a);
      await store.set('c', answer('{"c":1}'), 60);
      const slots: Record<string, KeptAnswerSlot | undefined> = { a, b };
      expect(slots[evicted]?.answer).toBeUndefined();
      expect(store.getNow(evicted)).toBeUndefined();
      const kept = evicted === 'a' ? 'b' : 'a';
      expect(slots[kept]?.answer?.body).toBe(`{"${kept}":1}`);
      expect(store.getNow('c')?.body).toBe('{"c":1}');
    },
  );

  it('lets an evicted answer go from the slots that held it', async () => {
    const clock = testClock();
    const store = memoryAnswerStore({ maxTotalBytes: 7 + ANSWER_OVERHEAD_BYTES }, clock);
    await store.set('a', answer('{"a":1}'), 60);
    const a = store.slotNow('a', undefined)!;
    await store.set('b', answer('{"b":1}'), 60);
    expect(a.answer).toBeUndefined();
    expect(store.slotNow('a', a)).toBeUndefined();
    expect(store.slotNow('b', undefined)?.answer?.body).toBe('{"b":1}');
  });
});
