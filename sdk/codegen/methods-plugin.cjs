// A graphql-codegen plugin: one typed method per operation of sdk/operations, calling the client preset's
// typed documents. Its JSDoc is the description of the Query field the operation asks for.
'use strict';
const { readFileSync } = require('node:fs');
const { Kind } = require('graphql');

const lowerFirst = (name) => name.charAt(0).toLowerCase() + name.slice(1);
const requiresVariables = (operation) =>
  (operation.variableDefinitions ?? []).some((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);
const upperFirst = (name) => name.charAt(0).toUpperCase() + name.slice(1);
const namedType = (type) => (type.ofType ? namedType(type.ofType) : type);
const hasVariable = (operation, name) =>
  (operation.variableDefinitions ?? []).some((v) => v.variable.name.value === name);
const comment = (text) => text.replace(/\*\//g, '*\\/').split('\n').join('\n     * ');

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction} */
module.exports.plugin = (schema, documents) => {
  const queryFields = schema.getQueryType().getFields();
  // An operation file's leading `#` comment, when it has one, describes its method better than the root field.
  const leadingComments = new Map();
  for (const file of documents) {
    // rawSDL has its comments stripped: read the file itself
    const text = file.location ? readFileSync(file.location, 'utf8') : '';
    const header = /^((?:#[^\n]*\n)+)\s*query\s+(\w+)/.exec(text);
    if (header) leadingComments.set(header[2], header[1].replace(/^# ?/gm, '').trim().replace(/\n/g, ' '));
  }
  const operations = documents
    .flatMap((file) => file.document.definitions)
    .filter((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query' && d.name)
    .sort((a, b) => a.name.value.localeCompare(b.name.value));
  const methods = operations.flatMap((operation) => {
    const name = operation.name.value;
    const field = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
    const description =
      leadingComments.get(name) ||
      (field && queryFields[field.name.value]?.description) ||
      `Runs the ${name} query.`;
    const optional = !requiresVariables(operation);
    const variables = `variables${optional ? '?' : ''}: Operations.${name}QueryVariables`;
    const fieldType = field && queryFields[field.name.value] && namedType(queryFields[field.name.value].type);
    const paged = fieldType && fieldType.name.endsWith('Connection') && hasVariable(operation, 'after');
    const all = paged
      ? [
          `    /**`,
          `     * Every node of \`${field.name.value}\`, page after page, as an async iterator (\`for await … of\`): runs the`,
          `     * \`${name}\` operation with \`first\` from the variables (the service's default page when omitted) and each`,
          `     * page's \`endCursor\` as \`after\`. A page is asked for only when the previous one is used up.`,
          `     */`,
          `    all${upperFirst(name)}: (`,
          `      variables${optional ? '?' : ''}: Omit<Operations.${name}QueryVariables, 'after'>,`,
          `      options?: RequestOptions,`,
          `    ) =>`,
          `      paginate((after) =>`,
          `        request(Operations.${name}Document, { ...variables, after }, options).then((data) => data.${field.alias?.value ?? field.name.value}),`,
          `      ),`,
        ]
      : [];
    return [
      `    /**`,
      `     * ${comment(description)}`,
      `     *`,
      `     * Runs the \`${name}\` operation of \`sdk/operations\`.`,
      `     */`,
      `    ${lowerFirst(name)}: (${variables}, options?: RequestOptions): Promise<Operations.${name}Query> =>`,
      `      request(Operations.${name}Document, ${optional ? 'variables ?? {}' : 'variables'}, options),`,
      ...all,
    ].join('\n');
  });
  return [
    `import { paginate } from '../paginate.js';`,
    `import type { Request, RequestOptions } from '../request.js';`,
    `import * as Operations from './graphql.js';`,
    ``,
    `/** One typed method per operation of \`sdk/operations\`, each sending its document through \`request\`. */`,
    `export function createMethods(request: Request) {`,
    `  return {`,
    methods.join('\n'),
    `  };`,
    `}`,
    ``,
    `/** The typed methods of a client. */`,
    `export type Methods = ReturnType<typeof createMethods>;`,
    ``,
  ].join('\n');
};
