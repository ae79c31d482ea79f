export * from './schema';
export * from './answers';
export * from './series';
export * from './presentation';
export * from './display';
export * from './prefill';
export * from './compare';
export * from './draft';
