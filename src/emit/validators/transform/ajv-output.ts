import { parse, type Comment, type Identifier, type Node, type Program, type Property } from 'acorn';
import { UnexpectedAjvOutput } from './unexpected-output.js';

/** A node of the tree with where it hangs: its parent and the parent's field holding it. */
export interface NodeRef<N extends Node = Node> {
  node: N;
  parent: Node | undefined;
  /** The parent's field (`object`, `property`, `body`, …) that holds the node. */
  field: string;
}

/**
 * What an identifier is at its place: a `declaration` of a module-level binding, a
 * `binding` declared inside a function (a parameter, a local), or a `reference`.
 * Property names (`data.func2`), object keys (`{func2: 1}`) and labels are none of
 * these: they are not identifiers of bindings and are never renamed.
 */
export interface IdentifierUse {
  node: Identifier;
  role: 'declaration' | 'binding' | 'reference';
  /** Set when the identifier is the value of a shorthand property (`{instancePath}`). */
  shorthand?: Property;
}

/**
 * One standalone ajv output, parsed once. Every step reads this tree and records
 * edits by position (see CodeEdits); none re-parses text.
 */
export class AjvOutput {
  readonly program: Program;
  readonly comments: Comment[] = [];
  /** Every node in source order (pre-order), with its parent. */
  readonly nodes: NodeRef[] = [];
  readonly identifiers: IdentifierUse[] = [];
  /** Names declared at module level (`const x = …`, `function x(){}`) → their declaring identifier. */
  readonly moduleBindings = new Map<string, Identifier>();
  private readonly byType = new Map<string, NodeRef[]>();
  private readonly refs = new Map<Node, NodeRef>();

  constructor(readonly code: string) {
    try {
      this.program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', onComment: this.comments });
    } catch (error) {
      throw new UnexpectedAjvOutput('parse', `not a JavaScript module (${(error as Error).message})`);
    }
    this.index();
  }

  /** Nodes of one type, in source order. */
  ofType<N extends Node>(type: string): NodeRef<N>[] {
    return (this.byType.get(type) ?? []) as NodeRef<N>[];
  }

  text(node: { start: number; end: number }): string {
    return this.code.slice(node.start, node.end);
  }

