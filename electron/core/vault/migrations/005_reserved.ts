import type { Migration } from './index';

/**
 * PLACEHOLDER on the `tailor` branch only: schema version 5 is reserved for the measures work
 * (005_measures). When the branches meet, this file is replaced by that migration.
 */
export const m005: Migration = {
  version: 5,
  name: 'reserved-measures',
  up() {},
};
