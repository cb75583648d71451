// Runs before nearleyc, which cannot create the (git-ignored) output directory itself.
import { mkdirSync } from 'node:fs';

mkdirSync(new URL('../src/generated/', import.meta.url), { recursive: true });
