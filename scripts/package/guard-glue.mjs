// Adds two checks to wasm-bindgen's generated glue (pkg/flowlab.js), which the core cannot make
// itself because they happen before any Rust code runs:
// - every method of an exported class checks its `this`: an object of another class (a method
//   taken from one prototype and called on another instance) would hand the core a pointer of the
//   wrong type, and a freed instance a null one;
// - every class argument (`_assertClass`) says which function and argument it belongs to, and a
//   freed instance is refused there too.
// The errors read "FlowModel.train_step: this is not a live FlowModel" and
// "hutchinson_study: model: expected a live FlowModel". Idempotent; fails loudly if the glue's
// shape changes so that nothing is guarded.
//
//   node scripts/package/guard-glue.mjs pkg/flowlab.js
import { readFileSync, writeFileSync } from 'node:fs';

const MARK = '// guarded by scripts/package/guard-glue.mjs';
const HELPERS = `
${MARK}
function _guardThis(self, klass, name, live = true) {
    if (!(self instanceof klass) || (live && !self.__wbg_ptr)) {
        throw new Error(\`\${name}: this is not a live \${klass.name}\`);
    }
}
`;

/** The glue with the checks added; `counts` of guarded methods and class arguments. */
export function guard(source) {
  if (source.includes(MARK)) return { text: source, methods: 0, argumentChecks: 0 };
  const lines = source.split('\n');
  const out = [];
  let klass = null; // the exported class being read
  let within = null; // the function or method being read, for _assertClass's message
  let methods = 0;
  let argumentChecks = 0;
  for (const line of lines) {
    const classStart = /^export class (\w+) \{$/.exec(line);
    if (classStart) klass = classStart[1];
    else if (line === '}') klass = null;
    const fn = /^export function (\w+)\(/.exec(line);
    if (fn) within = fn[1];
    const method = klass && /^ {4}(static )?(\w+)\((.*)\) \{$/.exec(line);
    if (method) within = `${klass}.${method[2]}`;
    const assert = /^(\s*)_assertClass\((\w+), (\w+)\);$/.exec(line);
    if (assert) {
      out.push(`${assert[1]}_assertClass(${assert[2]}, ${assert[3]}, '${within}: ${assert[2]}');`);
      argumentChecks++;
      continue;
    }
    out.push(line);
    if (method && !method[1] && !['constructor', '__destroy_into_raw'].includes(method[2])) {
      // free() of a freed instance stays a no-op; of another class's object, an error.
      const live = method[2] === 'free' ? ', false' : '';
      out.push(`        _guardThis(this, ${klass}, '${klass}.${method[2]}'${live});`);
      methods++;
    }
  }
  let text = out.join('\n');
  const before = text;
  text = text.replace(
    /function _assertClass\(instance, klass\) \{\n\s*if \(!\(instance instanceof klass\)\) \{\n\s*throw new Error\(`expected instance of \$\{klass\.name\}`\);\n\s*\}\n\}/,
    [
      'function _assertClass(instance, klass, name) {',
      '    if (!(instance instanceof klass) || !instance.__wbg_ptr) {',
      '        throw new Error(`${name}: expected a live ${klass.name}`);',
      '    }',
      '}',
    ].join('\n'),
  );
  if (methods === 0 || (argumentChecks > 0 && text === before)) {
    throw new Error('guard-glue: the generated glue no longer has the expected shape');
  }
  return { text: text + HELPERS, methods, argumentChecks };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const { text, methods, argumentChecks } = guard(readFileSync(file, 'utf8'));
  writeFileSync(file, text);
  console.error(`guard-glue: ${methods} methods and ${argumentChecks} class arguments checked in ${file}`);
}
