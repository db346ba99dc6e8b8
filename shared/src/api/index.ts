export * from './dto.ts';
export * from './run-events.ts';
