import { buildSchema, isObjectType } from 'graphql';
import { resolvers } from '../server/graphql/resolvers';
import { readTypeDefs } from '../server/graphql/type-defs';

// What CONTRIBUTING.md's "Adding a query field" asks of the resolvers: every field of Query has one (a missing
// one would answer null), and every resolver names a field the SDL has (a renamed one would never run).

describe('the resolver map', () => {
  const schema = buildSchema(readTypeDefs());

  it('resolves every field of Query', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields());
    const resolved = new Set(Object.keys(resolvers.Query ?? {}));
    expect(fields.filter((field) => !resolved.has(field))).toEqual([]);
  });

  it('names only types and fields the SDL has', () => {
    const unknown: string[] = [];
    for (const [typeName, fields] of Object.entries(resolvers)) {
      const type = schema.getType(typeName);
      if (!type) {
        unknown.push(typeName);
        continue;
      }
      const known = isObjectType(type) ? type.getFields() : {};
      for (const field of Object.keys(fields as object))
        if (!field.startsWith('__') && !(field in known)) unknown.push(`${typeName}.${field}`);
    }
    expect(unknown).toEqual([]);
  });
});
