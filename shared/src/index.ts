export * from './api/index.ts';
export * from './errors/index.ts';
export * from './expression/index.ts';
export * from './graph/index.ts';
export * from './money/index.ts';
export * from './node/index.ts';
export * from './audit/index.ts';
export * from './lint/index.ts';
