// Our import rules, checked over src/ by `npm run lint`: no import cycles between files,
// and each part of the pipeline imports only the parts below it that it is allowed to
// (the architecture as data: a new dependency between folders is a deliberate edit here).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SHARED = ['schema', 'diagnostics', 'paths', 'hash', 'limits.ts'];

/** Which folders (or top-level files) of src/ each may import from, besides itself. */
export const MAY_IMPORT = {
  'config/generated': [],
  schema: [],
  paths: [],
  hash: [],
  runtime: [],
  diagnostics: ['schema'],
  'limits.ts': ['diagnostics'],
  ajv: ['schema'],
  // ajv checks a template set's manifest against its schema as it is read.
  load: [...SHARED, 'ajv'],
  resolve: [...SHARED, 'load', 'ajv'],
  model: [...SHARED, 'resolve', 'load'],
  emit: [...SHARED, 'model', 'resolve', 'load', 'ajv'],
  render: [...SHARED, 'emit', 'model', 'load'],
  // Only write writes, and it works on rendered files: how they were read is not its business.
  write: [...SHARED, 'render'],
  'options.ts': [...SHARED, 'config/generated', 'emit'],
  config: [...SHARED, 'config/generated', 'options.ts', 'load'],
  // Whether a run has anything to do, from the manifest's record: before anything heavy is loaded.
  'up-to-date': [...SHARED, 'options.ts', 'load', 'write'],
  // Every stage up to render; loaded only when the output is not already up to date.
  pipeline: [...SHARED, 'config/generated', 'options.ts', 'load', 'resolve', 'model', 'emit', 'render', 'up-to-date'],
  'index.ts': [...SHARED, 'config/generated', 'config', 'options.ts', 'load', 'pipeline', 'up-to-date', 'write', 'render'],
  // `templates check` checks a set as the render stage will.
  cli: [...SHARED, 'config/generated', 'config', 'options.ts', 'index.ts', 'load', 'emit', 'render'],
};

/** The part of src/ a file belongs to: `config/generated`, else its first folder, else the file itself. */
function partOf(file) {
  if (file.startsWith('config/generated/')) return 'config/generated';
  return file.split('/')[0];
}

/** Every import problem under `root` (a src/ folder): import cycles and imports the rules above do not allow. */
export function importProblems(root, rules = MAY_IMPORT) {
  const files = sourceFiles(root);
  const graph = new Map();
  const problems = [];
  for (const file of files) {
    const imports = importsOf(join(root, file)).map(({ name, typeOnly }) => ({
      target: relative(root, resolve(dirname(join(root, file)), name))
        .split(sep)
        .join('/')
        .replace(/\.js$/, file.endsWith('.ts') ? '.ts' : '.js'),
      typeOnly,
    }));
    const local = imports.map((i) => ({ ...i, target: files.includes(i.target) ? i.target : i.target.replace(/\.ts$/, '.d.ts') })).filter((i) => files.includes(i.target));
    // Only imports that load a module can form a cycle that matters: types are erased.
    graph.set(
      file,
      local.filter((i) => !i.typeOnly).map((i) => i.target),
    );
    const from = partOf(file);
    for (const { target } of local) {
      const to = partOf(target);
      if (to === from) continue;
      const allowed = rules[from];
      if (!allowed) problems.push(`${file}: src/${from} is not in the import rules (scripts/check-imports.js)`);
      else if (!allowed.includes(to)) problems.push(`${file} imports ${target}: src/${from} may not import from src/${to} (allowed: ${allowed.join(', ') || 'nothing'})`);
    }
  }
  for (const cycle of cyclesOf(graph)) problems.push(`import cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  return problems;
}

/** Relative imports and re-exports of a file (static and dynamic), each marked when it brings in types only. */
function importsOf(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ name: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push({ name: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ name: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((i) => i.name.startsWith('.'));
}

function isTypeOnly(node) {
  if (ts.isExportDeclaration(node))
    return (
      node.isTypeOnly || (node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly))
    );
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function sourceFiles(root) {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(sep).join('/'))
    .filter((name) => /\.(ts|js)$/.test(name) && statSync(join(root, name)).isFile())
    .sort();
}

/** The strongly connected groups of more than one file (Tarjan), each as one cycle through it. */
function cyclesOf(graph) {
  let index = 0;
  const indices = new Map();
  const lowest = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (file) => {
    indices.set(file, index);
    lowest.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file), lowest.get(next)));
      } else if (onStack.has(next)) {
        lowest.set(file, Math.min(lowest.get(file), indices.get(next)));
      }
    }
    if (lowest.get(file) !== indices.get(file)) return;
    const group = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(group.reverse());
  };
  for (const file of graph.keys()) if (!indices.has(file)) visit(file);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The folder to check: src/ (a test passes another).
  const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const problems = importProblems(root);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`check-imports: ${problems.length} problem(s)`);
    process.exit(1);
  }
}
