/** What the library feature offers the others. */
export { WorksheetPreview } from './WorksheetPreview';
