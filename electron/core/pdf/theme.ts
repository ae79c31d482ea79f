import { LARGE_PRINT_SCALE, PAGE_MARGIN_X } from '../../../shared/worksheet';

export const COLOURS = {
  text: '#1f2933',
  muted: '#52606d',
  accent: '#2b6a8c',
  accentTint: '#eaf2f7',
  rule: '#9aa5b1',
  box: '#7b8794',
  faint: '#d3d9df',
  headerFill: '#eef2f5',
} as const;

/** Every size the layout uses, in points. Large print scales type and writing space by LARGE_PRINT_SCALE (1.4). */
export interface Theme {
  scale: number;
  margin: { x: number; top: number; bottom: number };
  title: number;
  heading: number;
  body: number;
  label: number;
  help: number;
  small: number;
  footer: number;
  metaValue: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  /** Distance between ruled writing lines. */
  writeLine: number;
  /** Height of a one-line answer box. */
  box: number;
  /** Table rows: with a text column, and with only short entries. */
  rowText: number;
  rowShort: number;
  /** Check box side. */
  check: number;
  blockGap: number;
  pad: number;
}

export function themeFor(largePrint: boolean): Theme {
  const s = largePrint ? LARGE_PRINT_SCALE : 1;
  return {
    scale: s,
    margin: { x: PAGE_MARGIN_X, top: 46, bottom: 58 },
    title: 20 * s,
    heading: 12.5 * s,
    body: 11 * s,
    label: 11.5 * s,
    help: 10 * s,
    small: 10 * s,
    footer: largePrint ? 12 : 9,
    metaValue: 12 * s,
    leading: 1.32,
    writeLine: 25 * s,
    box: 26 * s,
    rowText: 46 * s,
    rowShort: 27 * s,
    check: 11 * s,
    blockGap: 18 * s,
    pad: 4 * s,
  };
}
