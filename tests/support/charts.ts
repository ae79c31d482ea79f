import type { MeasureScale } from '../../shared/charts';

/** PHQ-9 as issue 9 gives it (bands, caseness 10, reliable change 6): a fixture for chart tests. */
export const PHQ9_SCALE: MeasureScale = {
  name: 'PHQ-9',
  min: 0,
  max: 27,
  bands: [
    { from: 0, to: 4, label: 'Minimal' },
    { from: 5, to: 9, label: 'Mild' },
    { from: 10, to: 14, label: 'Moderate' },
    { from: 15, to: 19, label: 'Moderately severe' },
    { from: 20, to: 27, label: 'Severe' },
  ],
  caseness: 10,
  reliableChange: 6,
};
