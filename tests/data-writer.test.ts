import { buildSchema, getOperationAST, GraphQLScalarType, parse } from 'graphql';
import { compileDataWriter, type DataWriter } from '../server/graphql/data-writer';

/** A schema with every kind of type a writer meets: scalars of each kind, an enum, lists, an interface, a union. */
const schema = buildSchema(`
  scalar JSON
  enum Kind { BASIS, GDI }
  interface Named { name: String }
  type Item implements Named { name: String id: ID! count: Int share: Float ok: Boolean kind: Kind
    extra: JSON tags: [String] grid: [[Int]] child: Item children: [Item!] }
  type Other implements Named { name: String }
  union Found = Item | Other
  type Query { item: Item items: [Item] named: [Named] found: [Found] answer: Int }
  type Mutation { answer: Int }
  type Subscription { answer: Int }
`);

/** The writer of `query`'s only operation; fails the test when there is none. */
function writerOf(query: string): DataWriter {
  const document = parse(query);
  const writer = compileDataWriter(schema, document, getOperationAST(document)!);
  if (!writer) throw new Error(`no writer for ${query}`);
  return writer;
}

/** Whether the writer writes `data` exactly as JSON.stringify does (and writes it at all). */
function expectSameAsJson(writer: DataWriter, data: unknown): void {
  expect(writer(data)).toBe(JSON.stringify(data));
}

