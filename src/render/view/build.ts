import type { Each } from '../../load/template-set/index.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import { identifier } from '../../emit/code-text.js';
import { declareType } from '../../emit/types/declaration.js';
import { printContextOf, type PrintContext } from '../../emit/types/print-type.js';
import type { ValidatorModule } from '../../emit/validators/index.js';
import { docView } from './doc.js';
import type { OptionsView, RunView, RuntimeHelperView, TypeShape, TypeView, ValidatorView } from './generated/view-types.js';
import { lazy, lazyView, ReadTracer, trackedView, type Lazy } from './lazy.js';
import { runFieldDependency, typeFieldDependency } from '../trace/deps.js';
import { folderOf, linkPath, moduleSpecifier } from './paths.js';
import { typeShape } from './shape.js';
import { validatorExpression } from './validator-expression.js';

/** Where each entry of the set writes: the paths `files`, `modules` and `links` are made of. */
export interface OutputLayout {
  /** Entry names by what they render for; dropped entries too (a path can be named without being written). */
  entries: Readonly<Record<Each, readonly string[]>>;
  /** The path an entry writes for one item: a type name, a helper name, or `''` for a once-per-run entry. */
  pathOf(entry: string, item: string): string;
}

export interface ViewSources {
  model: TypeModel;
  /** Compiled validators by type key; absent when the run writes none. */
  validators?: ReadonlyMap<string, ValidatorModule>;
  /** The run-time helpers any validator uses, sorted. */
  helpersUsed: readonly string[];
  helperCode(name: string): string;
  readonlyProperties: boolean;
  options: OptionsView;
  version: string;
  layout: OutputLayout;
  /** Whether the run keeps render traces: else no read is tracked. */
  traced: boolean;
}

/** What every file's view shares: per type, its doc, shape, declaration and validator expression, computed once. */
export class RunViews {
  private readonly shapes = new Map<string, TypeShape>();
  private readonly declarations = new Map<string, string>();
  private readonly expressions = new Map<string, string>();
  private readonly byValidatorName: Map<string, NamedType>;
  readonly printContext: PrintContext;
  /** Which fields of which views the file being rendered reads (see \`render/trace/\`), when the run keeps traces. */
  readonly tracer: ReadTracer | undefined;

  constructor(readonly sources: ViewSources) {
    const { model } = sources;
    this.tracer = sources.traced ? new ReadTracer() : undefined;
    this.printContext = printContextOf(model, sources.readonlyProperties);
    this.byValidatorName = new Map(model.types.map((t) => [`validate${t.name}`, t]));
  }

  private readonly byFolder = new Map<string, FileViews>();

  /**
   * The views of one output file: `modules` and `links` are relative to its folder;
   * `validator` is there only when `withValidators`. Files of one folder share them
   * (they differ in nothing else), so each type's view is made once per folder.
   */
  forFile(path: string, withValidators: boolean): FileViews {
    const folder = folderOf(path);
    const validators = withValidators && this.sources.validators !== undefined;
    const key = `${validators ? 'v' : 't'}:${folder}`;
    let views = this.byFolder.get(key);
    if (!views) this.byFolder.set(key, (views = new FileViews(this, folder, validators)));
    return views;
  }

  shapeOf(type: NamedType): TypeShape {
    let shape = this.shapes.get(type.key);
    if (!shape) this.shapes.set(type.key, (shape = typeShape(type.body, this.printContext, '')));
    return shape;
  }

  declarationOf(type: NamedType): string {
    let text = this.declarations.get(type.key);
    if (text === undefined) this.declarations.set(type.key, (text = declareType(type, this.sources.model, this.sources.readonlyProperties).declaration));
    return text;
  }

  expressionOf(module: ValidatorModule): string {
    let text = this.expressions.get(module.type.key);
    if (text === undefined) this.expressions.set(module.type.key, (text = validatorExpression(module)));
    return text;
  }

