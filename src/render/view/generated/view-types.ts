// interim

/**
 * An array (`T[]`).
 */
export interface ArrayShape {
  kind: "array";
  is: ShapeKinds;
  text: string;
  items: TypeShape;
}

/**
 * The schema's constraints that a type cannot say, as the schema wrote them (draft-04's boolean
 * `exclusiveMinimum` already read as a number, draft-07's `dependencies` lists as
 * `dependentRequired`); a constraint the schema does not set is absent. Strings are *schema text*.
 */
export interface ConstraintsView {
  minLength?: number;
  maxLength?: number;
  /**
   * A regular expression (ECMA-262, Unicode): write it with the `regExp` helper.
   */
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minContains?: number;
  maxContains?: number;
  minProperties?: number;
  maxProperties?: number;
  /**
   * For each property name, the names that must be present with it.
   */
  dependentRequired?: {
    [key: string]: string[];
  };
}

/**
 * One tag of a doc comment.
 */
export interface DocTagView {
  /**
   * The tag's name without `@` (`minLength`).
   */
  name: string;
  /**
   * Its value as the comment shows it, before escaping (`1`, `"x"`, `^[a-z]+$`); `''` for a tag without
   * one. *Schema text*.
   */
  value: string;
}

/**
 * The documentation of a schema or property: as a ready comment, and as data.
 */
export interface DocView {
  /**
   * The doc comment, `/** … *\/` and a newline, at column 0 (`''` when there is nothing to say): the
   * description as Markdown, enum members, then tags. Safe in code.
   */
  comment: string;
  /**
   * The lines of that comment without its frame (`/**`, ` * `, ` *\/`); an empty string is a blank line.
   * Safe inside a block comment.
   */
  lines: string[];
  /**
   * The description as Markdown (HTML converted), without the enum members and tags. *Schema text*.
   */
  description: string | null;
  /**
   * The first paragraph of `description` on one line. *Schema text*.
   */
  summary: string | null;
  /**
   * The tags of the comment, in its order (`@minLength 1`, `@default "x"`, `@deprecated`).
   */
  tags: DocTagView[];
  constraints: ConstraintsView;
  /**
   * An enum's members, when the schema says something about one of them (`enumDescriptions`,
   * `tsEnumNames`); otherwise empty.
   */
  members: EnumMemberView[];
  /**
   * Whether the schema is `deprecated` (the `@deprecated` tag says why, when the schema does).
   */
  deprecated: boolean;
}

/**
 * What the schema says about one enum member.
 */
export interface EnumMemberView {
  /**
   * The member as JSON text (`"SMS"`, `3`). *Schema text*.
   */
  value: string;
  /**
   * Its name (`tsEnumNames`). *Schema text*.
   */
  name: string | null;
  /**
   * Its description (`markdownEnumDescriptions`, `enumDescriptions`). *Schema text*.
   */
  description: string | null;
}

/**
 * The file being rendered.
 */
export interface FileView {
  /**
   * Its path in the output folder, `/`-separated (`types/Pet.d.ts`).
   */
  path: string;
  /**
   * The name of its entry in the template set's manifest (`type`).
   */
  entry: string;
  /**
   * The template's path in the template set (`type.d.ts.mustache`).
   */
  template: string;
}

/**
 * The view of a file rendered once per run-time helper the validators use (`"each": "runtimeHelper"`).
 */
export interface HelperFileView {
  /**
   * The helper this file is rendered for.
   */
  helper: RuntimeHelperView;
  file: FileView;
  run: RunView;
  /**
   * What the banner names as the source (`ajv's "ucs2length" run-time helper, bundled`). Safe in a `//`
   * comment.
   */
  source: string;
}

/**
 * A path for each once-per-helper entry of the template set, by entry name.
 */
export interface HelperPaths {
  [key: string]: string;
}

/**
 * What reading a name every object inherits returns when the data has no such own property
 * (`Object["toString"]`), for optional properties named like `Object.prototype` members.
 */
export interface InheritedShape {
  kind: "inherited";
  is: ShapeKinds;
  text: string;
  name: "constructor" | "toString" | "toLocaleString" | "valueOf" | "hasOwnProperty" | "isPrototypeOf" | "propertyIsEnumerable";
}

/**
 * An intersection (`allOf`, a `$ref` with sibling keywords).
 */
export interface IntersectionShape {
  kind: "intersection";
  is: ShapeKinds;
  text: string;
  members: TypeShape[];
}

/**
 * A TypeScript keyword type: `string`, `number`, `boolean`, `null`, `undefined`, `unknown` or `never`
 * (an `integer` is a `number`).
 */
export interface KeywordShape {
  kind: "keyword";
  is: ShapeKinds;
  text: string;
  name: "string" | "number" | "boolean" | "null" | "undefined" | "unknown" | "never";
}

/**
 * A literal type (`const`, or one member of an `enum`).
 */
export interface LiteralShape {
  kind: "literal";
  is: ShapeKinds;
  /**
   * The literal as code (`"SMS"`, `3`, `null`): safe.
   */
  text: string;
  /**
   * The value itself. A string is *schema text*.
   */
  value: string | number | boolean | null;
}