describe('compileDataWriter: the data of a result written for its operation’s shape', () => {
  const all = `{ item { name id count share ok kind extra tags grid
    child { name child { id } } children { id } } answer }`;

  it('writes every kind of value exactly as JSON.stringify', () => {
    const writer = writerOf(all);
    expectSameAsJson(writer, {
      item: {
        name: 'BRP',
        id: 'SXRlbTox',
        count: 623,
        share: 0.1 + 0.2,
        ok: true,
        kind: 'BASIS',
        extra: { nested: [1, 'two', null], at: new Date(0) },
        tags: ['a', null, ''],
        grid: [[1, 2], [], null, [null]],
        child: { name: null, child: { id: '2' } },
        children: [],
      },
      answer: 42,
    });
    expectSameAsJson(writer, {
      item: {
        name: null,
        id: '',
        count: -0,
        share: 1e21,
        ok: false,
        kind: null,
        extra: null,
        tags: null,
        grid: null,
        child: null,
        children: null,
      },
      answer: null,
    });
    expectSameAsJson(writer, { item: null, answer: -7 });
    expectSameAsJson(writer, null);
  });

  it('writes strings with every escape JSON.stringify writes, and any character', () => {
    const writer = writerOf('{ item { name tags } }');
    const hard = [
      'quote " and backslash \\',
      'controls \u0000\u0001\b\f\n\r\t\u001f and \u007f',
      'Basisregistratie Grootschalige Topografie — é, ë, ü, €',
      'astral 🇳🇱 and lone surrogates \ud800 \udfff',
      'x'.repeat(500) + '"',
      '',
    ];
    for (const name of hard) expectSameAsJson(writer, { item: { name, tags: [name, name] } });
  });

  it('writes numbers that are not finite as null, as JSON.stringify', () => {
    const writer = writerOf('{ item { count share } }');
    expectSameAsJson(writer, { item: { count: NaN, share: Infinity } });
    expectSameAsJson(writer, { item: { count: 2 ** 31, share: -Infinity } });
    expectSameAsJson(writer, { item: { count: 5e-324, share: 123456789.125 } });
  });

  it('writes the keys of aliases, merged fields, fragments and __typename in the order graphql collects them', () => {
    const writer = writerOf(`
      query { ... on Query { answer } item { b: name ...F ... on Item { count name } __typename
        child { id } child { name } ... on Named { name } ...F } first: item { id } }
      fragment F on Item { id ...G child { count } }
      fragment G on Item { ok }`);
    expectSameAsJson(writer, {
      answer: 1,
      item: {
        b: 'x',
        id: '1',
        ok: true,
        child: { count: 3, id: '4', name: 'c' },
        count: 2,
        name: 'y',
        __typename: 'Item',
      },
      first: { id: '9' },
    });
  });

  it('leaves out the fields of fragments whose type does not apply, as graphql executes them', () => {
    // not valid (validation refuses such fragments), but written as graphql-js would execute it
    const writer = writerOf(`{ item { id ... on Other { name } ... on Unknown { count } ... { ok }
      ...O ...N } other: item { ... on Other { name } ...O } }
      fragment O on Other { name } fragment N on Named { name }`);
    expectSameAsJson(writer, { item: { id: '1', ok: true, name: 'n' }, other: {} });
  });

  it('writes the values of interfaces, unions and other scalars by JSON.stringify, whatever their type', () => {
    const writer = writerOf(`{ named { name ... on Item { id } } found { ... on Other { name }
      ... on Item { count } } item { extra } }`);
    expectSameAsJson(writer, {
      named: [{ name: 'a', id: '1' }, { name: 'b' }, null],
      found: [{ count: 1 }, { name: 'o' }],
      item: { extra: 'a string' },
    });
    expectSameAsJson(writer, { named: [], found: null, item: { extra: [{ deep: { deeper: [1] } }] } });
  });

  it('answers undefined for data not shaped as the operation says, so that JSON.stringify writes it', () => {
    const writer = writerOf(all.replace('answer', 'answer item2: item { count }'));
    const good = () => ({
      item: {
        ...{ name: 'n', id: '1', count: 1, share: 1, ok: true, kind: 'GDI', extra: 1, tags: [], grid: [] },
        ...{ child: null, children: null },
      },
      answer: 1,
      item2: { count: 2 },
    });
    const wrong: [string, (data: ReturnType<typeof good>) => void][] = [
      ['a missing field', (data) => delete (data.item as { name?: string }).name],
      ['a string for an Int', (data) => ((data.item as { count: unknown }).count = '1')],
      ['a number for a String', (data) => ((data.item as { name: unknown }).name = 1)],
      ['a number for a Boolean', (data) => ((data.item as { ok: unknown }).ok = 1)],
      ['a number for an ID', (data) => ((data.item as { id: unknown }).id = 1)],
      ['a number for an enum', (data) => ((data.item as { kind: unknown }).kind = 0)],
      ['a string for a Float', (data) => ((data.item as { share: unknown }).share = '0.5')],
      ['a list for a String', (data) => ((data.item as { name: unknown }).name = ['n'])],
      ['an object for a list', (data) => ((data.item as { tags: unknown }).tags = { 0: 'a' })],
      ['a string for an object', (data) => ((data as { item2: unknown }).item2 = 'x')],
      ['undefined in a list', (data) => ((data.item as { tags: unknown }).tags = [undefined])],
      ['a function for a JSON', (data) => ((data.item as { extra: unknown }).extra = () => 1)],
      ['not an object at the root', (data) => data],
    ];
    for (const [what, spoil] of wrong) {
      const data = good();
      spoil(data);
      const spoilt = what === 'not an object at the root' ? 'data' : data;
      expect({ what, written: writer(spoilt) }).toEqual({ what, written: undefined });
    }
    // the unspoilt data is written (so each case above fails for its own reason)
    expect(writer(good())).toBe(JSON.stringify(good()));
  });

  it('makes no writer where the keys depend on the variables, for introspection, or past the selection bound', () => {
    const none = (query: string, maxSelections?: number) => {
      const document = parse(query);
      return compileDataWriter(schema, document, getOperationAST(document)!, maxSelections);
    };
    expect(none('query ($a: Boolean!) { item { name @include(if: $a) } }')).toBeUndefined();
    expect(
      none('query ($a: Boolean!) { item { ...F @skip(if: $a) } } fragment F on Item { id }'),
    ).toBeUndefined();
    expect(none('{ item { ...F } } fragment F on Item @unknown { id }')).toBeUndefined();
    expect(none('{ __schema { queryType { name } } }')).toBeUndefined();
    expect(none('{ __type(name: "Item") { name } }')).toBeUndefined();
    expect(none('subscription { answer }')).toBeUndefined();
    expect(none('mutation { answer }')).toBeUndefined();
    expect(none('{ item { ...Missing } }')).toBeUndefined();
    // a fragment spread within itself (which validation refuses) expands past any bound
    expect(
      none('{ item { ...F } } fragment F on Item { id ...G } fragment G on Item { ...F }'),
    ).toBeUndefined();
    // exactly at the bound and one over: { item { id name } } has three selections
    expect(none('{ item { id name } }', 3)).toBeDefined();
    expect(none('{ item { id name } }', 2)).toBeUndefined();
  });

  it('writes random data of its shape exactly as JSON.stringify', () => {
    const writer = writerOf(all);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)]!;
    const text = () =>
      pick(['', 'a', 'é"\\', '\n\t', '\u2028', '\ud83d\ude00', 'x'.repeat(130), String(random())]);
    const number = () => pick([0, -0, 1, -1, random(), 1e300, -1e-7, 2 ** 53, NaN, null]);
    const item = (): unknown =>
      random() < 0.1
        ? null
        : {
            name: random() < 0.2 ? null : text(),
            id: text(),
            count: number(),
            share: number(),
            ok: pick([true, false, null]),
            kind: pick(['BASIS', 'GDI', null]),
            extra: pick([null, 1, 'j', [text()], { k: text() }]),
            tags: random() < 0.2 ? null : Array.from({ length: Math.floor(random() * 4) }, text),
            grid: [[number(), number()], [], null],
            // the operation selects a child's name and its child's id, and the children's ids
            child:
              random() < 0.2
                ? null
                : { name: pick([null, text()]), child: random() < 0.3 ? null : { id: text() } },
            children:
              random() < 0.2
                ? null
                : Array.from({ length: Math.floor(random() * 3) }, () => ({ id: text() })),
          };
    for (let i = 0; i < 300; i++) {
      expectSameAsJson(writer, { item: item(), answer: number() });
    }
  });

  it('writes what a custom scalar serializes to, by JSON.stringify', () => {
    const withScalar = buildSchema('scalar When type Query { when: When }');
    (withScalar.getType('When') as GraphQLScalarType).serialize = (value) => value;
    const document = parse('{ when }');
    const writer = compileDataWriter(withScalar, document, getOperationAST(document)!)!;
    expectSameAsJson(writer, { when: { at: '2019', toJSON: () => 'as JSON' } });
  });
});
