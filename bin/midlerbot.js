#!/usr/bin/env node
// The `midlerbot` command. The CLI is TypeScript run by tsx, so register tsx's ESM loader first.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv.slice(2));
