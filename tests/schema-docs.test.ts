import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { readTypeDefs } from '../server/graphql/type-defs';

/** Every place of the schema that needs a description, as `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`. */
function undocumented(sdl: string): string[] {
  const schema = buildSchema(sdl);
  const missing: string[] = [];
  const need = (where: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
      continue;
    if (type.name !== 'Query') need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        if ('args' in field)
          for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    if (isUnionType(type)) need(type.name, type.description);
  }
  return missing;
}

describe('the schema', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undocumented(readTypeDefs())).toEqual([]);
  });

  it('finds what lacks a description', () => {
    const sdl = `
      "A thing."
      type Thing { "Its name." name: String, size(unit: String): Int }
      enum Colour { "Red." RED BLUE }
      type Query { "A thing." thing: Thing }`;
    expect(undocumented(sdl)).toEqual(['Thing.size', 'Thing.size(unit)', 'Colour', 'Colour.BLUE']);
  });
});
