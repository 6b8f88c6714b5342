#!/usr/bin/env node
// Translates the neutral peer-benchmark workload (rules.js and facts.js of shared/bench-workload)
// into the form of each engine it is compared with, and computes the reference answer:
//
//   backrelief.yaml       a standalone backrelief rule file (load it with --no-default-rules -r)
//   profiles.jsonl        one backrelief --batch profile per line, in workload order
//   rule-names.json       backrelief rule id -> workload rule name
//   clips-rules.clp       CLIPS deftemplate and one defrule per workload rule
//   clips-profiles.fct    one CLIPS profile fact per line, in workload order
//   clips-driver.clp      reads clips-profiles.fct a line at a time: assert, run, reset; prints
//                         "N rule" for each rule fired for profile N, then "#elapsed SECONDS"
//   clips-one.clp         loads the rules, asserts the first profile, runs and exits (cold start)
//   jre-rules.json        json-rules-engine rules (one per workload rule, event type = rule name)
//   jre-facts.jsonl       one json-rules-engine fact object per line (the workload's own objects)
//   expected.txt          the reference: "N: rule rule ..." per profile (N from 1), fired rules in
//                         workload rule order, computed here straight from the neutral rules
//
// Usage: node translate.js [--workload DIR] [--count N] [--seed S] OUTDIR
// The CLIPS files name their inputs relatively: run clips from OUTDIR (cd OUTDIR; clips -f2 ...).
'use strict';
const fs = require('fs');
const path = require('path');

function usage(status) {
  (status ? process.stderr : process.stdout).write(
    'usage: node translate.js [--workload DIR] [--count N] [--seed S] OUTDIR\n' +
    '  --workload DIR  the workload with rules.js and facts.js (default /work/shared/bench-workload)\n' +
    '  --count N       how many profiles to generate (default 10000, as the workload)\n' +
    '  --seed S        the generator seed (default 42, as the workload)\n');
  process.exit(status);
}

let workload = '/work/shared/bench-workload';
let count = 10000;
let seed = 42;
let outDir = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const value = () => { if (i + 1 >= argv.length) usage(2); return argv[++i]; };
  if (a === '--workload') workload = value();
  else if (a === '--count') count = Number(value());
  else if (a === '--seed') seed = Number(value());
  else if (a === '-h' || a === '--help') usage(0);
  else if (a.startsWith('-')) { process.stderr.write(`translate.js: unknown option ${a}\n`); usage(2); }
  else if (outDir === null) outDir = a;
  else usage(2);
}
if (outDir === null) usage(2);
if (!Number.isInteger(count) || count < 1) { process.stderr.write('translate.js: --count must be a whole number >= 1\n'); process.exit(2); }

const die = (message) => { process.stderr.write(`translate.js: ${message}\n`); process.exit(1); };

const rules = require(path.resolve(workload, 'rules.js'));
const makeFacts = require(path.resolve(workload, 'facts.js'));
const profiles = makeFacts(count, seed);
fs.mkdirSync(outDir, { recursive: true });
const out = (name, text) => fs.writeFileSync(path.join(outDir, name), text);

// ---------------------------------------------------------------------------------------------
// The workload's vocabulary. Its fields and value sets are not declared anywhere, so they are
// collected from the rules and the profiles; a value met in neither is never tested or given.
const FIELDS = {
  pressure: 'symbol', location: 'symbol', painType: 'symbol',
  conditions: 'set', painLevel: 'number', age: 'number',
};
const values = { pressure: new Set(), location: new Set(), painType: new Set(), conditions: new Set() };
for (const r of rules) {
  for (const [field, op, v] of r.conds) {
    if (!(field in FIELDS)) die(`rule ${r.name}: unknown field '${field}'`);
    if (field in values) for (const x of Array.isArray(v) ? v : [v]) values[field].add(x);
  }
}
for (const p of profiles) {
  for (const field of Object.keys(FIELDS)) {
    if (!(field in p)) die(`a profile has no '${field}'`);
  }
  values.pressure.add(p.pressure); values.location.add(p.location); values.painType.add(p.painType);
  for (const c of p.conditions) values.conditions.add(c);
}

