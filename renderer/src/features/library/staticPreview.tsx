/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { renderToStaticMarkup } from 'react-dom/server';
import { previewIsLandscape, WorksheetPreviewMarkup, type WorksheetPreviewProps } from './WorksheetPreviewMarkup';

/**
 * A complete HTML page holding one worksheet preview, for printing outside the app (a benchmark
 * or a print job that loads it in Chromium and calls page.pdf()). Not imported by the app.
 *
 * `css` is the text of preview.css; the caller reads it (e.g. with fs in Node) and it is inlined,
 * so the page needs nothing else. This module imports no CSS, so plain Node (tsx) can load it.
 */
export function renderPreviewDocument(props: WorksheetPreviewProps, css: string, opts: { lang?: string } = {}): string {
  // The first page's size and margins match the preview's own named page (preview.css), so
  // that Chromium lays the content out for the paper it prints on.
  const landscape = previewIsLandscape(props.definition, props.largePrint);
  const page = [
    'html,body{margin:0;background:#fff}',
    '@media screen{body{background:#f6f6f3;padding:24px}}',
    landscape ? '@page{size:A4 landscape;margin:12mm 14mm 14mm}' : '@page{size:A4 portrait;margin:14mm 15mm 16mm}',
  ].join('');
  const markup = renderToStaticMarkup(
    <html lang={opts.lang ?? 'en'}>
      <head>
        <meta charSet="utf-8" />
        <title>{props.definition.title || 'Worksheet'}</title>
        <style dangerouslySetInnerHTML={{ __html: `${page}\n${css}` }} />
      </head>
      <body>
        <WorksheetPreviewMarkup headingLevel={1} {...props} />
      </body>
    </html>,
  );
  return `<!doctype html>${markup}`;
}

/** Just the preview's markup (no page around it), for embedding in a page of one's own. */
export function renderPreviewMarkup(props: WorksheetPreviewProps): string {
  return renderToStaticMarkup(<WorksheetPreviewMarkup {...props} />);
}
