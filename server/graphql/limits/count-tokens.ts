import { Lexer, Source, TokenKind } from 'graphql';

/** Counts the lexical tokens of a document as graphql-js's parser does (up to a lexing error). */
export function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return count;
  }
  return count;
}