// ---------------------------------------------------------------------------------------------
// The reference semantics, straight from the README: every condition of a rule must hold.
function holds(profile, [field, op, v]) {
  const x = profile[field];
  switch (op) {
    case 'eq': return x === v;
    case 'in': return v.includes(x);
    case 'contains': return x.includes(v);
    case 'notContains': return !x.includes(v);
    case 'gte': return x >= v;
    case 'lte': return x <= v;
    default: die(`unknown operator '${op}'`);
  }
}
const expected = profiles.map((p, i) =>
  `${i + 1}:${rules.filter((r) => r.conds.every((c) => holds(p, c))).map((r) => ' ' + r.name).join('')}\n`);
out('expected.txt', expected.join(''));

// ---------------------------------------------------------------------------------------------
// backrelief
const dash = (s) => s.replace(/_/g, '-');
const techniqueIds = { deep_tissue: 'deep-tissue', swedish: 'swedish', neuromuscular: 'neuromuscular', myofascial: 'myofascial' };
// Workload pressures -> backrelief's: 'light' is an alias of 'low'; written as the id.
const pressureIds = { light: 'low', medium: 'medium', firm: 'firm' };
const areaId = (v) => dash(v);            // lower_back -> lower-back
const painTypeId = (v) => 'pain-' + dash(v); // knots -> pain-knots (kept apart from conditions)
const conditionId = (v) => dash(v);       // recent_injury -> recent-injury
const toPressure = (v) => pressureIds[v] || die(`unknown pressure '${v}'`);

for (const t of new Set(rules.map((r) => r.technique))) if (!techniqueIds[t]) die(`unknown technique '${t}'`);
{
  const ids = new Map();
  const claim = (id, what) => { if (ids.has(id)) die(`concept id '${id}' would mean both ${ids.get(id)} and ${what}`); ids.set(id, what); };
  for (const v of values.location) claim(areaId(v), `location ${v}`);
  for (const v of values.painType) claim(painTypeId(v), `painType ${v}`);
  for (const v of values.conditions) claim(conditionId(v), `condition ${v}`);
}

const q = (s) => JSON.stringify(String(s)); // a JSON string is a YAML double-quoted scalar
const list = (xs) => (xs.length === 1 ? xs[0] : `[${xs.join(', ')}]`);
const asArray = (v) => (Array.isArray(v) ? v : [v]);

// One workload condition -> one backrelief test, as YAML flow text, or null for a number
// comparison (these are gathered per field into one mapping).
function brTest(rule, [field, op, v]) {
  const set = (kind, idOf) => {
    if (op !== 'eq' && op !== 'in') die(`rule ${rule.name}: operator '${op}' on ${field}`);
    return `{${kind}: ${list(asArray(v).map(idOf))}}`;
  };
  switch (field) {
    case 'pressure': return set('pressure', toPressure);
    case 'location': return set('area', areaId);
    case 'painType': return set('condition', painTypeId);
    case 'conditions':
      if (op === 'contains') return `{condition: ${conditionId(v)}}`;
      if (op === 'notContains') return `{not: {condition: ${conditionId(v)}}}`;
      return die(`rule ${rule.name}: operator '${op}' on conditions`);
    case 'painLevel': case 'age':
      if (op !== 'gte' && op !== 'lte') die(`rule ${rule.name}: operator '${op}' on ${field}`);
      return null;
    default: return die(`rule ${rule.name}: field '${field}'`);
  }
}
const numberKey = { painLevel: 'intensity', age: 'age' };
const comparisonKey = { gte: 'at_least', lte: 'at_most' };
const wordsOf = {
  eq: 'is', in: 'is one of', contains: 'include', notContains: 'do not include', gte: 'is at least', lte: 'is at most',
};
const readable = (rule) => rule.conds.map(([f, op, v]) => `${f} ${wordsOf[op]} ${asArray(v).join('/')}`).join(', ');