  /** Iterative pre-order walk: deeply nested validators cannot overflow the stack. */
  private index(): void {
    const stack: NodeRef[] = [{ node: this.program, parent: undefined, field: '' }];
    const children: NodeRef[] = [];
    while (stack.length > 0) {
      const ref = stack.pop()!;
      const node = ref.node;
      this.nodes.push(ref);
      this.refs.set(node, ref);
      const list = this.byType.get(node.type);
      if (list) list.push(ref);
      else this.byType.set(node.type, [ref]);
      if (node.type === 'Identifier') {
        this.classify(ref as NodeRef<Identifier>);
        continue;
      }
      // Children are pushed last-first, so they come off the stack in order.
      children.length = 0;
      const fields = node as unknown as Record<string, unknown>;
      for (const field in fields) {
        if (SCALAR_FIELDS.has(field)) continue;
        const value = fields[field];
        if (Array.isArray(value)) {
          for (const item of value) if (isNode(item)) children.push({ node: item, parent: node, field });
        } else if (isNode(value)) {
          children.push({ node: value, parent: node, field });
        }
      }
      // Source order matters (names are numbered in order of use); sort only the rare node whose fields are not.
      for (let i = 1; i < children.length; i++) {
        if (children[i]!.node.start < children[i - 1]!.node.start) {
          children.sort((a, b) => a.node.start - b.node.start);
          break;
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }

  private classify(ref: NodeRef<Identifier>): void {
    const { node, parent, field } = ref;
    const p = parent as unknown as Record<string, unknown> & { type: string; computed?: boolean; shorthand?: boolean };
    if (!parent) return;
    // Names that are not bindings: property names, object keys, labels, meta properties.
    if ((p.type === 'MemberExpression' || p.type === 'PropertyDefinition' || p.type === 'MethodDefinition') && field === 'property' && !p.computed) return;
    if ((p.type === 'Property' || p.type === 'PropertyDefinition' || p.type === 'MethodDefinition') && field === 'key' && !p.computed) return;
    if (p.type === 'LabeledStatement' || p.type === 'BreakStatement' || p.type === 'ContinueStatement' || p.type === 'MetaProperty') return;
    if (p.type === 'ImportSpecifier' || p.type === 'ExportSpecifier' || p.type === 'ImportDefaultSpecifier' || p.type === 'ImportNamespaceSpecifier') {
      throw new UnexpectedAjvOutput('parse', `an import or export list (${this.text(parent)})`);
    }
    const role = this.bindingRole(ref);
    const use: IdentifierUse = { node, role };
    if (p.type === 'Property' && p.shorthand && field === 'value') use.shorthand = parent as Property;
    this.identifiers.push(use);
    if (role === 'declaration') {
      if (this.moduleBindings.has(node.name)) throw new UnexpectedAjvOutput('parse', `"${node.name}" is declared twice at module level`);
      this.moduleBindings.set(node.name, node);
    }
  }

  /** Whether an identifier declares a binding, and at which level; else it is a reference. */
  private bindingRole(ref: NodeRef<Identifier>): IdentifierUse['role'] {
    const { parent, field } = ref;
    if (!parent) return 'reference';
    const moduleLevel = (statement: Node | undefined) => statement !== undefined && this.isModuleStatement(statement);
    switch (parent.type) {
      case 'VariableDeclarator':
        if (field !== 'id') return 'reference';
        return moduleLevel(this.parentOf(parent)) ? 'declaration' : 'binding';
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
        if (field === 'id') return moduleLevel(parent) ? 'declaration' : 'binding';
        return field === 'params' ? 'binding' : 'reference';
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
        return field === 'id' || field === 'params' ? 'binding' : 'reference';
      case 'CatchClause':
        return field === 'param' ? 'binding' : 'reference';
      case 'AssignmentPattern':
      case 'RestElement':
      case 'ArrayPattern':
        return this.inPattern(ref) ? 'binding' : 'reference';
      case 'Property':
        return field === 'value' && this.inPattern(ref) ? 'binding' : 'reference';
      default:
        return 'reference';
    }
  }

  /**
   * Whether an identifier sits in a declaration's pattern (`{rootData=data}` declares
   * rootData; `data` there is a reference).
   */
  private inPattern(ref: NodeRef<Identifier>): boolean {
    let field = ref.field;
    let parent = ref.parent;
    while (parent) {
      if (parent.type === 'AssignmentPattern' && field === 'right') return false;
      if (parent.type === 'Property' && field === 'key') return false;
      if (parent.type === 'VariableDeclarator') return field === 'id';
      if (parent.type === 'CatchClause') return field === 'param';
      if (parent.type === 'FunctionDeclaration' || parent.type === 'FunctionExpression' || parent.type === 'ArrowFunctionExpression') return field === 'params';
      if (parent.type === 'AssignmentExpression' || parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') return false;
      if (!['ObjectPattern', 'ArrayPattern', 'AssignmentPattern', 'RestElement', 'Property'].includes(parent.type)) return false;
      const up = this.refOf(parent);
      field = up?.field ?? '';
      parent = up?.parent;
    }
    return false;
  }

  refOf(node: Node): NodeRef | undefined {
    return this.refs.get(node);
  }

  parentOf(node: Node): Node | undefined {
    return this.refOf(node)?.parent;
  }

  /** A statement directly in the module body (or the declaration of a module-level `export`). */
  isModuleStatement(statement: Node): boolean {
    const ref = this.refOf(statement);
    if (!ref?.parent) return false;
    if (ref.parent.type === 'Program') return true;
    return ref.parent.type === 'ExportNamedDeclaration' && this.refOf(ref.parent)?.parent?.type === 'Program';
  }
}

/** Fields of acorn's nodes that never hold nodes: skipped without a look. */
const SCALAR_FIELDS = new Set([
  'type',
  'start',
  'end',
  'loc',
  'range',
  'name',
  'raw',
  'regex',
  'bigint',
  'operator',
  'prefix',
  'computed',
  'optional',
  'method',
  'shorthand',
  'kind',
  'static',
  'async',
  'generator',
  'delegate',
  'directive',
  'sourceType',
  'tail',
]);

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string' && typeof (value as { start?: unknown }).start === 'number';
}
