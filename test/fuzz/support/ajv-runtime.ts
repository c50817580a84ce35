import ajv2020Module from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import * as ajvEqualModule from 'ajv/dist/runtime/equal.js';
import { equal as jsonEqual } from '../../../src/runtime/json-equal.js';
import { walkSchema } from '../../../src/schema/walk.js';
import { prototypeFreeProps } from '../../helpers/prototype-free-ajv.js';
import { jsonCopy, objectOf, type Json } from '../arbitraries/json.js';
import type { SchemaSet } from '../arbitraries/schemas.js';

const Ajv2020 = ajv2020Module.default;
const addFormats = ajvFormatsModule.default;

/**
 * ajv compares `const`, `enum` and `uniqueItems` with fast-deep-equal, which reads a
 * value's `constructor`, `valueOf` and `toString` as its class and methods: data with an
 * own `"constructor"` key is never equal to an equal copy of itself, and `{"valueOf": {}}`
 * throws. Our validators compare JSON values (src/runtime/json-equal.ts), as the spec
 * does; the oracle's ajv is given the same equality (its keywords read
 * `require("…/runtime/equal").default` when they compile).
 */
const ajvEqual = ((ajvEqualModule as { default?: unknown }).default ?? ajvEqualModule) as { default: unknown };
if (typeof ajvEqual.default !== 'function') throw new Error('ajv/dist/runtime/equal has changed shape: the oracle cannot give it JSON equality');
ajvEqual.default = Object.assign((a: unknown, b: unknown) => jsonEqual(a, b), { code: 'require("ajv/dist/runtime/equal").default' });

/**
 * The options of src/emit/validators/ajv-instance.ts (createAjv), copied, with
 * `allErrors` and asserted formats as our defaults, plus two: `code.process` makes the
 * objects in which ajv's code records evaluated properties without a prototype, as ours
 * are (test/helpers/prototype-free-ajv.ts), and `ownProperties`. Our
 * validators read only own properties on purpose (steps/own-properties.ts, ajv#2664:
 * ajv's default takes `required: ["constructor"]` as met by `{}`, and checks
 * `properties.toString` against the inherited function), and the spec agrees with them.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strictSchema: false,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  validateFormats: true,
  unicodeRegExp: true,
  code: { optimize: true, process: prototypeFreeProps },
  logger: false,
  ownProperties: true,
} as const;

/**
 * ajv also skips every schema-map key `__proto__` (properties, patternProperties,
 * dependentRequired/Schemas, and the list additionalProperties exempts), a guard of its
 * own that the spec does not have. So ajv is given the same problem with every
 * `__proto__` — keys, strings, and inside patterns — spelled `__qroto__` (same length and
 * character classes: no pattern, length or format of these tests tells them apart), in
 * the schemas and in the data alike, and its error paths are spelled back.
 */
const PROTO = '__proto__';
const STAND_IN = '__qroto__';

export function withoutProto(value: unknown): unknown {
  if (typeof value === 'string') return value.split(PROTO).join(STAND_IN);
  if (Array.isArray(value)) return value.map(withoutProto);
  if (value !== null && typeof value === 'object') return objectOf(Object.entries(value).map(([k, v]) => [withoutProto(k) as string, withoutProto(v)] as const));
  return value;
}

export function protoBack(instancePath: string): string {
  return instancePath.split(STAND_IN).join(PROTO);
}

const BASE = 'https://fuzz.schema-gen.test/';

export type AjvSide = { validate: (data: unknown) => boolean; errors: () => { instancePath: string }[] } | { refused: string };

/**
 * ajv's run-time compilation of file `entry` of a set: a fresh instance per set, every
 * file of the set added under its own URL, corpus-style `#/components/schemas/X` refs
 * (which ajv does not know) written as the relative file ref our resolver reads them as.
 */
export function compileWithAjv(set: SchemaSet, entry: number): AjvSide {
  const ajv = new Ajv2020(AJV_OPTIONS);
  addFormats(ajv);
  const schemas = set.files.map((f) => withoutProto(forAjv(f.schema, set)) as Json);
  const known = new Set(Object.keys(ajv.formats));
  for (const schema of schemas) {
    walkSchema(schema, '', null, (node) => {
      if (typeof node.format === 'string' && !known.has(node.format)) {
        known.add(node.format);
        ajv.addFormat(node.format, true);
      }
      return null;
    });
  }
  try {
    schemas.forEach((schema, i) => ajv.addSchema(schema as object | boolean as object, `${BASE}${encodeURIComponent(set.files[i]!.name)}`));
    const validate = ajv.getSchema(`${BASE}${encodeURIComponent(set.files[entry]!.name)}`);
    if (!validate) return { refused: 'ajv: getSchema found nothing' };
    return {
      validate: (data) => validate(withoutProto(data)) as boolean,
      errors: () => (validate.errors ?? []).map((e) => ({ instancePath: protoBack(e.instancePath) })),
    };
  } catch (error) {
    return { refused: `ajv: ${(error as Error).message}` };
  }
}

function forAjv(schema: Json, set: SchemaSet): Json {
  const copy = jsonCopy(schema);
  walkSchema(copy, '', null, (node) => {
    const ref = node.$ref;
    const match = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]*)$/.exec(ref) : null;
    if (match) {
      const title = decodeURIComponent(match[1]!);
      const target = set.files.find((f) => typeof f.schema === 'object' && f.schema !== null && !Array.isArray(f.schema) && f.schema.title === title);
      if (target) node.$ref = encodeURIComponent(target.name);
    }
    return null;
  });
  return copy;
}
