import type { Step } from '../transform/context.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'counted-names';

/** ajv names module-level values by a prefix and an instance-wide counter: `schema31`, `func2`, `validate20`. */
const COUNTED_NAME = /^([A-Za-z]+)(\d+)$/;

/**
 * Counters shared by a whole ajv instance would make each module's names depend on what
 * was compiled before it (and on the cache). Each module-level binding ajv declared is
 * renumbered per module and prefix, in order of first use, or takes the fixed name a
 * step gave it; its references follow. Only those bindings are renamed: property names
 * (`data.func2`), object keys and strings are not identifiers of bindings and never
 * change. A local that shadows a renamed binding, or a new name that collides with
 * another, stops the run: the renaming would not be sound.
 */
export const countedNames: Step = {
  name: NAME,
  run({ ajv, edits, renames }) {
    const bindings = ajv.moduleBindings;
    for (const name of renames.keys()) if (!bindings.has(name)) throw new UnexpectedAjvOutput(NAME, `"${name}" is renamed but not declared at module level`);
    const counters = new Map<string, number>();
    const finalName = new Map<string, string>();
    const otherNames = new Set<string>();
    const survivors: typeof ajv.identifiers = [];
    for (const use of ajv.identifiers) {
      const { name } = use.node;
      if (!bindings.has(name)) {
        if (!edits.covering(use.node.start, use.node.end)) otherNames.add(name);
        continue;
      }
      if (use.role === 'binding') throw new UnexpectedAjvOutput(NAME, `a local "${name}" shadows the module-level binding of that name`);
      const covered = edits.covering(use.node.start, use.node.end);
      if (covered) {
        if (covered.text !== '' && (renames.get(name) ?? name) !== name) throw new UnexpectedAjvOutput(NAME, `"${name}" is inside code that step ${covered.step} rewrote`);
        continue; // removed with its statement
      }
      if (!finalName.has(name)) {
        const fixed = renames.get(name);
        if (fixed !== undefined) finalName.set(name, fixed);
        else {
          const counted = COUNTED_NAME.exec(name);
          if (!counted) throw new UnexpectedAjvOutput(NAME, `a module-level binding "${name}" without a counter`);
          const next = counters.get(counted[1]!) ?? 0;
          counters.set(counted[1]!, next + 1);
          finalName.set(name, `${counted[1]}${next}`);
        }
      }
      survivors.push(use);
    }
    // Two bindings that steps gave the same fixed name are aliases of one thing (a helper
    // required twice, the alias of the module's own validator): no collision.
    const taken = new Map<string, string>();
    for (const [name, renamed] of finalName) {
      const clash = taken.get(renamed) ?? (otherNames.has(renamed) ? 'a name the code uses' : undefined);
      if (clash !== undefined && !(renames.get(name) === renamed && renames.get(clash) === renamed)) {
        throw new UnexpectedAjvOutput(NAME, `renaming "${name}" to "${renamed}" collides with ${clash}`);
      }
      taken.set(renamed, name);
    }
    for (const use of survivors) {
      const renamed = finalName.get(use.node.name)!;
      if (renamed === use.node.name) continue;
      if (use.shorthand) edits.replace(use.shorthand.start, use.shorthand.end, `${use.node.name}: ${renamed}`, NAME);
      else edits.replace(use.node.start, use.node.end, renamed, NAME);
    }
  },
};
