import { countedNames } from './steps/counted-names.js';
import { errorPushes } from './steps/error-pushes.js';
import { evaluationTracking } from './steps/evaluation-tracking.js';
import { exportName } from './steps/export-name.js';
import { keywordAliases } from './steps/keyword-aliases.js';
import { indentation } from './steps/layout.js';
import { ownProperties } from './steps/own-properties.js';
import { patternFlags } from './steps/pattern-flags.js';
import { patternMarks } from './steps/pattern-marks.js';
import { prototypeFreeProps } from './steps/prototype-free-props.js';
import { preamble } from './steps/preamble.js';
import { protoStandIn } from './steps/proto-stand-in.js';
import { runtimeImports } from './steps/runtime-imports.js';
import { schemaConstants } from './steps/schema-constants.js';
import { schemaPaths } from './steps/schema-paths.js';
import { signatures } from './steps/signatures.js';
import { AjvOutput } from './transform/ajv-output.js';
import { CodeEdits, type OutputLine } from './transform/code-edits.js';
import type { ModuleCodeSettings, Step, TransformContext } from './transform/context.js';
import { UnexpectedAjvOutput } from './transform/unexpected-output.js';

export type { ModuleCodeSettings } from './transform/context.js';
export { UnexpectedAjvOutput } from './transform/unexpected-output.js';

export interface ValidatorModuleCode {
  /** Code of the module without imports (the template adds them) or the asserter. */
  body: string;
  /** Runtime helper names the body uses (`ucs2length`, `formats`, …). */
  runtimeHelpers: string[];
  /** Exported validators of other modules that the body calls. */
  externalValidators: string[];
  /** Whether the body calls the runtime's `appendErrors` (it does when it calls other validators). */
  appendsErrors: boolean;
  /**
   * Where in `body` the line `export function <exportName>(…` starts: a file that holds
   * several validators drops that `export` and scopes the rest (see validatorExpression)
   * without parsing the body again.
   */
  exportAt: number;
}

/**
 * The steps, in order. Each records edits of the one parsed tree; steps that remove
 * code come before those that read what is left (constants keep what surviving code
 * reads), the stand-in mapping after the steps that rewrite its places themselves, and
 * renaming last, when it knows which uses survive.
 */
export const STEPS: readonly Step[] = [
  preamble,
  runtimeImports,
  patternFlags,
  exportName,
  keywordAliases,
  evaluationTracking,
  patternMarks,
  prototypeFreeProps,
  schemaConstants,
  errorPushes,
  ownProperties,
  signatures,
  schemaPaths,
  protoStandIn,
  countedNames,
];

/**
 * Turn ajv's standalone output for one schema into the body of a self-contained ES
 * module. The output is parsed once (acorn) and every change is an edit at a node's
 * position; the layout step indents the result. See STEPS and steps/*.
 */
export function toModuleCode(standalone: string, settings: ModuleCodeSettings): ValidatorModuleCode {
  const context = transformContext(standalone, settings);
  for (const step of STEPS) step.run(context);
  return finish(context);
}

export function transformContext(standalone: string, settings: ModuleCodeSettings): TransformContext {
  const ajv = new AjvOutput(standalone);
  return { ajv, edits: new CodeEdits(standalone), settings, renames: new Map(), runtimeHelpers: new Set(), externalValidators: new Set() };
}

/** Apply the recorded edits with the layout, and report what the module needs. */
export function finish(context: TransformContext): ValidatorModuleCode {
  const { ajv, edits, settings } = context;
  const lines = edits.applyLines(indentation(ajv));
  const body = lines.map((line) => line.text).join('\n');
  if (body.includes(settings.protoStandIn)) throw new UnexpectedAjvOutput('proto-stand-in', 'the stand-in is still in the output');
  const appendsErrors = ajv.identifiers.some((use) => use.role === 'reference' && use.node.name === 'appendErrors' && !ajv.moduleBindings.has('appendErrors'));
  return {
    body,
    runtimeHelpers: [...context.runtimeHelpers].sort(),
    externalValidators: [...context.externalValidators].sort(),
    appendsErrors,
    exportAt: exportOffset(lines, context),
  };
}

/** The offset of the exported function's line: the line the export-name step's insertion starts. */
function exportOffset(lines: readonly OutputLine[], { exportedAt, settings }: TransformContext): number {
  let offset = 0;
  for (const line of lines) {
    if (line.origin === exportedAt) {
      if (!line.text.startsWith(`export function ${settings.exportName}(`)) throw new UnexpectedAjvOutput('export-name', `the exported function's line reads ${line.text.slice(0, 80)}`);
      return offset;
    }
    offset += line.text.length + 1;
  }
  throw new UnexpectedAjvOutput('export-name', 'the exported function is not in the output');
}
