export * from './dto.ts';
export * from './permissions.ts';
export * from './run-events.ts';
export * from './authority.ts';
export * from './tasks.ts';
export * from './change-control.ts';