/**
 * An object: its properties in schema order, and an index signature when the schema admits other keys.
 */
export interface ObjectShape {
  kind: "object";
  is: ShapeKinds;
  text: string;
  properties: PropertyView[];
  /**
   * The type of the values of other keys (`[key: string]: T`), or `null` when there is no index
   * signature.
   */
  index: TypeShape | null;
}

/**
 * The options of the run that shape the output.
 */
export interface OptionsView {
  /**
   * Module format of the generated `.js` files (`--module`).
   */
  module: "esm" | "cjs";
  /**
   * The `type` a `package.json` beside them needs for that format.
   */
  packageType: "module" | "commonjs";
  /**
   * `--types-only`: entries with `"validators": true` are left out.
   */
  typesOnly: boolean;
  /**
   * `--bundle`: `bundle.js` is written beside the set's files.
   */
  bundle: boolean;
  /**
   * `--readonly`: the ready type text marks `readOnly` properties `readonly`.
   */
  readonlyProperties: boolean;
  /**
   * `--additional-properties`.
   */
  additionalProperties: "none" | "index";
  /**
   * `--formats`: whether validators check formats.
   */
  formats: "assert" | "annotate";
  /**
   * Validators report every problem (`false` with `--first-error`).
   */
  allErrors: boolean;
  /**
   * `--assume-types`.
   */
  assumeTypes: boolean;
  /**
   * `--default-dialect`: the dialect of schemas without `$schema`.
   */
  defaultDialect: string;
}

/**
 * One property of an object.
 */
export interface PropertyView {
  /**
   * The property's name as the schema writes it. *Schema text*.
   */
  name: string;
  /**
   * The name as a property key in code: bare when it is an identifier, else a string literal (`Session`,
   * `"x-amz-date"`). Safe.
   */
  key: string;
  /**
   * Whether the type requires it (not `?`).
   */
  required: boolean;
  /**
   * Whether the schema says `readOnly: true` (the ready text marks it `readonly` only with
   * `--readonly`).
   */
  readonly: boolean;
  type: TypeShape;
  doc: DocView;
}

/**
 * Another schema's type, by name.
 */
export interface RefShape {
  kind: "ref";
  is: ShapeKinds;
  text: string;
  /**
   * The type name of the schema referred to (one of `imports`, or the schema itself).
   */
  name: string;
}

/**
 * The view of a file rendered once per run (`"each": "run"`).
 */
export interface RunFileView {
  file: FileView;
  run: RunView;
  /**
   * What the banner names as the source: the entry's `source`, else the number of schemas (`28
   * schemas`). Safe in a `//` comment.
   */
  source: string;
}

/**
 * A path for each once-per-run entry of the template set, by entry name.
 */
export interface RunPaths {
  [key: string]: string;
}

/**
 * The whole run.
 */
export interface RunView {
  /**
   * schema-gen's version.
   */
  version: string;
  options: OptionsView;
  /**
   * Whether this run writes validators: some entry of the set has `"validators": true` and the run is
   * not `--types-only`.
   */
  withValidators: boolean;
  /**
   * Every schema of the run, sorted by type name.
   */
  schemas: TypeView[];
  /**
   * The run-time helpers any validator uses, sorted by name.
   */
  runtimeHelpers?: RuntimeHelperView[];
  /**
   * For each once-per-run entry of the set, the path it writes in the output folder (`index.js`).
   */
  files: RunPaths;
  /**
   * For each once-per-run entry, its import specifier from this file (`../runtime/errors.js`; `.ts` and
   * `.d.ts` files as `.js`).
   */
  modules: RunPaths;
  /**
   * For each once-per-run entry, its path relative to this file's folder, as a link would name it
   * (`../index.d.ts`).
   */
  links: RunPaths;
}

/**
 * One of ajv's run-time helpers (`ucs2length`, `equal`, `uri`, `formats`), bundled so that the output
 * needs no dependency.
 */
export interface RuntimeHelperView {
  /**
   * Its name, which is also the name it exports (`ucs2length`).
   */
  name: string;
  /**
   * Its module code, in the run's module format.
   */
  code: string;
  /**
   * For each once-per-helper entry, the path it writes for this helper (`runtime/ucs2length.js`).
   */
  files: HelperPaths;
  /**
   * For each once-per-helper entry, the import specifier of this helper's file from the file being
   * rendered.
   */
  modules: HelperPaths;
  /**
   * For each once-per-helper entry, the path of this helper's file relative to the folder of the file
   * being rendered.
   */
  links: HelperPaths;
}

/**
 * The view of a file rendered once per schema (`"each": "schema"`).
 */
export interface SchemaFileView {
  /**
   * The schema this file is rendered for.
   */
  schema: TypeView;
  file: FileView;
  run: RunView;
  /**
   * What the banner names as the source: the schema's file, with `#<pointer>` for a schema inside a
   * file. Safe in a `//` comment.
   */
  source: string;
}

