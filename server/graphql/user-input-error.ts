import { GraphQLError } from 'graphql';

/** A GraphQL error with code BAD_USER_INPUT, naming the argument that is wrong. */
export function userInputError(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) },
  });
}

/** Checks that an integer argument lies within bounds; throws BAD_USER_INPUT naming it otherwise. */
export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw userInputError(`\`${name}\` must be between ${min} and ${max}; got ${value}.`, name);
  }
  return value;
}
