import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printIntrospectedSchema } from './support/printed-schema';

/** The schema printed from introspection before the domain core was made (issue 14): clients see no change. */
const FIXTURE = join(__dirname, 'fixtures/introspected-schema.graphql');

describe('the schema printed from introspection', () => {
  it('is byte-identical to the recorded one', async () => {
    expect(await printIntrospectedSchema()).toBe(readFileSync(FIXTURE, 'utf8'));
  });
});
