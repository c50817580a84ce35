// The acceptance test of keeping files between runs (issue 13): a run that keeps files
// of the last one, whatever happened since, ends exactly as a run that renders every
// file (`cache: false`) from the same state would: same status, same lists, same bytes.
import fc from 'fast-check';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type GenerateOptions, type Report } from '../../../src/index.js';
import { readTree } from '../../helpers/read-tree.js';
import { withTempDir } from '../../helpers/temp-dir.js';

type PropertyKind =
  | { kind: 'string'; pattern?: string; minLength?: number }
  | { kind: 'integer'; minimum?: number }
  | { kind: 'enum'; values: string[] }
  | { kind: 'const'; value: number }
  | { kind: 'ref'; to: number; wrapped: boolean }
  | { kind: 'list'; to: number };

interface Property {
  name: string;
  description: string;
  type: PropertyKind;
}

interface SchemaFile {
  stem: string;
  title: string;
  description: string;
  properties: Property[];
  required: boolean;
}

type Step =
  | { do: 'describe'; file: number; text: string }
  | { do: 'describe-property'; file: number; property: number; text: string }
  | { do: 'retype'; file: number; property: number; type: PropertyKind }
  | { do: 'retitle'; file: number; title: string }
  | { do: 'add'; file: SchemaFile }
  | { do: 'remove'; file: number }
  | { do: 'tamper'; output: number }
  | { do: 'delete-output'; output: number }
  | { do: 'option'; readonlyProperties: boolean }
  | { do: 'nothing' };

const TITLES = ['ChallengeNameType', 'SessionType', 'AuthResult', 'DeviceKey', 'TagValueType'];
const texts = fc.constantFrom('<p>The session.</p>', 'A <code>name</code>.', 'Plain text', '', '<p>Edited <b>again</b>.</p>', 'ends with */ a comment breaker');
const kindArbitrary: fc.Arbitrary<PropertyKind> = fc.oneof(
  fc.record({ kind: fc.constant('string' as const), pattern: fc.constantFrom('^[a-z]+$', '[\\S]+'), minLength: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('integer' as const), minimum: fc.integer({ min: -1, max: 2 }) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('enum' as const), values: fc.uniqueArray(fc.constantFrom('SMS_MFA', 'MFA_SETUP', 'CUSTOM'), { minLength: 1 }) }),
  fc.record({ kind: fc.constant('const' as const), value: fc.constantFrom(0, -0, 1) }),
  fc.record({ kind: fc.constant('ref' as const), to: fc.nat(6), wrapped: fc.boolean() }),
  fc.record({ kind: fc.constant('list' as const), to: fc.nat(6) }),
);
const propertyArbitrary = fc.record({ name: fc.constantFrom('Session', 'ChallengeName', 'Count', 'Tags', 'Key'), description: texts, type: kindArbitrary });
const fileArbitrary = (stem: fc.Arbitrary<string>): fc.Arbitrary<SchemaFile> =>
  fc.record({
    stem,
    title: fc.constantFrom(...TITLES),
    description: texts,
    properties: fc.uniqueArray(propertyArbitrary, { maxLength: 3, selector: (p) => p.name }),
    required: fc.boolean(),
  });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ do: fc.constant('describe' as const), file: fc.nat(6), text: texts }),
  fc.record({ do: fc.constant('describe-property' as const), file: fc.nat(6), property: fc.nat(2), text: texts }),
  fc.record({ do: fc.constant('retype' as const), file: fc.nat(6), property: fc.nat(2), type: kindArbitrary }),
  fc.record({ do: fc.constant('retitle' as const), file: fc.nat(6), title: fc.constantFrom(...TITLES) }),
  fc.record({ do: fc.constant('add' as const), file: fileArbitrary(fc.constantFrom('extra-type', 'more-type')) }),
  fc.record({ do: fc.constant('remove' as const), file: fc.nat(6) }),
  fc.record({ do: fc.constant('tamper' as const), output: fc.nat(40) }),
  fc.record({ do: fc.constant('delete-output' as const), output: fc.nat(40) }),
  fc.record({ do: fc.constant('option' as const), readonlyProperties: fc.boolean() }),
  fc.constant({ do: 'nothing' as const }),
);

