/**
 * The PDF engine: printed and fillable worksheets, weekly packets, and the import of filled PDFs.
 * Runs in plain Node (no Electron): pdfkit to write, @cantoo/pdf-lib to read.
 */
export { renderWorksheet, renderPacket, renderHandout, renderMeasure } from './render';
export { PDF_MESSAGES, readFilledPdf, readPdfIdentity, type ReadExpectation, type ReadResult } from './read';
export { definitionHash } from './format';
export { FIELD_ROOT, IDENTITY_FIELD, fieldName, fieldPath } from './fields';
export {
  FILLABLE_FORMAT,
  type FillableIdentity,
  type HandoutJob,
  type MeasureJob,
  type PacketJob,
  type Paper,
  type PrintAssignment,
  type PrintIdentity,
  type PrintJob,
  type PrintOptions,
} from './types';
