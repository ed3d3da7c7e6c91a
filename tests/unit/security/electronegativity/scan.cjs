// Runs electronegativity's programmatic API over one folder and prints its findings as JSON.
// Usage: node --require ./offline-typescript4.cjs scan.cjs <folder> <electron version>
'use strict';
const run = require('@doyensec/electronegativity');

const [input, electronVersion] = process.argv.slice(2);
// Its i18n setup prints a line when the (stubbed) translation download fails; keep stdout JSON.
console.log = () => {};
run({
  input,
  output: undefined,
  isSarif: false,
  customScan: [],
  // The release list is fetched from GitHub; which Electron we ship is checked by its own test.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  severitySet: undefined,
  confidenceSet: undefined,
  isRelative: true,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
})
  .then((result) => {
    const issues = result.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, column: i.location.column, sample: i.sample, description: i.description }));
    process.stdout.write(JSON.stringify({ checks: result.atomicChecks + result.globalChecks, issues, errors: result.errors }));
  })
  .catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e));
    process.exit(1);
  });
