#!/usr/bin/env node
// HàiLòng command line. The sources are TypeScript run through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli.ts');
