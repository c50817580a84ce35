import { diagnosticsOf, DRAFT_07, shapeOf, typesOf } from './types-of.js';

/** What editors (VS Code) and json-schema-to-typescript add to schemas, understood (issue 10). */

describe('doc comments from editor vocabularies', () => {
  it('markdownDescription is preferred over description', async () => {
    const result = await typesOf({
      'schemas/cfg.json': {
        $schema: DRAFT_07,
        title: 'Cfg',
        description: 'Plain text.',
        markdownDescription: 'With **Markdown**.',
        type: 'object',
        properties: { a: { type: 'string', description: 'only plain' }, b: { type: 'string', markdownDescription: 'only `markdown`' } },
      },
    });
    expect(result.types.Cfg).toContain(' * With **Markdown**.');
    expect(result.types.Cfg).not.toContain('Plain text.');
    expect(result.types.Cfg).toContain(' * only plain');
    expect(result.types.Cfg).toContain(' * only `markdown`');
    expect(result.diagnostics).toEqual([]);
  });

  it('deprecationMessage → @deprecated <message>; deprecated alone → @deprecated', async () => {
    const result = await typesOf({
      'schemas/cfg.json': {
        $schema: DRAFT_07,
        title: 'Cfg',
        type: 'object',
        properties: {
          old: { type: 'string', deprecationMessage: 'Use `new` instead.\nIt will go in 2.0.' },
          older: { type: 'string', deprecated: true },
        },
      },
    });
    expect(result.types.Cfg).toContain('@deprecated Use `new` instead. It will go in 2.0.');
    expect(result.types.Cfg).toMatch(/@deprecated\n\s+\*\/\n\s+older\?/);
  });

  it('enumDescriptions (or markdownEnumDescriptions) and tsEnumNames document the members of the union', async () => {
    const result = await typesOf({
      'schemas/mode.json': {
        $schema: DRAFT_07,
        title: 'Mode',
        description: 'How to run.',
        enum: ['fast', 'safe', 'off', 3],
        enumDescriptions: ['Skips checks.', 'Checks everything.'],
        markdownEnumDescriptions: ['Skips **all** checks.', 'Checks *everything*.'],
        tsEnumNames: ['Fast', 'Safe', 'Off'],
      },
      'schemas/level.json': { $schema: DRAFT_07, title: 'Level', enum: ['low', 'high'], enumDescriptions: ['Quiet.', 'Loud.\nVery loud. */ closing'] },
    });
    expect(result.types.Mode).toBe(
      [
        '/**',
        ' * How to run.',
        ' *',
        ' * - "fast" (Fast): Skips **all** checks.',
        ' * - "safe" (Safe): Checks *everything*.',
        ' * - "off" (Off)',
        ' * - 3',
        ' */',
        'export type Mode = "fast" | "safe" | "off" | 3;',
      ].join('\n'),
    );
    expect(result.types.Level).toContain(' * - "high": Loud. Very loud. *\\/ closing');
    expect(result.diagnostics).toEqual([]);
  });

  it('defaultSnippets and errorMessage are annotations: no type change, no warning', async () => {
    const result = await typesOf({
      'schemas/cfg.json': {
        $schema: DRAFT_07,
        title: 'Cfg',
        type: 'object',
        properties: { port: { type: 'integer', errorMessage: 'must be a port', defaultSnippets: [{ label: 'http', body: 80 }] } },
        errorMessage: { type: 'should be an object' },
      },
    });
    expect(shapeOf(result.types.Cfg)).toBe('export interface Cfg { port?: number; }');
    expect(result.diagnostics).toEqual([]);
  });

  it('a real typo still warns', async () => {
    const result = await typesOf({ 'schemas/cfg.json': { $schema: DRAFT_07, title: 'Cfg', type: 'string', markdownDescripton: 'x' } });
    expect(diagnosticsOf(result, 'unknown-keyword')).toEqual(['/markdownDescripton: unknown keyword "markdownDescripton" is ignored']);
  });
});

describe("json-schema-to-typescript's tsType", () => {
  it('is the type, wherever the schema is used', async () => {
    const result = await typesOf({
      'schemas/event.json': {
        $schema: DRAFT_07,
        title: 'Event',
        type: 'object',
        properties: {
          at: { type: 'string', format: 'date-time', tsType: 'Date' },
          handler: { tsType: '(event: { type: string }) => void' },
          tags: { type: 'array', items: { type: 'string', tsType: '"a" | "b"' } },
          meta: { type: 'object', tsType: 'Record<string, number> | null' },
        },
      },
    });
    expect(shapeOf(result.types.Event)).toBe('export interface Event { at?: Date; handler?: (event: { type: string }) => void; tags?: ("a" | "b")[]; meta?: Record<string, number> | null; }');
    expect(result.diagnostics).toEqual([]);
  });

  const ATTEMPTS = [
    'string; } export declare const x: any; {',
    '*/ evil /*',
    'string\nexport declare const x: any',
    'string\u2028export declare const x: any',
    'string } export declare const x: any {',
    'import("fs").Stats',
    'string // evil',
  ];

  it('injection attempts are refused with a warning at the tsType, never reach output, and the schema type stands', async () => {
    const properties = Object.fromEntries(ATTEMPTS.map((tsType, i) => [`p${i}`, { type: 'string', tsType }]));
    const result = await typesOf({ 'schemas/target.json': { $schema: DRAFT_07, title: 'Target', type: 'object', properties, tsType: '*/ declare const evil: any; /*' } });
    expect(shapeOf(result.types.Target)).toBe(`export interface Target { ${ATTEMPTS.map((_, i) => `p${i}?: string;`).join(' ')} }`);
    const warnings = result.diagnostics.filter((d) => d.code === 'unsafe-ts-type');
    expect(warnings.map((d) => d.pointer).sort()).toEqual(['/tsType', ...ATTEMPTS.map((_, i) => `/properties/p${i}/tsType`)].sort());
    expect(warnings.every((d) => d.severity === 'warning' && typeof d.line === 'number')).toBe(true);
    // (The golden case vocab-editors compiles such an output with tsc.)
    for (const content of Object.values(result.files)) {
      expect(content).not.toMatch(/evil|declare|export declare const x|import\(/);
    }
  });
});
