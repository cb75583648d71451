import { mountPlayground } from './mount.ts';

const root = document.getElementById('app');
if (root) mountPlayground(root);