/**
 * A path for each once-per-schema entry of the template set, by entry name.
 */
export interface SchemaPaths {
  [key: string]: string;
}

/**
 * Which kind a type shape is, as flags: `{{#type.is.object}}…{{/type.is.object}}` in mustache.
 */
export interface ShapeKinds {
  keyword: boolean;
  literal: boolean;
  ref: boolean;
  array: boolean;
  tuple: boolean;
  object: boolean;
  union: boolean;
  intersection: boolean;
  inherited: boolean;
  verbatim: boolean;
}

/**
 * What a template gets: the view of one output file. A template that renders once per schema gets a
 * `SchemaFileView`, once per run a `RunFileView`, once per run-time helper a `HelperFileView`. Fields
 * marked *schema text* hold text from a schema as written (not escaped): put them into code only
 * through an escaping helper.
 */
export type TemplateView = SchemaFileView | RunFileView | HelperFileView;

/**
 * One element of a tuple.
 */
export interface TupleElementView {
  type: TypeShape;
  optional: boolean;
}

/**
 * A tuple (`prefixItems`): `[A, B?, ...C[]]`.
 */
export interface TupleShape {
  kind: "tuple";
  is: ShapeKinds;
  text: string;
  elements: TupleElementView[];
  /**
   * The type of further elements, or `null` when the tuple is closed.
   */
  rest: TypeShape | null;
}

/**
 * A type as data. Every shape has `kind`, `is` (the kind as flags) and `text` (the type as TypeScript,
 * laid out for its place in the declaration).
 */
export type TypeShape = KeywordShape | LiteralShape | RefShape | ArrayShape | TupleShape | ObjectShape | UnionShape | IntersectionShape | InheritedShape | VerbatimShape;

/**
 * One schema: its names, where it comes from, its documentation, its type as data and as text, and its
 * validator.
 */
export interface TypeView {
  /**
   * The type's name, a valid identifier (`AdminInitiateAuthResponse`; see README "Names").
   */
  name: string;
  /**
   * Its validator's name (`validateAdminInitiateAuthResponse`).
   */
  validatorName: string;
  /**
   * Its assert function's name (`assertAdminInitiateAuthResponse`).
   */
  assertName: string;
  /**
   * The schema's file as the run shows it (`schemas/pet.json`). *Schema text* (a file name).
   */
  sourceFile: string;
  /**
   * The JSON pointer of the schema in that file (`''` for the whole file, `/components/schemas/Pet`). *Schema
   * text*.
   */
  sourcePointer: string;
  /**
   * For each once-per-schema entry of the set, the path it writes for this schema (`types/Pet.d.ts`).
   */
  files: SchemaPaths;
  /**
   * For each once-per-schema entry, the import specifier of this schema's file from the file being
   * rendered (`./Pet.js`, `../validators/Pet.js`; `.ts` and `.d.ts` as `.js`).
   */
  modules: SchemaPaths;
  /**
   * For each once-per-schema entry, the path of this schema's file relative to the folder of the file
   * being rendered (`../types/Pet.d.ts`).
   */
  links: SchemaPaths;
  doc: DocView;
  /**
   * The type as data; `type.text` is the type expression as TypeScript.
   */
  type: TypeShape;
  /**
   * The ready declaration, doc comment included: `export interface <Name> {…}` for objects, else `export
   * type <Name> = …;`, ending with a newline.
   */
  declaration: string;
  /**
   * The other schemas this one's type refers to, sorted by name: import `name` from `modules.<entry>`.
   */
  imports: TypeView[];
  validator?: ValidatorView;
}

/**
 * A union (`anyOf`, `oneOf`, `enum`, a `type` array).
 */
export interface UnionShape {
  kind: "union";
  is: ShapeKinds;
  text: string;
  members: TypeShape[];
  /**
   * Whether every member is a literal (an enum).
   */
  enum: boolean;
}

/**
 * A schema's precompiled validator (only in entries with `"validators": true`).
 */
export interface ValidatorView {
  /**
   * The validator as module code: its constants and `export function <validatorName>(data)`. The
   * template adds the imports (`runtimeHelpers`, `calls`, the runtime's `appendErrors`) and anything
   * else.
   */
  code: string;
  /**
   * The same validator as one JavaScript expression whose value is the function, its constants inside
   * its own scope: for a file that holds several validators (`export const {{validatorName}} =
   * {{{expression}}};`).
   */
  expression: string;
  /**
   * The run-time helpers the code uses: import `name` from `modules.<entry>`.
   */
  runtimeHelpers: RuntimeHelperView[];
  /**
   * The schemas whose validators the code calls: import `validatorName` from `modules.<entry>`.
   */
  calls: TypeView[];
  /**
   * Whether the code calls the runtime's `appendErrors` (it does when it calls other validators).
   */
  appendsErrors: boolean;
}

/**
 * A type expression the schema wrote itself (`tsType`), checked to be a type expression.
 */
export interface VerbatimShape {
  kind: "verbatim";
  is: ShapeKinds;
  text: string;
}
