// `npm run bench [-- name…]`: runs the named benchmarks (default: startup). Each prints its
// figures; copy them into docs/benchmarks.md with the machine and date.
const available = [
  'startup',
  'registry-search',
  'registry-import',
  'rule-preview',
  'bulk-approval',
  'cycle-generation',
  'bank-file',
  'reports',
];
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['startup'];
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`Unknown benchmark ${name}; available: ${available.join(', ')}`);
    process.exit(1);
  }
  console.info(`\n## ${name}`);
  await import(`./${name}.ts`);
}
