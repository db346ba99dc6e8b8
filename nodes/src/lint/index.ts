export { lintGraph } from './lint-graph.ts';
