import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getOperationAST, Kind, parse } from 'graphql';
import {
  compileBounded,
  expandedSelections,
  MAX_COMPILED_SELECTIONS,
} from '../server/graphql/bounded-compile';

// What graphql-jit may compile is bounded by the operation's selections with its fragments expanded: counted
// exactly up to the cap, and cheaply past it (even for what validation would refuse).

/** The expanded selections of `text`'s operation, counted up to `cap`. */
const selections = (text: string, cap = 1000) => {
  const document = parse(text);
  return expandedSelections(document, getOperationAST(document)!, cap);
};

describe('expandedSelections', () => {
  it('counts fields, nested fields and fragment spreads; not inline fragments themselves', () => {
    expect(selections('{ a }')).toBe(1);
    expect(selections('{ a { b c } d }')).toBe(4);
    expect(selections('{ a { ... on T { b } } }')).toBe(2);
    expect(selections('{ a { ...F } } fragment F on T { b c }')).toBe(4);
  });

  it('counts a fragment where it is spread, each time', () => {
    expect(selections('{ x { ...F } y { ...F } z { ...F } } fragment F on T { b c }')).toBe(3 * 4);
    // spread in a spread: 2 × (1 + 2 × (1 + 2))
    expect(selections('{ ...G ...G } fragment G on Q { ...F ...F } fragment F on T { b c }')).toBe(14);
  });

  it('counts exactly up to the cap and says cap + 1 past it', () => {
    const text = '{ a { b c } d }';
    expect(selections(text, 4)).toBe(4);
    expect(selections(text, 3)).toBe(4);
    expect(selections(text, 0)).toBe(1);
  });

  it('stops at the cap on a fragment cycle and on an expansion far past it', () => {
    expect(selections('{ ...A } fragment A on Q { ...B } fragment B on Q { ...A }', 50)).toBe(51);
    // ten levels of a fragment spread twice: 2^10 leaves and more
    let text = '{ ...F0 } fragment F10 on Q { a }';
    for (let level = 0; level < 10; level++)
      text += ` fragment F${level} on Q { ...F${level + 1} ...F${level + 1} }`;
    expect(selections(text, 300)).toBe(301);
    // F10 is 1; each F below it 2 × (its spread + the body above): 4, 10, 22, … 3070; and the operation's spread
    expect(selections(text, 100_000)).toBe(3071);
  });

  it('stops at the cap inside an inline fragment too', () => {
    expect(selections('{ ... on Q { a b c } d }', 2)).toBe(3);
    expect(selections('{ ... on Q { a b c } d }', 4)).toBe(4);
  });

  it('counts an unknown fragment as its spread alone', () => {
    expect(selections('{ a { ...Missing } }')).toBe(2);
  });
});

describe('compileBounded', () => {
  const schema = buildSchema('type Query { a: Int b: Int c: Int }');
  const compile = (text: string, max: number, name?: string) => {
    const document = parse(text);
    return compileBounded(schema, document, getOperationAST(document, name)!, name, max);
  };

  it('compiles an operation exactly at the cap, not one over it', async () => {
    const at = compile('{ a b }', 2);
    expect(at).toBeDefined();
    expect(await at!.query({ a: 1, b: 2 }, {}, {})).toEqual({ data: { a: 1, b: 2 } });
    expect(compile('{ a b c }', 2)).toBeUndefined();
  });

  it('leaves to graphql-js what graphql-jit cannot compile', () => {
    // an operation name graphql-jit does not find in the document
    const document = parse('query A { a }');
    expect(compileBounded(schema, document, getOperationAST(document)!, 'B', 10)).toBeUndefined();
  });
});

describe('the SDK operations', () => {
  it('are each within MAX_COMPILED_SELECTIONS, so graphql-jit compiles every one', () => {
    const dir = join(__dirname, '..', 'sdk', 'operations');
    const files = readdirSync(dir).filter((name) => name.endsWith('.graphql'));
    const document = parse(files.map((name) => readFileSync(join(dir, name), 'utf8')).join('\n'));
    const sizes = document.definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? [
            {
              name: definition.name?.value,
              selections: expandedSelections(document, definition, MAX_COMPILED_SELECTIONS),
            },
          ]
        : [],
    );
    expect(sizes.length).toBeGreaterThan(20);
    expect(sizes.filter((size) => size.selections > MAX_COMPILED_SELECTIONS)).toEqual([]);
    // the largest, for whoever raises or lowers the cap
    expect(Math.max(...sizes.map((size) => size.selections))).toBe(245);
  });
});
