#!/usr/bin/env node
// The whole Amazon Cognito profile, from a copy of the corpus wherever it is:
//   node examples/cognito/generate.js <corpus folder> [more schema-gen options, e.g. --check]
// <corpus folder> holds json-schema/ and openapi/ (in this project's CI: ../shared/corpus/amazon-cognito).
// Writes examples/cognito/generated/ (not checked in): 534 types, 534 validators and bundle.js.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../dist/bundle/cli.js';

const [corpusArgument, ...rest] = process.argv.slice(2);
if (!corpusArgument || corpusArgument.startsWith('-')) {
  console.error('usage: node examples/cognito/generate.js <corpus folder> [schema-gen options]');
  process.exit(2);
}
const corpus = resolve(corpusArgument);
const openapi = join(corpus, 'openapi');
if (!existsSync(join(corpus, 'json-schema')) || !existsSync(openapi)) {
  console.error(`${corpus} has no json-schema/ and openapi/ folders: pass the amazon-cognito folder of the corpus`);
  process.exit(2);
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'generated');
process.exitCode = await runCli([
  join(corpus, 'json-schema'),
  '--components',
  join(openapi, 'amazon-cognito-user-pools-openapi.yml'),
  '--components',
  join(openapi, 'amazon-cognito-identity-pools-openapi.yml'),
  '--out',
  out,
  '--bundle',
  ...rest,
]);
