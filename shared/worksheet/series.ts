import type { Scale, WorksheetDefinition } from './schema';

/** One chartable series of a worksheet: every numeric answer is one. */
export interface Series {
  /** Path into the answers: block ID, then column/item ID (or 'rating' for ladder steps). */
  key: string;
  blockId: string;
  part?: string;
  label: string;
  unit?: string;
  scale?: Scale;
}

export function seriesOf(def: WorksheetDefinition): Series[] {
  const out: Series[] = [];
  for (const b of def.blocks) {
    switch (b.type) {
      case 'number':
        out.push({ key: b.id, blockId: b.id, label: b.label, ...(b.unit ? { unit: b.unit } : {}) });
        break;
      case 'duration':
        out.push({ key: b.id, blockId: b.id, label: b.label, unit: 'min' });
        break;
      case 'rating':
        out.push({ key: b.id, blockId: b.id, label: b.label, scale: b.scale, ...(b.scale.unit ? { unit: b.scale.unit } : {}) });
        break;
      case 'table':
        for (const c of b.columns) {
          if (c.kind === 'number' || c.kind === 'rating') {
            out.push({
              key: `${b.id}.${c.id}`,
              blockId: b.id,
              part: c.id,
              label: `${b.label}: ${c.label}`,
              ...(c.unit ? { unit: c.unit } : {}),
              ...(c.scale ? { scale: c.scale } : {}),
            });
          }
        }
        break;
      case 'dailyGrid':
        for (const it of b.items) {
          if (it.kind === 'number' || it.kind === 'rating') {
            out.push({
              key: `${b.id}.${it.id}`,
              blockId: b.id,
              part: it.id,
              label: `${b.label}: ${it.label}`,
              ...(it.unit ? { unit: it.unit } : {}),
              ...(it.scale ? { scale: it.scale } : {}),
            });
          }
        }
        break;
      case 'hierarchy':
        out.push({ key: `${b.id}.rating`, blockId: b.id, part: 'rating', label: `${b.label}: rating`, scale: b.scale });
        break;
      default:
        break;
    }
  }
  return out;
}