const y = [];
y.push('# Generated by bench/peers/translate.js from the peer benchmark workload: do not edit.');
y.push('# Load it alone: backrelief recommend --no-default-rules -r backrelief.yaml');
y.push('version: 1');
y.push('');
y.push('techniques:');
const techniques = [
  ['deep-tissue', 'Deep tissue massage', 'Slow, firm strokes that reach the deeper layers of muscle.', '[medium, firm]'],
  ['swedish', 'Swedish massage', 'Long, gliding strokes and kneading with light to medium pressure.', '[low, medium]'],
  ['neuromuscular', 'Neuromuscular therapy', 'Focused pressure on trigger points and tight bands of muscle.', '[medium, firm]'],
  ['myofascial', 'Myofascial release', 'Gentle, sustained stretching and holds on the connective tissue.', '[low, medium]'],
];
for (const [id, name, summary, pressure] of techniques) {
  y.push(`  - id: ${id}`, `    name: ${q(name)}`, `    summary: ${q(summary)}`, `    pressure: ${pressure}`);
}
y.push('');
y.push('concepts:');
const concept = (id, kind, name) => y.push(`  - id: ${id}`, `    kind: ${kind}`, `    name: ${q(name)}`);
for (const v of values.location) concept(areaId(v), 'area', v.replace(/_/g, ' '));
// The workload's painType is one value per profile; backrelief has no field of that shape that an
// option or a batch line can set, so each value is a condition (given with the person's conditions).
for (const v of values.painType) concept(painTypeId(v), "condition", `pain type: ${v.replace(/_/g, " ")}`);
for (const v of values.conditions) concept(conditionId(v), 'condition', v.replace(/_/g, ' '));
y.push('');
y.push('rules:');
for (const r of rules) {
  y.push(`  - id: ${dash(r.name)}`);
  y.push('    when:');
  const numbers = {};
  for (const c of r.conds) {
    const t = brTest(r, c);
    if (t !== null) { y.push(`      - ${t}`); continue; }
    const key = numberKey[c[0]];
    numbers[key] = numbers[key] || {};
    if (comparisonKey[c[1]] in numbers[key]) die(`rule ${r.name}: two '${c[1]}' on ${c[0]}`);
    numbers[key][comparisonKey[c[1]]] = c[2];
  }
  for (const [key, cmp] of Object.entries(numbers)) {
    y.push(`      - {${key}: {${Object.entries(cmp).map(([k, v]) => `${k}: ${v}`).join(', ')}}}`);
  }
  y.push(`    score: {${techniqueIds[r.technique]}: ${r.score}}`);
  y.push(`    because: ${q(`Peer benchmark rule ${r.name}: ${readable(r)}.`)}`);
  y.push(`    source: ${q(`shared/bench-workload/rules.js, rule ${r.name}`)}`);
}
out('backrelief.yaml', y.join('\n') + '\n');
out('rule-names.json', JSON.stringify(Object.fromEntries(rules.map((r) => [dash(r.name), r.name])), null, 2) + '\n');

// profiles.jsonl: keys as --batch reads them. Every profile has exactly one location and one painType.
out('profiles.jsonl', profiles.map((p) => JSON.stringify({
  pressure: toPressure(p.pressure),
  areas: [areaId(p.location)],
  conditions: [painTypeId(p.painType), ...p.conditions.map(conditionId)],
  age: p.age,
  intensity: p.painLevel,
})).join('\n') + '\n');

