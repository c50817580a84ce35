import type { Options } from 'ajv';
import type { AnyValidateFunction } from 'ajv/dist/types/index.js';
import { ajvOptions, createAjv } from '../../src/emit/validators/ajv-instance.js';
import type { ValidatorOptions } from '../../src/emit/validators/index.js';
import { assignAjvIds, pointerFragment, prepareSchemas } from '../../src/emit/validators/prepare-schemas.js';
import { chooseProtoStandIn } from '../../src/emit/validators/proto-stand-in.js';
import type { NamedType, TypeModel } from '../../src/model/index.js';
import type { ResolvedGraph } from '../../src/resolve/index.js';
import type { Dialect } from '../../src/schema/dialect.js';
import { dialectAt } from '../../src/schema/dialect-regions.js';
import type { AnyAjv } from '../../src/ajv/modules.js';
import { prototypeFreeProps } from './prototype-free-ajv.js';

/**
 * ajv compiling the run's schemas at run time, as our modules are compiled: one instance
 * per dialect (createAjv), refs inlined (native) within a dialect, and across dialects a
 * call to the other dialect's validator, which its own instance compiled. The oracle of
 * tests that compare our generated modules with ajv.
 */
export function runTimeValidators(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions, override: Options = {}): (type: NamedType) => AnyValidateFunction {
  const ids = assignAjvIds(graph.registry.documents);
  const protoStandIn = chooseProtoStandIn(graph.registry.documents, ids.values());
  const instances = new Map<Dialect, AnyAjv>();
  const byName = new Map(model.types.map((t) => [`validate${t.name}`, t]));
  const validators = { names: [...byName.keys()], callee: (name: string) => validatorOf(byName.get(name)!) };
  const instanceFor = (dialect: Dialect): AnyAjv => {
    let ajv = instances.get(dialect);
    if (!ajv) {
      const code = { ...ajvOptions(dialect, options, []).code, process: prototypeFreeProps };
      ajv = createAjv(graph, options, [], validators, { code, ...override }, dialect);
      const { documents, callers, diagnostics } = prepareSchemas(graph, model, ids, dialect, 'native', { protoStandIn, assumeTypes: options.assumeTypes });
      if (diagnostics.length > 0) throw new Error(`test setup: ${JSON.stringify(diagnostics)}`);
      ajv.addSchema([...documents.values(), ...callers.values()], undefined, undefined, false);
      instances.set(dialect, ajv);
    }
    return ajv;
  };
  const validatorOf = (type: NamedType): AnyValidateFunction => {
    const { doc, pointer } = type.location;
    const id = pointer === '' ? ids.get(doc)! : `${ids.get(doc)!}#${pointerFragment(pointer)}`;
    const validate = instanceFor(dialectAt(doc, pointer)).getSchema(id);
    if (!validate) throw new Error(`test setup: ajv has no schema ${id}`);
    return validate;
  };
  return validatorOf;
}
