import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { Random } from './random';

/** Real values to draw from, so that most generated queries find something. */
export interface FuzzVocabulary {
  codes: string[];
  keys: string[];
  subjects: string[];
  /** Codes of the measures (`measureTotals(measure:)`, `measureRanking(measure:)`). */
  measures: string[];
  /** Codes of the monitor's sections (`claims(section:)`). */
  sections: string[];
}

/**
 * Generates random but valid queries from a schema: random fields (with aliases), arguments of the right
 * types drawn mostly from real codes and sensible ranges, and nesting up to `maxDepth`.
 */
export function createQueryFuzzer(
  schema: GraphQLSchema,
  random: Random,
  vocabulary: FuzzVocabulary,
  maxDepth = 4,
) {
  const string = (name: string): string => {
    if (random.chance(0.1)) return random.pick(['', 'x', 'ZZZ', 'é', '%_', 'a'.repeat(random.int(1, 200))]);
    if (/code|^from$|^to$|voorziening|domain/.test(name)) return random.pick(vocabulary.codes);
    if (name === 'key') return random.pick(vocabulary.keys);
    if (name === 'measure') return random.pick(vocabulary.measures);
    if (name === 'section') return random.pick(vocabulary.sections);
    if (name === 'subject') return random.pick(vocabulary.subjects);
    // cursors the API never returned (the earlier `cursor:5` form among them): each is refused, by design
    if (name === 'after' || name === 'before') return random.pick(['Y3Vyc29yOjU', 'Y3Vyc29yOjEwMA', 'bogus']);
    if (name === 'text' || name === 'search')
      return random.pick(['brp', 'terugmeld', 'geimplementeerd', 'DIGI', 'kadaster']);
    return random.pick(vocabulary.codes);
  };
  const int = (name: string): number => {
    if (random.chance(0.05)) return random.int(-5, 10_000);
    if (name === 'first' || name === 'last') return random.int(1, 60);
    if (name === 'depth') return random.int(1, 6);
    if (name === 'maxDepth') return random.int(1, 8);
    if (name === 'limit') return random.int(1, 40);
    if (name === 'year' || name === 'from' || name === 'to') return random.int(2016, 2020);
    return random.int(0, 10);
  };
  const value = (type: GraphQLInputType, name: string): string => {
    if (isNonNullType(type)) return value(type.ofType, name);
    if (isListType(type))
      return `[${Array.from({ length: random.int(0, 3) }, () => value(type.ofType, name)).join(', ')}]`;
    if (isEnumType(type)) return random.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields()).filter(() => random.chance(0.5));
      return `{ ${fields.map((f) => `${f.name}: ${value(f.type, f.name)}`).join(', ')} }`;
    }
    switch (type.name) {
      case 'Int':
        return String(int(name));
      case 'Float':
        return String(random.next() * 100);
      case 'Boolean':
        return String(random.chance(0.5));
      case 'ID':
        return JSON.stringify(
          random.pick([
            'Vm9vcnppZW5pbmc6MQ',
            'SW5kaWNhdG9yOjM',
            'nonsense',
            Buffer.from(`Relation:${random.int(1, 60)}`).toString('base64url'),
          ]),
        );
      default:
        return JSON.stringify(string(name));
    }
  };
  const args = (list: readonly GraphQLArgument[]) => {
    // a cursor (refused, see `string`) only now and then, so that most pages are answered
    const picked = list.filter(
      (a) => isNonNullType(a.type) || random.chance(a.name === 'after' || a.name === 'before' ? 0.1 : 0.5),
    );
    // `first` or `last`, not both (both together are refused, by design)
    const chosen = picked.some((a) => a.name === 'first') ? picked.filter((a) => a.name !== 'last') : picked;
    return chosen.length ? `(${chosen.map((a) => `${a.name}: ${value(a.type, a.name)}`).join(', ')})` : '';
  };
  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isAbstractType(type)) {
      const member = random.pick(schema.getPossibleTypes(type));
      return `{ __typename ... on ${member.name} ${selection(member, depth)} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values(type.getFields());
    const usable = depth >= maxDepth ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
    if (usable.length === 0) return '{ __typename }';
    const picked = Array.from({ length: random.int(1, 4) }, () => random.pick(usable));
    const parts = picked.map((field, index) => {
      const alias = random.chance(0.3) ? `a${index}: ` : `${field.name}${index}: `;
      return `${alias}${field.name}${args(field.args)} ${selection(getNamedType(field.type), depth + 1)}`.trim();
    });
    return `{ ${parts.join(' ')} }`;
  };
  return { query: () => selection(schema.getQueryType()!, 1) };
}

/** A GraphQL request: a document and its variables. */
export interface FuzzRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** What it tries, for a failure's report. */
  about: string;
}

const MAX_INT = 2 ** 31 - 1;
const encodedId = (text: string) => Buffer.from(text).toString('base64url');

/** Hostile values for a leaf input type: out of range, malformed, oversized, of the wrong type. */
function hostileLeafValues(type: GraphQLNamedType, random: Random): unknown[] {
  const strings = [
    '',
    '\u0000',
    'brp\u0000',
    'x'.repeat(201),
    'x'.repeat(50_000),
    '%_\\',
    "' or 1=1 --",
    '../../etc/passwd',
    '\ud800',
    '🙂'.repeat(50),
    ' \t\n',
    String.fromCharCode(...Array.from({ length: 30 }, () => random.int(1, 0xffff))),
  ];
  const wrongTypes = [{}, [], true, 12.5, { nested: ['x'] }];
  if (isEnumType(type)) {
    const first = type.getValues()[0]!.name;
    return ['NOPE', first.toLowerCase(), '', '\u0000', 42, 'x'.repeat(300), ...wrongTypes];
  }
  switch (type.name) {
    case 'Int':
      return [0, -1, -MAX_INT - 1, MAX_INT, MAX_INT + 1, 1e20, -1e20, 1.5, '5', 'ten', ...wrongTypes];
    case 'Float':
      return [0, -1e308, 1e308, 'NaN', ...wrongTypes];
    case 'Boolean':
      return ['true', 0, ...wrongTypes];
    case 'ID':
      return [
        ...strings.slice(0, 5),
        'nonsense',
        '!!!',
        encodedId('Voorziening:-1'),
        encodedId(`Voorziening:${MAX_INT + 1}`),
        encodedId('Indicator:99999999999999999999'),
        encodedId(`Indicator:${'9'.repeat(100)}`),
        encodedId('Indicator:1e5'),
        encodedId('Atlantis:1'),
        encodedId('cursor:5'),
        12,
        ...wrongTypes,
      ];
    default:
      return [
        ...strings,
        encodedId(`cursor:${MAX_INT + 1}`),
        encodedId('cursor:99999999999999999999'),
        encodedId('cursor:-5'),
        ...wrongTypes,
      ];
  }
}

/** Hostile values for an input type: the leaf's, lists too long or holding nulls, nulls for non-null. */
function hostileValues(type: GraphQLInputType, random: Random): unknown[] {
  if (isNonNullType(type)) return [null, ...hostileValues(type.ofType, random)];
  if (isListType(type)) {
    const inner = getNamedType(type) as GraphQLNamedType;
    const good = isEnumType(inner) ? inner.getValues()[0]!.name : 'brp';
    return [
      [],
      [null],
      Array(101).fill(good),
      Array(20_000).fill(good),
      Array.from({ length: 60_000 }, (_, i) => `NOPE${i}`),
      [[good]],
      good,
      ...hostileLeafValues(inner, random)
        .slice(0, 6)
        .map((value) => [value]),
    ];
  }
  if (isInputObjectType(type)) return [{}, { unknownField: 1 }, 'filter', [], null];
  return hostileLeafValues(type as GraphQLNamedType, random);
}

/** A well-formed value for an argument, so that a request fails only on the argument under test. */
function goodValue(type: GraphQLInputType, name: string): string {
  if (isNonNullType(type)) return goodValue(type.ofType, name);
  if (isListType(type)) return `[${goodValue(type.ofType, name)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) return '{}';
  switch (type.name) {
    case 'Int':
      return String(
        { year: 2019, from: 2018, to: 2019, first: 2, last: 2, depth: 1, maxDepth: 3, limit: 5 }[name] ?? 1,
      );
    case 'Float':
      return '1';
    case 'Boolean':
      return 'true';
    case 'ID':
      return JSON.stringify(encodedId('Indicator:1'));
    default:
      return JSON.stringify(
        { key: 'berichten-naar-afnemers', text: 'brp', subject: 'Gemeenten', to: 'digilevering' }[name] ??
          'brp',
      );
  }
}

/** The input type as a variable declares it (`[RelationKind!]`, `String!`). */
const typeName = (type: GraphQLInputType): string => String(type);

/**
 * Requests that put hostile values into every argument (and every field of an input-object argument) of
 * every field reachable from `Query`, as variables (most) and as inline literals: out of range and
 * overflowing integers, NUL bytes, over-long strings, lists of 20 000 and 60 000 items, invalid enum values,
 * values of the wrong type, null for non-null, malformed ids and cursors. The other arguments get good values.
 */
export function hostileArgumentRequests(schema: GraphQLSchema, random: Random): FuzzRequest[] {
  // How to reach each object type from Query: the selection that opens it, and the braces that close it.
  const reach = new Map<string, { open: string; close: string }>([['Query', { open: '', close: '' }]]);
  const queue = ['Query'];
  while (queue.length > 0) {
    const from = queue.shift()!;
    const type = schema.getType(from);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || reach.has(target.name)) continue;
      const required = field.args.filter((a) => isNonNullType(a.type));
      const args = required.length
        ? `(${required.map((a) => `${a.name}: ${goodValue(a.type, a.name)}`).join(', ')})`
        : field.args.some((a) => a.name === 'first')
          ? '(first: 2)'
          : '';
      const { open, close } = reach.get(from)!;
      reach.set(target.name, { open: `${open}${field.name}${args} { `, close: ` }${close}` });
      queue.push(target.name);
    }
  }
  const requests: FuzzRequest[] = [];
  for (const [typeName_, { open, close }] of reach) {
    const type = schema.getType(typeName_);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      for (const arg of field.args) {
        const others = field.args
          .filter((a) => a !== arg && isNonNullType(a.type))
          .map((a) => `, ${a.name}: ${goodValue(a.type, a.name)}`)
          .join('');
        // the argument itself, then each field of an input-object argument
        const slots: { declared: GraphQLInputType; use: string; about: string }[] = [
          { declared: arg.type, use: `${arg.name}: $v`, about: `${typeName_}.${field.name}(${arg.name})` },
        ];
        const named = getNamedType(arg.type);
        if (isInputObjectType(named)) {
          for (const inner of Object.values(named.getFields())) {
            slots.push({
              declared: inner.type,
              use: `${arg.name}: { ${inner.name}: $v }`,
              about: `${typeName_}.${field.name}(${arg.name}.${inner.name})`,
            });
          }
        }
        for (const slot of slots) {
          const query = `query Hostile($v: ${typeName(slot.declared)}) { ${open}${field.name}(${slot.use}${others})${selection}${close} }`;
          for (const value of hostileValues(slot.declared, random)) {
            requests.push({ query, variables: { v: value }, about: slot.about });
          }
          // inline literals too: an overflowing Int, a string with an escaped NUL, an unknown enum value
          const inline = slot.use.replace('$v', random.pick(['2147483648', '"\\u0000"', 'NOPE', '-1', '""']));
          requests.push({
            query: `{ ${open}${field.name}(${inline}${others})${selection}${close} }`,
            about: `${slot.about} inline`,
          });
        }
      }
    }
  }
  return requests;
}