// ---------------------------------------------------------------------------------------------
// CLIPS 6.30
const sym = (v) => {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(v)) die(`'${v}' is not a plain CLIPS symbol`);
  return v;
};
function clipsTest(rule, [field, op, v], vars) {
  switch (op) {
    case 'eq': return `(${field} ${sym(v)})`;
    case 'in': return `(${field} ?${field}&${v.map(sym).join('|')})`;
    case 'contains': return `(${field} $? ${sym(v)} $?)`;
    case 'notContains': {
      const name = `?c${vars.n++}`;
      return `(${field} $${name}&:(not (member$ ${sym(v)} $${name})))`;
    }
    case 'gte': case 'lte': {
      const name = `?n${vars.n++}`;
      return `(${field} ${name}&:(${op === 'gte' ? '>=' : '<='} ${name} ${Number(v)}))`;
    }
    default: return die(`rule ${rule.name}: operator '${op}'`);
  }
}
const c = [];
c.push(';; Generated by bench/peers/translate.js from the peer benchmark workload: do not edit.');
c.push('(deftemplate profile');
c.push('  (slot id (type INTEGER))');
c.push('  (slot pressure (type SYMBOL))');
c.push('  (slot location (type SYMBOL))');
c.push('  (slot painType (type SYMBOL))');
c.push('  (multislot conditions (type SYMBOL))');
c.push('  (slot painLevel (type INTEGER))');
c.push('  (slot age (type INTEGER)))');
for (const r of rules) {
  const vars = { n: 0 };
  // One pattern on the profile fact. A slot may appear only once in a pattern, so two tests of
  // one slot (painLevel 2 to 6; post_surgery without recent_injury) become one predicate.
  const bySlot = new Map();
  for (const cond of r.conds) {
    const t = clipsTest(r, cond, vars);
    const inner = t.slice(cond[0].length + 2, -1); // the constraint after "(slot "
    if (!bySlot.has(cond[0])) bySlot.set(cond[0], []);
    bySlot.get(cond[0]).push({ cond, inner });
  }
  const slots = [];
  for (const [field, tests] of bySlot) {
    if (tests.length === 1) { slots.push(`(${field} ${tests[0].inner})`); continue; }
    // Several tests on one slot: bind it once and test each with a predicate constraint.
    const multi = FIELDS[field] === 'set';
    const name = `${multi ? '$' : ''}?v${vars.n++}`;
    const preds = tests.map(({ cond: [, op, v] }) => {
      switch (op) {
        case 'contains': return `(member$ ${sym(v)} ${name})`;
        case 'notContains': return `(not (member$ ${sym(v)} ${name}))`;
        case 'gte': return `(>= ${name} ${Number(v)})`;
        case 'lte': return `(<= ${name} ${Number(v)})`;
        case 'eq': return `(eq ${name} ${sym(v)})`;
        case 'in': return `(or ${v.map((x) => `(eq ${name} ${sym(x)})`).join(' ')})`;
        default: return die(`rule ${r.name}: operator '${op}'`);
      }
    });
    slots.push(`(${field} ${name}&:(and ${preds.join(' ')}))`);
  }
  c.push(`(defrule ${sym(r.name)}`);
  c.push(`  (profile (id ?id) ${slots.join(' ')})`);
  c.push('  =>');
  c.push(`  (printout t ?id " ${r.name}" crlf))`);
}
out('clips-rules.clp', c.join('\n') + '\n');
const clipsFact = (p, i) =>
  `(profile (id ${i + 1}) (pressure ${sym(p.pressure)}) (location ${sym(p.location)}) (painType ${sym(p.painType)}) ` +
  `(conditions${p.conditions.map((x) => ' ' + sym(x)).join('')}) (painLevel ${p.painLevel}) (age ${p.age}))`;
out('clips-profiles.fct', profiles.map(clipsFact).join('\n') + '\n');
out('clips-driver.clp', [
  ';; Generated by bench/peers/translate.js. Run from its directory: clips -f2 clips-driver.clp < /dev/null',
  ';; For each line of clips-profiles.fct: assert it, run the rules, reset. Prints "N rule" per rule',
  ';; fired for profile N, then "#elapsed SECONDS" (reading, asserting, running and resetting all of them).',
  '(load* "clips-rules.clp")',
  '(deffunction run-profiles (?path)',
  '  (if (not (open ?path profiles "r")) then',
  '    (printout t "#error cannot open " ?path crlf)',
  '    (return))',
  '  (bind ?t0 (time))',
  '  (bind ?line (readline profiles))',
  '  (while (neq ?line EOF) do',
  '    (assert-string ?line)',
  '    (run)',
  '    (reset)',
  '    (bind ?line (readline profiles)))',
  '  (close profiles)',
  '  (printout t "#elapsed " (- (time) ?t0) crlf))',
  '(run-profiles "clips-profiles.fct")',
  '(exit)',
  '',
].join('\n'));
out('clips-one.clp', [
  ';; Generated by bench/peers/translate.js. Cold start: load the rules, run the first profile, exit.',
  '(load* "clips-rules.clp")',
  `(assert ${clipsFact(profiles[0], 0)})`,
  '(run)',
  '(exit)',
  '',
].join('\n'));

// ---------------------------------------------------------------------------------------------
// json-rules-engine 7.3.1
const jreOperator = {
  eq: 'equal', in: 'in', contains: 'contains', notContains: 'doesNotContain',
  gte: 'greaterThanInclusive', lte: 'lessThanInclusive',
};
out('jre-rules.json', JSON.stringify(rules.map((r) => ({
  name: r.name,
  conditions: { all: r.conds.map(([fact, op, value]) => ({ fact, operator: jreOperator[op] || die(`operator '${op}'`), value })) },
  event: { type: r.name, params: { technique: r.technique, score: r.score } },
})), null, 2) + '\n');
out('jre-facts.jsonl', profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');

const fired = expected.reduce((n, line) => n + line.split(' ').length - 1, 0);
process.stdout.write(`translate.js: ${rules.length} rules, ${profiles.length} profiles, ${fired} rule firings expected; wrote ${outDir}\n`);