function schemaOf(file: SchemaFile, files: readonly SchemaFile[]): object {
  const target = (to: number) => ({ $ref: `#/components/schemas/${files[to % files.length]!.title}` });
  const typeOf = (type: PropertyKind): object => {
    switch (type.kind) {
      case 'string':
        return { type: 'string', ...(type.pattern === undefined ? {} : { pattern: type.pattern }), ...(type.minLength === undefined ? {} : { minLength: type.minLength }) };
      case 'integer':
        return { type: 'integer', ...(type.minimum === undefined ? {} : { minimum: type.minimum }) };
      case 'enum':
        return { type: 'string', enum: type.values };
      case 'const':
        return { const: type.value };
      case 'ref':
        return type.wrapped ? { allOf: [target(type.to)] } : target(type.to);
      case 'list':
        return { type: 'array', items: target(type.to) };
    }
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: file.title,
    description: file.description,
    type: 'object',
    properties: Object.fromEntries(
      file.properties.map((p) => {
        const type = typeOf(p.type);
        // The corpus's way: an annotation wrapped around a reference.
        return [p.name, 'allOf' in type ? { allOf: [...(type.allOf as object[]), { description: p.description }] } : { ...type, description: p.description }];
      }),
    ),
    ...(file.required && file.properties.length > 0 ? { required: [file.properties[0]!.name] } : {}),
  };
}

async function writeSchemas(dir: string, files: readonly SchemaFile[]): Promise<void> {
  await rm(join(dir, 'schemas'), { recursive: true, force: true });
  await mkdir(join(dir, 'schemas'), { recursive: true });
  for (const file of files) await writeFile(join(dir, 'schemas', `${file.stem}-schema.json`), `${JSON.stringify(schemaOf(file, files), null, 2)}\n`);
}

async function outputFiles(dir: string): Promise<string[]> {
  const out = join(dir, 'out');
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What a run's report says, without the parts that name its folder or time it. */
function outcome(report: Report): object {
  return {
    status: report.status,
    written: report.written,
    unchanged: report.unchanged,
    removed: report.removed,
    diagnostics: report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file ?? ''} ${d.message}`),
  };
}

describe('keeping files of the last run', () => {
  it('a run that keeps files ends as a run that renders every file would, whatever changed since (property)', async () => {
    let kept = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fileArbitrary(fc.constantFrom('session-type', 'auth-result', 'device-key', 'tag-value-type')), { minLength: 1, maxLength: 3, selector: (f) => f.stem }),
        fc.array(stepArbitrary, { minLength: 2, maxLength: 6 }),
        async (initial, plan) =>
          withTempDir(async (root) => {
            const traced = join(root, 'traced');
            await mkdir(join(traced, 'node_modules'), { recursive: true });
            let files = [...initial];
            let options: GenerateOptions = { inputs: ['schemas'], outDir: 'out', force: true };
            await writeSchemas(traced, files);
            await generate({ cwd: traced, ...options });
            for (const [index, step] of plan.entries()) {
              const pick = (n: number) => n % files.length;
              const edit = (n: number, change: (f: SchemaFile) => SchemaFile) => (files = files.map((f, i) => (i === pick(n) ? change(f) : f)));
              const outputs = await outputFiles(traced);
              switch (step.do) {
                case 'describe':
                  edit(step.file, (f) => ({ ...f, description: step.text }));
                  break;
                case 'describe-property':
                  edit(step.file, (f) => ({ ...f, properties: f.properties.map((p, i) => (i === step.property % Math.max(1, f.properties.length) ? { ...p, description: step.text } : p)) }));
                  break;
                case 'retype':
                  edit(step.file, (f) => ({ ...f, properties: f.properties.map((p, i) => (i === step.property % Math.max(1, f.properties.length) ? { ...p, type: step.type } : p)) }));
                  break;
                case 'retitle':
                  edit(step.file, (f) => ({ ...f, title: step.title }));
                  break;
                case 'add':
                  if (!files.some((f) => f.stem === step.file.stem)) files = [...files, step.file];
                  break;
                case 'remove':
                  if (files.length > 1) files = files.filter((_, i) => i !== pick(step.file));
                  break;
                case 'tamper':
                  if (outputs.length > 0) await writeFile(outputs[step.output % outputs.length]!, '// edited by hand\n');
                  break;
                case 'delete-output':
                  if (outputs.length > 0) await rm(outputs[step.output % outputs.length]!);
                  break;
                case 'option':
                  options = { ...options, readonlyProperties: step.readonlyProperties };
                  break;
                case 'nothing':
                  break;
              }
              await writeSchemas(traced, files);
              // The same state, without the cache: every file rendered.
              const full = join(root, `full-${index}`);
              await cp(traced, full, { recursive: true, filter: (source) => !source.includes('node_modules') });
              const fromTraces = await generate({ cwd: traced, ...options });
              const fromScratch = await generate({ cwd: full, ...options, cache: false });
              expect(outcome(fromTraces)).toEqual(outcome(fromScratch));
              expect(await readTree(join(traced, 'out'))).toEqual(await readTree(join(full, 'out')));
              kept += fromTraces.filesKept;
              steps++;
            }
          }),
      ),
      { numRuns: 12, seed: 20_261_201 },
    );
    // Not vacuous: files were kept, and not by every step.
    expect(kept).toBeGreaterThan(steps);
  }, 300_000);
});
