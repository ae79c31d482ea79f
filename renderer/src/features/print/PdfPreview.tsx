import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import './print.css';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * The pages exactly as the PDF engine made them, drawn with pdf.js (no eval, fonts are embedded
 * in our PDFs so nothing is fetched). Each page is a labelled image for screen readers.
 */
export function PdfPreview({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let doc: PDFDocumentProxy | null = null;
    const el = host.current;
    if (!el) return;
    el.replaceChildren();
    setError(null);
    const task = getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: false, useSystemFonts: false });
    task.promise
      .then(async (d) => {
        doc = d;
        if (cancelled) return;
        setPages(d.numPages);
        for (let n = 1; n <= d.numPages && !cancelled; n++) {
          const page = await d.getPage(n);
          const viewport = page.getViewport({ scale: 1.25 });
          const canvas = document.createElement('canvas');
          const ratio = window.devicePixelRatio || 1;
          canvas.width = Math.floor(viewport.width * ratio);
          canvas.height = Math.floor(viewport.height * ratio);
          canvas.style.width = `${Math.floor(viewport.width)}px`;
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${title}, page ${n} of ${d.numPages}`);
          canvas.className = 'pdf-page';
          el.appendChild(canvas);
          await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
        }
      })
      .catch(() => {
        if (!cancelled) setError('The preview could not be shown. You can still save or print the PDF.');
      });
    return () => {
      cancelled = true;
      void task.destroy();
      void doc?.destroy();
    };
  }, [bytes, title]);

  return (
    <div className="pdf-preview" aria-busy={pages === 0 && !error}>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div ref={host} className="pdf-pages" data-testid="pdf-pages" />
    </div>
  );
}
