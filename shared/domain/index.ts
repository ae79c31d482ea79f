export * from './fields';
export * from './clients';
export * from './library';
export * from './assignments';
export * from './sessions';
export * from './practice';
export * from './handout';
