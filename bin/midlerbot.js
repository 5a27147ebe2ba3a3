#!/usr/bin/env node
// The `midlerbot` command. In a checkout with the dev dependencies it runs the TypeScript sources
// through tsx (always current, no build needed); in a production install (the container image, no
// tsx) it runs the compiled CLI from dist/.
let main;
let tsx;
try {
  tsx = import.meta.resolve('tsx/esm/api');
} catch {
  tsx = undefined;
}
if (tsx) {
  const { register } = await import(tsx);
  register();
  ({ main } = await import('../src/cli/main.ts'));
} else {
  ({ main } = await import('../dist/src/cli/main.js'));
}
await main(process.argv.slice(2));
