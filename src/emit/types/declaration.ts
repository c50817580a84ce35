import type { NamedType, TypeModel } from '../../model/index.js';
import { identifier, siblingModule } from '../code-text.js';
import { renderDocComment } from './doc-comment.js';
import { printContextOf, printObjectBody, printType } from './print-type.js';

export interface TypeDeclaration {
  name: string;
  /** `import type` lines for the named types this one uses. */
  imports: { name: string; from: string }[];
  /** The declaration itself, doc comment included. */
  declaration: string;
}

/** One named type as `export interface` (objects) or `export type` (everything else). */
export function declareType(type: NamedType, model: TypeModel, readonlyProperties: boolean): TypeDeclaration {
  const ctx = printContextOf(model, readonlyProperties);
  const doc = renderDocComment(type.doc, '');
  const body = type.body;
  const name = identifier(type.name);
  const declaration =
    body.kind === 'object' ? `${doc}export interface ${name} ${printObjectBody(body.properties, body.index, ctx, '')}\n` : `${doc}export type ${name} = ${printType(body, ctx, '')};\n`;
  const imports = type.uses
    .map((key) => ctx.nameOf(key))
    .sort()
    .map((name) => ({ name, from: siblingModule(name) }));
  return { name, imports, declaration };
}
