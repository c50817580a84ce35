import type { SchemaLocation } from '../resolve/index.js';
import { isSmallType } from './type-size.js';
import type { TypeExpr } from './type-expr.js';

/** Built: repeated in place (`inline`) or declared once and referenced (`declared`). */
export type SharedDecision = { kind: 'inline'; body: TypeExpr } | { kind: 'declared'; body: TypeExpr };
type Decision = { kind: 'building' } | SharedDecision;

/** A subschema that became a named type of its own because more than one place prints it. */
export interface SharedDeclaration {
  key: string;
  location: SchemaLocation;
  body: TypeExpr;
}

/**
 * What became of each subschema that more than one place prints: built once, then
 * repeated inline when its type is small (`string`, `"a" | "b"`, a name), else declared
 * once and referenced everywhere. Recursion through such a subschema always declares it.
 */
export class SharedTypes {
  private readonly decisions = new Map<string, Decision>();
  /** Keys whose type refers to themselves: they must be declared whatever their size. */
  private readonly recursive = new Set<string>();
  private readonly declarations = new Map<string, SharedDeclaration>();

  /** `keys`: the subschemas `sharedSubschemas` found to be printed in more than one place. */
  constructor(private readonly keys: ReadonlySet<string>) {}

  isShared(key: string): boolean {
    return this.keys.has(key);
  }

  decisionOf(key: string): Decision | undefined {
    return this.decisions.get(key);
  }

  startBuilding(key: string): void {
    this.decisions.set(key, { kind: 'building' });
  }

  /** A reference to `key` was made while its own type is being built. */
  markRecursive(key: string): void {
    this.recursive.add(key);
  }

  finishBuilding(key: string, location: SchemaLocation, body: TypeExpr): SharedDecision {
    const decision: SharedDecision = isSmallType(body) && !this.recursive.has(key) ? { kind: 'inline', body } : { kind: 'declared', body };
    this.decisions.set(key, decision);
    if (decision.kind === 'declared') this.declarations.set(key, { key, location, body });
    return decision;
  }

  /** Declare `location` (not found shared up front, but repeated by its parent) with the type already built for it. */
  declare(key: string, location: SchemaLocation, body: TypeExpr): void {
    if (!this.declarations.has(key)) this.declarations.set(key, { key, location, body });
    this.decisions.set(key, { kind: 'declared', body: this.declarations.get(key)!.body });
  }

  /** Every declaration made, in the order made (deterministic for the same inputs). */
  declared(): SharedDeclaration[] {
    return [...this.declarations.values()];
  }
}
