#!/usr/bin/env node
// The `layani` command. LAYANI is written in TypeScript and runs through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
