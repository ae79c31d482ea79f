/** What the library feature offers the others. */
export { WorksheetPreview } from './WorksheetPreview';
// ---- drafts (issue 11)
export { draftNote } from './format';
