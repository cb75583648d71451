// Precompiles the law catalogue: parses every law's text once, at build time, into
// src/laws/parsed.generated.ts, so loading @odot/rewrite does not run the parser over the catalogue
// (issue 17: CLI start-up). `laws/precompiled.test.ts` fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LAW_FAMILIES } from '../src/laws/families.ts';
import { precompiledModule } from './precompiled-module.ts';

const target = fileURLToPath(new URL('../src/laws/parsed.generated.ts', import.meta.url));
writeFileSync(target, precompiledModule(LAW_FAMILIES.flatMap(([, specs]) => specs)));
