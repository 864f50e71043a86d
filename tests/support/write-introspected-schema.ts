import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printIntrospectedSchema } from './printed-schema';

// Records the schema printed from introspection as tests/fixtures/introspected-schema.graphql: run
// `npx tsx tests/support/write-introspected-schema.ts` after an intended change to schema/ (CONTRIBUTING.md).
void printIntrospectedSchema().then((printed) =>
  writeFileSync(join(__dirname, '..', 'fixtures', 'introspected-schema.graphql'), printed),
);
