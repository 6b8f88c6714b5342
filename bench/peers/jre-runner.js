#!/usr/bin/env node
// Runs the workload through json-rules-engine, one evaluation (engine.run) per profile, the way
// an application would call it for each person.
//
// Usage: node jre-runner.js [--time] [--limit N] DIR
//   DIR holds jre-rules.json and jre-facts.jsonl, as bench/peers/translate.js writes them.
//   Without --time: prints "N: rule rule ..." for each profile N (from 1), the fired rules in
//   the order of jre-rules.json, as in translate.js's expected.txt.
//   With --time: prints nothing per profile, and one line of JSON at the end:
//   {"module_load_ms", "setup_ms", "profiles", "run_ms", "us_per_evaluation", "engine"}
//   --limit N: only the first N profiles (--limit 1 for a one-profile process).
// json-rules-engine is looked up beside this script (npm install --prefix bench/peers) and then
// on the usual module path; when it is missing, the runner exits with status 3 and says so.
'use strict';
const t0 = process.hrtime.bigint();
const fs = require('fs');
const path = require('path');

let timeMode = false;
let limit = Infinity;
let dir = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--time') timeMode = true;
  else if (argv[i] === '--limit' && i + 1 < argv.length) limit = Number(argv[++i]);
  else if (dir === null && !argv[i].startsWith('-')) dir = argv[i];
  else { process.stderr.write('usage: node jre-runner.js [--time] [--limit N] DIR\n'); process.exit(2); }
}
if (dir === null) { process.stderr.write('usage: node jre-runner.js [--time] [--limit N] DIR\n'); process.exit(2); }

let jre;
const tLoad0 = process.hrtime.bigint();
try {
  jre = require(require.resolve('json-rules-engine', { paths: [__dirname, process.cwd()] }));
} catch (e) {
  process.stderr.write(`jre-runner.js: json-rules-engine is not installed (${e.code || e.message}); ` +
    'install it with: npm install --prefix bench/peers\n');
  process.exit(3);
}
const tLoad1 = process.hrtime.bigint();
let version = 'unknown';
try {
  version = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('json-rules-engine/package.json',
    { paths: [__dirname, process.cwd()] })), 'package.json'), 'utf8')).version;
} catch (e) { /* the version is only reported */ }

async function main() {
  const rules = JSON.parse(fs.readFileSync(path.join(dir, 'jre-rules.json'), 'utf8'));
  const lines = fs.readFileSync(path.join(dir, 'jre-facts.jsonl'), 'utf8').split('\n').filter((l) => l.length);
  const facts = lines.slice(0, Math.min(limit, lines.length)).map((l) => JSON.parse(l));
  const engine = new jre.Engine(rules);
  const order = new Map(rules.map((r, i) => [r.name, i]));
  const tSetup = process.hrtime.bigint();

  const out = [];
  const tRun0 = process.hrtime.bigint();
  for (let i = 0; i < facts.length; i++) {
    // A copy, as an application would pass a fresh object; engine.run does not keep it.
    const { events } = await engine.run({ ...facts[i] });
    if (!timeMode) {
      const names = events.map((e) => e.type).sort((a, b) => order.get(a) - order.get(b));
      out.push(`${i + 1}:${names.map((n) => ' ' + n).join('')}\n`);
    }
  }
  const tRun1 = process.hrtime.bigint();
  if (!timeMode) { process.stdout.write(out.join('')); return; }
  const ms = (a, b) => Number(b - a) / 1e6;
  process.stdout.write(JSON.stringify({
    engine: `json-rules-engine ${version}`,
    module_load_ms: ms(tLoad0, tLoad1),
    setup_ms: ms(t0, tSetup),
    profiles: facts.length,
    run_ms: ms(tRun0, tRun1),
    us_per_evaluation: (ms(tRun0, tRun1) * 1000) / facts.length,
  }) + '\n');
}
main().catch((e) => { process.stderr.write(`jre-runner.js: ${e.stack || e}\n`); process.exit(1); });
