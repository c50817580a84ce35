import type { AjvOutput } from './ajv-output.js';
import type { CodeEdits } from './code-edits.js';

/** What a module's transformation needs to know besides ajv's output. */
export interface ModuleCodeSettings {
  /** Name the root validator gets, e.g. `validateAdminInitiateAuthResponse`. */
  exportName: string;
  /** `schemas/x.json#` + pointer: the prefix of the root schema's error paths. */
  schemaPathPrefix: string;
  /** ajv document id (`sg:/…/x.json`) → the user's path of that document. */
  displayPathOfId: ReadonlyMap<string, string>;
  /** Export names of every validator of the run: the only functions a module may call. */
  validatorNames: ReadonlySet<string>;
  /** The name `__proto__` properties were given for ajv (see proto-stand-in.ts). */
  protoStandIn: string;
  /**
   * Where each of ajv's functions (`validate21`) was compiled from, as `<display path>#<pointer>`:
   * a `#…` error schema path inside one is relative to that schema (see schema-paths.ts).
   * Functions of documents we did not give ajv have none.
   */
  functionPlaces?: ReadonlyMap<string, string>;
}

/** Shared by the steps of one module: the parsed output, the edits so far, and facts found. */
export interface TransformContext {
  ajv: AjvOutput;
  edits: CodeEdits;
  settings: ModuleCodeSettings;
  /** Module-level bindings a step gave a fixed new name (`func0` → `equal`). */
  renames: Map<string, string>;
  /** Runtime helper modules the code imports (`equal`, `formats`, …). */
  runtimeHelpers: Set<string>;
  /** Other modules' validators the code calls. */
  externalValidators: Set<string>;
  /** Where the exported function starts in ajv's output (set by the export-name step). */
  exportedAt?: number;
}

/** One transformation of ajv's output: reads the tree, records edits, fails loudly on shapes it does not know. */
export interface Step {
  name: string;
  run(context: TransformContext): void;
}
