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
    if (name === 'subject') return random.pick(vocabulary.subjects);
    if (name === 'after') return random.pick(['Y3Vyc29yOjU', 'Y3Vyc29yOjEwMA', 'bogus']);
    if (name === 'text' || name === 'search')
      return random.pick(['brp', 'terugmeld', 'geimplementeerd', 'DIGI', 'kadaster']);
    return random.pick(vocabulary.codes);
  };
  const int = (name: string): number => {
    if (random.chance(0.05)) return random.int(-5, 10_000);
    if (name === 'first') return random.int(1, 60);
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
    const chosen = list.filter((a) => isNonNullType(a.type) || random.chance(0.5));
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
