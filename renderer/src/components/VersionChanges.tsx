import { compareVersions, type VersionChange, type WorksheetDefinition } from '../../../shared/worksheet';
import './versionChanges.css';

const AREAS: { area: VersionChange['area']; title: string }[] = [
  { area: 'parts', title: 'Parts the client fills in' },
  { area: 'instructions', title: 'What to do (instructions)' },
  { area: 'about', title: 'About the worksheet' },
];

/** What changed between two versions of a worksheet, in plain words, grouped by where. */
export function VersionChanges({
  before,
  after,
  headingLevel = 3,
}: {
  before: WorksheetDefinition;
  after: WorksheetDefinition;
  headingLevel?: 3 | 4;
}) {
  const changes = compareVersions(before, after);
  const H = headingLevel === 3 ? 'h3' : 'h4';
  if (changes.length === 0) return <p className="muted">Nothing the client sees changed between these versions.</p>;
  return (
    <div className="version-changes">
      {AREAS.map(({ area, title }) => {
        const here = changes.filter((c) => c.area === area);
        if (here.length === 0) return null;
        return (
          <section key={area}>
            <H>{title}</H>
            <ul>
              {here.map((c, i) => (
                <li key={i} className={`change-${c.kind}`}>
                  {/* Added and removed parts say so in their words; renamed and changed get a marker. */}
                  {c.kind === 'renamed' || c.kind === 'changed' ? (
                    <span className="change-kind">{c.kind === 'renamed' ? 'Renamed' : 'Changed'}</span>
                  ) : null}{' '}
                  {c.text}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
