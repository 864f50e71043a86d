import { parse } from 'graphql';
import {
  boundedDocumentStore,
  DOCUMENT_BYTES_PER_CHARACTER,
  documentWeight,
} from '../server/graphql/document-store';

describe("Apollo's store of validated documents, bounded by what they keep", () => {
  it('weighs a document by its source length, not by its JSON (which leaves out its tokens)', () => {
    const text = '{ voorziening(code: "brp") { name } }';
    expect(documentWeight(parse(text))).toBe(text.length * DOCUMENT_BYTES_PER_CHARACTER);
    expect(documentWeight(parse(text, { noLocation: true }))).toBe(512 * DOCUMENT_BYTES_PER_CHARACTER);
  });

  it('keeps documents up to its bytes: exactly full all, one over the least recently used goes', async () => {
    const a = parse('{ a }'); // 5 characters each
    const b = parse('{ b }');
    const c = parse('{ c }');
    const weight = 5 * DOCUMENT_BYTES_PER_CHARACTER;
    const store = boundedDocumentStore(2 * weight);
    await store.set('a', a);
    await store.set('b', b);
    expect([await store.get('a'), await store.get('b')]).toEqual([a, b]);
    await store.get('a'); // a is now the more recently used
    await store.set('c', c); // one over: b, the least recently used, goes
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual([a, undefined, c]);
    expect(await store.delete('a')).toBe(true);
    expect(await store.get('a')).toBeUndefined();
    // a document heavier than the whole store is not kept
    const big = parse(`{ ${'x '.repeat(10)} }`);
    await store.set('big', big);
    expect(await store.get('big')).toBeUndefined();
  });
});
