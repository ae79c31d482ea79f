/** Outcome measures: definitions with sources, scoring, change. Pure; shared by core and renderer. */
export * from './types';
export * from './definitions';
export * from './scoring';
export * from './change';
export * from './caseload';
export * from './paper';
