import './preview.css';
import { WorksheetPreviewMarkup, type WorksheetPreviewProps } from './WorksheetPreviewMarkup';

export { previewIsLandscape, type WorksheetPreviewProps } from './WorksheetPreviewMarkup';

/**
 * The worksheet as the client will see it on paper (see WorksheetPreviewMarkup). A pure
 * component: to render it outside the app, use renderPreviewDocument in staticPreview.tsx.
 */
export function WorksheetPreview(props: WorksheetPreviewProps) {
  return <WorksheetPreviewMarkup {...props} />;
}
