// The standalone playground bundles KaTeX's stylesheet (the docs site loads it on demand instead).
import 'katex/dist/katex.min.css';
import { mountPlayground } from './mount.ts';

const root = document.getElementById('app');
if (root) mountPlayground(root);
