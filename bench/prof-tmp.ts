import { parse } from '@odot/parser';
const text = Array.from({ length: 1000 }, (_, i) => `A${i+1} .* B${i+1}`).join(' + ');
const text2 = Array.from({ length: 1000 }, (_, i) => `(A${i+1} - B${i+1})' .* C${i+1}^2`).join(' + ');
for (let i = 0; i < 30; i++) { parse(text); parse(text2); }
const t0 = performance.now();
for (let i = 0; i < 100; i++) { parse(text); parse(text2); }
console.log((performance.now() - t0) / 100, 'ms per pair');
