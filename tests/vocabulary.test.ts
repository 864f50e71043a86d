import { buildSchema, isEnumType } from 'graphql';
import { SDL_ENUMS } from '../server/domain/vocabulary';
import { readTypeDefs } from '../server/graphql/type-defs';

/** Every enum of the SDL, by name, with its values in the SDL's order. */
function sdlEnums(): Record<string, string[]> {
  const schema = buildSchema(readTypeDefs());
  return Object.fromEntries(
    Object.values(schema.getTypeMap())
      .filter((type) => isEnumType(type) && !type.name.startsWith('__'))
      .map((type) => [type.name, isEnumType(type) ? type.getValues().map((value) => value.name) : []]),
  );
}

describe('the vocabulary (server/domain/vocabulary.ts)', () => {
  it('holds every enum of the SDL, with the same values in the same order', () => {
    const sdl = sdlEnums();
    expect(Object.keys(SDL_ENUMS).sort()).toEqual(Object.keys(sdl).sort());
    for (const [name, values] of Object.entries(sdl))
      expect([name, [...SDL_ENUMS[name]!]]).toEqual([name, values]);
  });
});
