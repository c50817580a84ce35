import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAndImport } from '../helpers/generate-and-import.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { typeErrors } from '../helpers/typecheck.js';

// Everything a schema says reaches the output as data, never as code: titles, keys,
// descriptions, enum strings, patterns, defaults and file names all try to break out.
const hostile = '*/ globalThis.pwned = 1; /* \' " ` ${globalThis.pwned = 2} </script>\u2028\u2029 @type {x} {@link y}';
const schema = {
  title: `Evil ${hostile}`,
  description: `<p>${hostile}</p>\n@returns ${hostile}`,
  type: 'object',
  required: [hostile],
  properties: {
    [hostile]: { type: 'string', enum: [hostile, `${hostile}\n`], default: hostile, description: hostile },
    'a\'b"c\n*/': { type: 'string', pattern: `^['"\`*/]+$`, examples: [hostile] },
    __proto__x: { const: { [hostile]: [hostile] } },
  },
  additionalProperties: { description: hostile, format: hostile },
};

describe('generated code is inert whatever the schema says', () => {
  it('compiles, imports without running anything from the schema, and validates the hostile data as data', () =>
    withTempDir(async (dir) => {
      (globalThis as { pwned?: unknown }).pwned = undefined;
      const { report, index } = await generateAndImport(dir, { "we'ird $name`.json": schema });
      expect(report.status).toBe('written');
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();

      const typeName = Object.keys(index)
        .find((k) => k.startsWith('validateEvil'))!
        .slice('validate'.length);
      expect(typeName).toMatch(/^[A-Za-z_$][\w$]*$/);
      const validate = index[`validate${typeName}`]!;
      expect(validate({ [hostile]: hostile, 'a\'b"c\n*/': `'"*/`, __proto__x: { [hostile]: [hostile] } })).toBe(true);
      expect(validate({ [hostile]: 'other' })).toBe(false);
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();

      const out = join(dir, 'generated');
      const declarations = [
        'index.d.ts',
        ...readdirSync(join(out, 'types')).map((f) => join('types', f)),
        ...readdirSync(join(out, 'validators'))
          .filter((f) => f.endsWith('.d.ts'))
          .map((f) => join('validators', f)),
      ];
      expect(typeErrors(declarations.map((f) => join(out, f)))).toEqual([]);
      const types = readFileSync(join(out, 'types', `${typeName}.d.ts`), 'utf8');
      // Inside each doc comment nothing closes it early.
      for (const comment of types.match(/\/\*\*[\s\S]*?\*\//g) ?? []) expect(comment.slice(3, -2)).not.toContain('*/');
      expect(types).not.toMatch(/[\u2028\u2029]/);
      expect(types).toContain('\\u2028');
    }));
});