  calledType(validatorName: string): NamedType {
    const type = this.byValidatorName.get(validatorName);
    if (!type) throw new Error(`schema-gen: a validator calls ${validatorName}, which no schema of the run has`);
    return type;
  }
}

export class FileViews {
  private readonly types = new Map<string, TypeView>();
  private readonly helpers = new Map<string, RuntimeHelperView>();
  private run: RunView | undefined;

  constructor(
    private readonly shared: RunViews,
    /** The folder of the files these views are for (`''` for the top of the output folder). */
    readonly folder: string,
    private readonly withValidators: boolean,
  ) {}

  typeView(type: NamedType): TypeView {
    const known = this.types.get(type.key);
    if (known) return known;
    const { model, validators } = this.shared.sources;
    const name = identifier(type.name);
    const view = trackedView<TypeView>(
      {
        name,
        validatorName: identifier(`validate${type.name}`),
        assertName: identifier(`assert${type.name}`),
        sourceFile: type.location.doc.displayPath,
        sourcePointer: type.location.pointer,
        ...this.paths('schema', name),
        doc: lazy(() => docView(type.doc)),
        type: lazy(() => this.shared.shapeOf(type)),
        declaration: lazy(() => this.shared.declarationOf(type)),
        imports: lazy(() =>
          type.uses
            .map((key) => model.byKey.get(key))
            .filter((used): used is NamedType => used !== undefined)
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
            .map((used) => this.typeView(used)),
        ),
        ...(this.withValidators ? { validator: lazy(() => this.validatorView(validators!.get(type.key), type)) } : {}),
      },
      (field) => typeFieldDependency(type.key, field),
      this.shared.tracer,
    );
    this.types.set(type.key, view);
    return view;
  }

  runView(): RunView {
    if (this.run) return this.run;
    const { model, helpersUsed, options, version } = this.shared.sources;
    this.run = trackedView<RunView>(
      {
        version,
        options,
        withValidators: this.shared.sources.validators !== undefined,
        schemas: lazy(() => model.types.map((t) => this.typeView(t))),
        ...(this.withValidators ? { runtimeHelpers: lazy(() => helpersUsed.map((h) => this.helperView(h))) } : {}),
        ...this.paths('run', ''),
      },
      runFieldDependency,
      this.shared.tracer,
    );
    return this.run;
  }

  helperView(name: string): RuntimeHelperView {
    let view = this.helpers.get(name);
    if (!view) {
      const { helperCode } = this.shared.sources;
      this.helpers.set(name, (view = lazyView<RuntimeHelperView>({ name: identifier(name), code: lazy(() => helperCode(name)), ...this.paths('runtimeHelper', name) })));
    }
    return view;
  }

  private validatorView(module: ValidatorModule | undefined, type: NamedType): ValidatorView {
    if (!module) throw new Error(`schema-gen: no validator was compiled for ${type.name}`);
    return lazyView<ValidatorView>({
      code: module.body,
      expression: lazy(() => this.shared.expressionOf(module)),
      runtimeHelpers: lazy(() => module.runtimeHelpers.map((h) => this.helperView(h))),
      calls: lazy(() => module.externalValidators.map((v) => this.typeView(this.shared.calledType(v)))),
      appendsErrors: module.appendsErrors,
    });
  }

  /** `files`, `modules` and `links` of one item, for every entry that renders items of its kind; each table made when first read. */
  private paths(each: Each, item: string): { files: Lazy<Record<string, string>>; modules: Lazy<Record<string, string>>; links: Lazy<Record<string, string>> } {
    const { layout } = this.shared.sources;
    const entries = layout.entries[each];
    const table = (of: (path: string) => string) =>
      lazy(() => {
        const result: Record<string, string> = {};
        for (const entry of entries) result[entry] = of(layout.pathOf(entry, item));
        return result;
      });
    return {
      files: table((path) => path),
      modules: table((path) => moduleSpecifier(this.folder, path)),
      links: table((path) => linkPath(this.folder, path)),
    };
  }
}
