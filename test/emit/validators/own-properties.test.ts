import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateAndImport } from '../../helpers/generate-and-import.js';
import { withTempDir } from '../../helpers/temp-dir.js';

// ajv reads `data.toString`, which every object inherits (ajv#2664), and skips a
// `__proto__` property schema altogether. Our validators treat both as own properties.
// From JSON text: in an object literal, `__proto__:` would set the prototype instead.
const schemaText = `{
  "title": "Inherited",
  "type": "object",
  "required": ["toString"],
  "properties": { "constructor": { "type": "string" }, "__proto__": { "type": "number" }, "plain": { "type": "string" } }
}`;

describe('validators and names every object inherits', () => {
  it('treat required and properties of Object.prototype names as own properties', () =>
    withTempDir(async (dir) => {
      const { index } = await generateAndImport(dir, { 'inherited.json': JSON.parse(schemaText) });
      const validate = index.validateInherited!;

      expect(validate({})).toBe(false);
      expect(validate.errors?.map((e) => e.message)).toEqual(["must have required property 'toString'"]);
      expect(validate({ toString: 'yes' })).toBe(true);
      expect(validate(JSON.parse('{"toString": 1, "constructor": 5}'))).toBe(false);
      expect(validate.errors?.map((e) => e.instancePath)).toEqual(['/constructor']);
      expect(validate(JSON.parse('{"toString": 1, "__proto__": "not a number"}'))).toBe(false);
      expect(validate.errors?.map((e) => `${e.instancePath} ${e.schemaPath}`)).toEqual(['/__proto__ schemas/inherited.json#/properties/__proto__/type']);
      expect(validate(JSON.parse('{"toString": 1, "__proto__": 3, "constructor": "c"}'))).toBe(true);
    }));

  it('leave ordinary property reads as plain as ajv writes them', () =>
    withTempDir(async (dir) => {
      await generateAndImport(dir, { 'inherited.json': JSON.parse(schemaText) });
      const code = await readFile(join(dir, 'generated', 'validators', 'Inherited.js'), 'utf8');
      expect(code).toContain('if(data.plain !== undefined){');
      expect(code).toContain('Object.hasOwn(data, "constructor")');
      expect(code).not.toContain('__schema_gen_own_proto__');
    }));
});
