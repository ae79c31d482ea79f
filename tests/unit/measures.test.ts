import { describe, expect, it } from 'vitest';
import {
  adherenceWindow,
  answersProblem,
  bandFor,
  caseloadFlags,
  GAD7,
  IDIOGRAPHIC,
  item9Flagged,
  MEASURES,
  measureChange,
  measureCourse,
  PCL5,
  PHQ9,
  pairedCourse,
  pairedPoints,
  rciCriterion,
  rciParametersProblem,
  reliableChangeIndex,
  scoreAnswers,
  scoreLine,
  summarizeChange,
  type Administration,
  type MeasureDefinition,
  type ScorePoint,
  type SessionAdherence,
} from '../../shared/measures';

/** Answers for the scored items summing to `total`, filled greedily from item 1; unscored blank. */
function answersFor(def: MeasureDefinition, total: number): (number | null)[] {
  let left = total;
  return def.items.map((item) => {
    if (!item.scored) return null;
    const max = item.options[item.options.length - 1]!.score;
    const a = Math.min(max, left);
    left -= a;
    return a;
  });
}

describe('the definitions', () => {
  it('hold the published item counts, options and stems', () => {
    expect(PHQ9.items).toHaveLength(10);
    expect(PHQ9.items.filter((i) => i.scored)).toHaveLength(9);
    expect(PHQ9.items[9]).toMatchObject({ scored: false, optional: true });
    expect(PHQ9.stem).toBe('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
    expect(PHQ9.items[8]!.text).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(PHQ9.items[9]!.options.map((o) => o.label)).toEqual([
      'Not difficult at all',
      'Somewhat difficult',
      'Very difficult',
      'Extremely difficult',
    ]);
    expect(GAD7.items).toHaveLength(7);
    expect(GAD7.stem).toBe('Over the last 2 weeks, how often have you been bothered by the following problems?');
    for (const def of [PHQ9, GAD7]) {
      expect(def.items[0]!.options.map((o) => [o.score, o.label])).toEqual([
        [0, 'Not at all'],
        [1, 'Several days'],
        [2, 'More than half the days'],
        [3, 'Nearly every day'],
      ]);
    }
    expect(PCL5.items).toHaveLength(20);
    expect(PCL5.stem).toBe('In the past month, how much were you bothered by:');
    expect(PCL5.items[0]!.options.map((o) => [o.score, o.label])).toEqual([
      [0, 'Not at all'],
      [1, 'A little bit'],
      [2, 'Moderately'],
      [3, 'Quite a bit'],
      [4, 'Extremely'],
    ]);
    expect(IDIOGRAPHIC.maxProblems).toBe(3);
    expect(IDIOGRAPHIC.options.map((o) => o.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('bands cover every total exactly once, without gaps', () => {
    for (const def of [PHQ9, GAD7]) {
      expect(def.bands[0]!.min).toBe(def.minTotal);
      expect(def.bands[def.bands.length - 1]!.max).toBe(def.maxTotal);
      for (let i = 1; i < def.bands.length; i++) expect(def.bands[i]!.min).toBe(def.bands[i - 1]!.max + 1);
    }
    expect(PCL5.bands).toEqual([]);
  });

  it('item numbers run 1..n in order', () => {
    for (const def of Object.values(MEASURES)) def.items.forEach((item, i) => expect(item.number).toBe(i + 1));
  });
});

describe('scoring every total', () => {
  const phqBand = (t: number) =>
    t <= 4 ? 'minimal' : t <= 9 ? 'mild' : t <= 14 ? 'moderate' : t <= 19 ? 'moderately-severe' : 'severe';
  const gadBand = (t: number) => (t <= 4 ? 'minimal' : t <= 9 ? 'mild' : t <= 14 ? 'moderate' : 'severe');

  it('PHQ-9: 0–27, bands 0–4, 5–9, 10–14, 15–19, 20–27; caseness from 10', () => {
    for (let t = 0; t <= 27; t++) {
      const s = scoreAnswers('phq9', answersFor(PHQ9, t));
      expect(s.complete).toBe(true);
      expect(s.total).toBe(t);
      expect(s.band?.key).toBe(phqBand(t));
      expect(s.caseness).toBe(t >= 10);
    }
  });

  it('GAD-7: 0–21, bands 0–4, 5–9, 10–14, 15–21; caseness from 8', () => {
    for (let t = 0; t <= 21; t++) {
      const s = scoreAnswers('gad7', answersFor(GAD7, t));
      expect(s.total).toBe(t);
      expect(s.band?.key).toBe(gadBand(t));
      expect(s.caseness).toBe(t >= 8);
    }
  });

  it('PCL-5: 0–80, no bands, no caseness', () => {
    for (let t = 0; t <= 80; t++) {
      const s = scoreAnswers('pcl5', answersFor(PCL5, t));
      expect(s.total).toBe(t);
      expect(s.band).toBeNull();
      expect(s.caseness).toBeNull();
    }
  });

  it('every band edge, both sides', () => {
    const edges: [MeasureDefinition, number, string][] = [
      [PHQ9, 4, 'Minimal'],
      [PHQ9, 5, 'Mild'],
      [PHQ9, 9, 'Mild'],
      [PHQ9, 10, 'Moderate'],
      [PHQ9, 14, 'Moderate'],
      [PHQ9, 15, 'Moderately severe'],
      [PHQ9, 19, 'Moderately severe'],
      [PHQ9, 20, 'Severe'],
      [PHQ9, 27, 'Severe'],
      [GAD7, 0, 'Minimal'],
      [GAD7, 4, 'Minimal'],
      [GAD7, 5, 'Mild'],
      [GAD7, 9, 'Mild'],
      [GAD7, 10, 'Moderate'],
      [GAD7, 14, 'Moderate'],
      [GAD7, 15, 'Severe'],
      [GAD7, 21, 'Severe'],
    ];
    for (const [def, total, label] of edges) expect(bandFor(def, total)?.label, `${def.name} ${total}`).toBe(label);
  });

  it('the difficulty question never counts towards the PHQ-9 total', () => {
    const a = answersFor(PHQ9, 12);
    a[9] = 3;
    expect(scoreAnswers('phq9', a).total).toBe(12);
  });
});

describe('a missing item', () => {
  it('makes the result incomplete, with no total and no band', () => {
    const a = answersFor(PHQ9, 20);
    a[3] = null;
    const s = scoreAnswers('phq9', a);
    expect(s).toMatchObject({ complete: false, total: null, band: null, caseness: null, missingItems: [4] });
    expect(scoreLine(s)).toBe('Incomplete (1 question blank)');
  });

  it('lists every blank item, on every measure', () => {
    const g = answersFor(GAD7, 7);
    g[0] = null;
    g[6] = null;
    expect(scoreAnswers('gad7', g).missingItems).toEqual([1, 7]);
    const p = answersFor(PCL5, 40);
    p[19] = null;
    expect(scoreAnswers('pcl5', p)).toMatchObject({ complete: false, total: null, missingItems: [20] });
    expect(scoreAnswers('phq9', Array(10).fill(null)).missingItems).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a blank difficulty question leaves the PHQ-9 complete', () => {
    const a = answersFor(PHQ9, 3);
    expect(a[9]).toBeNull();
    expect(scoreAnswers('phq9', a).complete).toBe(true);
  });

  it('the idiographic measure is complete when every problem is rated, and is never summed', () => {
    expect(scoreAnswers('idiographic', [3, 7])).toMatchObject({ complete: true, total: null, missingItems: [] });
    expect(scoreAnswers('idiographic', [3, null, 1])).toMatchObject({ complete: false, missingItems: [2] });
  });

  it('score lines read as a clinician would say them', () => {
    expect(scoreLine(scoreAnswers('phq9', answersFor(PHQ9, 12)))).toBe('12 · Moderate');
    expect(scoreLine(scoreAnswers('pcl5', answersFor(PCL5, 33)))).toBe('33');
    expect(scoreLine(scoreAnswers('gad7', [null, null, 1, 1, 1, 1, 1]))).toBe('Incomplete (2 questions blank)');
  });
});

describe('PHQ-9 item 9', () => {
  it('is flagged above 0 and only then', () => {
    for (const v of [0, 1, 2, 3]) {
      const a: (number | null)[] = [0, 0, 0, 0, 0, 0, 0, 0, v, null];
      expect(scoreAnswers('phq9', a).item9Flag).toBe(v > 0);
      expect(item9Flagged(a)).toBe(v > 0);
    }
  });

  it('is flagged even when the result is incomplete, and not when item 9 is blank', () => {
    expect(scoreAnswers('phq9', [null, null, null, null, null, null, null, null, 1, null]).item9Flag).toBe(true);
    expect(scoreAnswers('phq9', [3, 3, 3, 3, 3, 3, 3, 3, null, null]).item9Flag).toBe(false);
  });

  it('is never raised by other measures', () => {
    expect(scoreAnswers('gad7', [3, 3, 3, 3, 3, 3, 3]).item9Flag).toBe(false);
    expect(scoreAnswers('pcl5', answersFor(PCL5, 80)).item9Flag).toBe(false);
  });
});

describe('checking answers', () => {
  it('accepts blanks and in-range answers', () => {
    expect(answersProblem('phq9', answersFor(PHQ9, 10))).toBeNull();
    expect(answersProblem('gad7', Array(7).fill(null))).toBeNull();
    expect(answersProblem('idiographic', [0, 10, null], 3)).toBeNull();
  });

  it('refuses wrong lengths and out-of-range answers, in plain words', () => {
    expect(answersProblem('phq9', [1, 2, 3])).toBe('The PHQ-9 has 10 questions; 3 answers were given.');
    expect(answersProblem('gad7', [0, 0, 0, 4, 0, 0, 0])).toBe('Question 4 of the GAD-7 takes an answer from 0 to 3.');
    expect(answersProblem('pcl5', [...Array(19).fill(0), 5])).toBe('Question 20 of the PCL-5 takes an answer from 0 to 4.');
    expect(answersProblem('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1.5, null])).toMatch(/Question 9/);
    expect(answersProblem('idiographic', [11])).toMatch(/from 0 to 10/);
    expect(answersProblem('idiographic', [1, 2, 3, 4])).toBe('At most 3 problems can be rated.');
    expect(answersProblem('idiographic', [])).toBe('Please add at least one problem to rate.');
    expect(answersProblem('idiographic', [1, 2], 3)).toMatch(/own rating/);
  });
});

describe('the Jacobson–Truax reliable change index', () => {
  it('matches hand-computed values with the default parameters', () => {
    // PHQ-9: S_diff = 3.5·√2·√0.16 = 1.97990; (10 − 18) / 1.97990 = −4.0406
    expect(reliableChangeIndex(18, 10, PHQ9.rci)).toBeCloseTo(-4.0406, 3);
    expect(rciCriterion(PHQ9.rci)).toBeCloseTo(3.8806, 3);
    // GAD-7: S_diff = 3.4·√2·√0.17 = 1.98252; (9 − 15) / 1.98252 = −3.0264
    expect(reliableChangeIndex(15, 9, GAD7.rci)).toBeCloseTo(-3.0264, 3);
    // PCL-5: S_diff = 14·√2·√0.18 = 14·0.6 = 8.4; (30 − 50) / 8.4 = −2.3810; criterion 16.464
    expect(reliableChangeIndex(50, 30, PCL5.rci)).toBeCloseTo(-2.381, 3);
    expect(rciCriterion(PCL5.rci)).toBeCloseTo(16.464, 3);
  });

  it('matches hand-computed values with custom parameters', () => {
    // SD 5, r 0.75: S_diff = 5·√2·0.5 = 3.53553; (12 − 20) / 3.53553 = −2.2627; (24 − 20) → 1.1314
    expect(reliableChangeIndex(20, 12, { sd: 5, r: 0.75 })).toBeCloseTo(-2.2627, 3);
    expect(reliableChangeIndex(20, 24, { sd: 5, r: 0.75 })).toBeCloseTo(1.1314, 3);
    // r = 0: S_diff = SD·√2
    expect(reliableChangeIndex(0, 10, { sd: 10, r: 0 })).toBeCloseTo(10 / (10 * Math.SQRT2), 6);
  });

  it('reports the index rounded, the parameters used and whether it is reliable', () => {
    const p = (total: number): ScorePoint => ({ id: String(total), administeredOn: '2026-01-01', sessionId: null, total });
    const c = measureChange('pcl5', p(50), p(30));
    expect(c.rci).toEqual({ value: -2.38, sd: 14, r: 0.82, criterion: 16.46, reliable: true, direction: 'reliable-improvement' });
    expect(c.basis).toBe('rci');
    expect(c.direction).toBe('reliable-improvement');
    expect(measureChange('pcl5', p(50), p(40)).direction).toBe('no-reliable-change'); // −1.19
    expect(measureChange('pcl5', p(30), p(50)).direction).toBe('reliable-deterioration');
  });

  it('checks parameters a clinician types', () => {
    expect(rciParametersProblem({ sd: 5.7, r: 0.84 })).toBeNull();
    expect(rciParametersProblem({ sd: 0, r: 0.8 })).toMatch(/standard deviation/);
    expect(rciParametersProblem({ sd: 5, r: 1 })).toMatch(/reliability/);
    expect(rciParametersProblem({ sd: 5, r: -0.1 })).toMatch(/reliability/);
  });
});

// ---- constructed histories ----

let seq = 0;
function adm(
  measure: Administration['measure'],
  date: string,
  total: number | null,
  sessionId: string | null = null,
): Administration {
  seq += 1;
  return {
    id: `a${seq}`,
    measure,
    administeredOn: date,
    sessionId,
    total,
    createdAt: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}Z`,
  };
}
/** PHQ-9 and GAD-7 given in the same session. */
function both(date: string, phq: number, gad: number, session = `s-${date}`): Administration[] {
  return [adm('phq9', date, phq, session), adm('gad7', date, gad, session)];
}

describe('reliable change per measure (NHS points)', () => {
  const p = (total: number): ScorePoint => ({ id: 'x', administeredOn: '2026-01-01', sessionId: null, total });
  it('PHQ-9: a fall of 6 is reliable improvement, 5 is not; a rise of 6 is reliable deterioration', () => {
    expect(measureChange('phq9', p(18), p(12)).direction).toBe('reliable-improvement');
    expect(measureChange('phq9', p(18), p(13)).direction).toBe('no-reliable-change');
    expect(measureChange('phq9', p(8), p(14)).direction).toBe('reliable-deterioration');
    expect(measureChange('phq9', p(8), p(13)).direction).toBe('no-reliable-change');
    expect(measureChange('phq9', p(8), p(13)).basis).toBe('nhs-points');
  });
  it('GAD-7: 4 points either way is reliable, 3 is not', () => {
    expect(measureChange('gad7', p(12), p(8)).direction).toBe('reliable-improvement');
    expect(measureChange('gad7', p(12), p(9)).direction).toBe('no-reliable-change');
    expect(measureChange('gad7', p(5), p(9)).direction).toBe('reliable-deterioration');
    expect(measureChange('gad7', p(5), p(8)).direction).toBe('no-reliable-change');
  });
  it('records caseness at both ends', () => {
    expect(measureChange('phq9', p(10), p(9))).toMatchObject({ caseAtStart: true, caseAtEnd: false, difference: -1 });
    expect(measureChange('gad7', p(8), p(7))).toMatchObject({ caseAtStart: true, caseAtEnd: false });
    expect(measureChange('gad7', p(7), p(8))).toMatchObject({ caseAtStart: false, caseAtEnd: true });
  });
});

describe('a measure over the course', () => {
  it('pairs consecutive complete results and compares first with last, skipping incomplete ones', () => {
    const h = [
      adm('phq9', '2026-01-05', 20),
      adm('phq9', '2026-01-12', null),
      adm('phq9', '2026-01-19', 16),
      adm('phq9', '2026-02-02', 9),
    ];
    const c = measureCourse('phq9', h);
    expect(c.points.map((x) => x.total)).toEqual([20, 16, 9]);
    expect(c.incompleteCount).toBe(1);
    expect(c.pairs.map((x) => [x.from.total, x.to.total, x.direction])).toEqual([
      [20, 16, 'no-reliable-change'],
      [16, 9, 'reliable-improvement'],
    ]);
    expect(c.overall).toMatchObject({ difference: -11, direction: 'reliable-improvement' });
  });
  it('orders by date whatever order results come in, and has no overall change from one result', () => {
    const c = measureCourse('gad7', [adm('gad7', '2026-03-01', 5), adm('gad7', '2026-01-01', 15)]);
    expect(c.overall).toMatchObject({ difference: -10 });
    expect(measureCourse('gad7', [adm('gad7', '2026-03-01', 5)]).overall).toBeNull();
  });
});

describe('NHS Talking Therapies paired categories', () => {
  it('reliable recovery: a case at the start, below caseness on both at the end, reliably improved', () => {
    const h = [...both('2026-01-05', 16, 14), ...both('2026-03-02', 6, 5)];
    const o = pairedCourse(h).overall!;
    expect(o).toMatchObject({
      caseAtStart: true,
      caseAtEnd: false,
      reliableImprovement: true,
      reliableDeterioration: false,
      recovery: true,
      reliableRecovery: true,
      outcome: 'reliable-recovery',
    });
  });

  it('recovery without reliable improvement', () => {
    // PHQ-9 11 → 7 (−4, not reliable); GAD-7 8 → 6 (−2): both below caseness at the end.
    const o = pairedCourse([...both('2026-01-05', 11, 8), ...both('2026-02-02', 7, 6)]).overall!;
    expect(o).toMatchObject({ recovery: true, reliableImprovement: false, reliableRecovery: false, outcome: 'recovery' });
  });

  it('reliable improvement without recovery (still a case on one measure)', () => {
    const o = pairedCourse([...both('2026-01-05', 22, 18), ...both('2026-02-02', 14, 16)]).overall!;
    expect(o).toMatchObject({
      reliableImprovement: true,
      recovery: false,
      reliableRecovery: false,
      outcome: 'reliable-improvement',
    });
  });

  it('below caseness on PHQ-9 alone is not recovery while GAD-7 stays a case', () => {
    const o = pairedCourse([...both('2026-01-05', 15, 12), ...both('2026-02-02', 4, 8)]).overall!;
    expect(o.recovery).toBe(false);
    expect(o.caseAtEnd).toBe(true);
  });

  it('reliable deterioration: a reliable rise on one, no reliable fall on the other', () => {
    const o = pairedCourse([...both('2026-01-05', 9, 7), ...both('2026-02-02', 17, 9)]).overall!;
    expect(o).toMatchObject({
      reliableDeterioration: true,
      reliableImprovement: false,
      recovery: null,
      outcome: 'reliable-deterioration',
    });
  });

  it('a reliable rise on one and a reliable fall on the other is neither', () => {
    const o = pairedCourse([...both('2026-01-05', 4, 15), ...both('2026-02-02', 10, 9)]).overall!;
    expect(o).toMatchObject({ reliableImprovement: false, reliableDeterioration: false, outcome: 'no-reliable-change' });
  });

  it('no reliable change: the non-responder', () => {
    const h = [
      ...both('2026-01-05', 17, 13),
      ...both('2026-01-12', 16, 14),
      ...both('2026-01-19', 18, 12),
      ...both('2026-01-26', 15, 13),
    ];
    const c = pairedCourse(h);
    expect(c.pairs).toHaveLength(3);
    expect(c.pairs.every((p) => p.outcome === 'no-reliable-change')).toBe(true);
    expect(c.overall).toMatchObject({ outcome: 'no-reliable-change', recovery: false });
  });

  it('not a case at the start: recovery does not apply', () => {
    const o = pairedCourse([...both('2026-01-05', 9, 7), ...both('2026-02-02', 2, 1)]).overall!;
    expect(o).toMatchObject({ caseAtStart: false, recovery: null, reliableRecovery: null, reliableImprovement: true });
    expect(o.outcome).toBe('reliable-improvement');
  });

  it('caseness is either measure at its cut-off: PHQ-9 10 or GAD-7 8', () => {
    expect(pairedPoints(both('2026-01-05', 10, 0))[0]!.caseness).toBe(true);
    expect(pairedPoints(both('2026-01-05', 0, 8))[0]!.caseness).toBe(true);
    expect(pairedPoints(both('2026-01-05', 9, 7))[0]!.caseness).toBe(false);
  });

  it('per pair: each consecutive occasion is compared', () => {
    const h = [...both('2026-01-05', 18, 14), ...both('2026-01-19', 11, 9), ...both('2026-02-02', 19, 15)];
    const c = pairedCourse(h);
    expect(c.pairs.map((p) => p.outcome)).toEqual(['reliable-improvement', 'reliable-deterioration']);
    expect(c.overall!.outcome).toBe('no-reliable-change');
  });
});

describe('pairing PHQ-9 with GAD-7', () => {
  it('pairs by session, else by date; lone or incomplete results are left out', () => {
    const h = [
      adm('phq9', '2026-01-05', 15, 's1'),
      adm('gad7', '2026-01-06', 12, 's1'), // same session, entered next day
      adm('phq9', '2026-01-12', 14), // no GAD-7 that day
      adm('phq9', '2026-01-19', 12),
      adm('gad7', '2026-01-19', null), // incomplete
      adm('phq9', '2026-02-02', 7),
      adm('gad7', '2026-02-02', 5),
    ];
    const pts = pairedPoints(h);
    expect(pts.map((p) => [p.occasion, p.phq9.total, p.gad7.total])).toEqual([
      ['s1', 15, 12],
      ['2026-02-02', 7, 5],
    ]);
    expect(pts[0]!.administeredOn).toBe('2026-01-06');
  });

  it('two results of one measure on one occasion: the later-entered one counts', () => {
    const h = [adm('phq9', '2026-01-05', 20, 's1'), adm('phq9', '2026-01-05', 12, 's1'), adm('gad7', '2026-01-05', 9, 's1')];
    expect(pairedPoints(h)[0]!.phq9.total).toBe(12);
  });
});

describe('the change summary', () => {
  it('lists the measures given, with parameters used and the formula', () => {
    const h = [
      ...both('2026-01-05', 16, 14),
      ...both('2026-03-02', 6, 5),
      adm('pcl5', '2026-01-05', 50),
      adm('pcl5', '2026-03-02', 30),
    ];
    const s = summarizeChange(h, { phq9: { sd: 5.7, r: 0.84 } });
    expect(s.measures.map((m) => m.measure)).toEqual(['phq9', 'gad7', 'pcl5']);
    expect(s.rciParameters.phq9).toEqual({ sd: 5.7, r: 0.84 });
    expect(s.rciParameters.gad7).toEqual(GAD7.rci);
    expect(s.measures[0]!.overall!.rci.sd).toBe(5.7);
    expect(s.paired.overall!.phq9.rci.sd).toBe(5.7);
    expect(s.formula).toBe('RC = (x₂ − x₁) / (SD · √2 · √(1 − r))');
    expect(s.paired.overall!.outcome).toBe('reliable-recovery');
  });

  it('is empty for a client without results', () => {
    const s = summarizeChange([]);
    expect(s.measures).toEqual([]);
    expect(s.paired).toEqual({ points: [], pairs: [], overall: null });
  });
});

describe('caseload flags (pure)', () => {
  const base = {
    today: '2026-03-14',
    active: true,
    attendedSessionDates: [] as string[],
    administrations: [] as Administration[],
    openItem9: [],
    adherence: [],
  };

  it('raises nothing for a client with nothing recorded', () => {
    expect(caseloadFlags(base)).toEqual([]);
  });

  it('item 9: one line, counting several, even for an archived client', () => {
    const f = caseloadFlags({
      ...base,
      active: false,
      openItem9: [
        { resultId: 'a', administeredOn: '2026-03-01', answer: 1 },
        { resultId: 'b', administeredOn: '2026-03-08', answer: 3 },
      ],
      administrations: [adm('phq9', '2026-01-01', 20), adm('phq9', '2026-03-01', 27)],
    });
    expect(f).toEqual([
      {
        kind: 'item9',
        line: 'PHQ-9 item 9 answered “Nearly every day” on 8 March 2026, not yet acknowledged (2 not yet acknowledged).',
      },
    ]);
  });

  it('six sessions without reliable improvement, but not five, and not after reliable improvement', () => {
    const sessions = ['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', '2026-03-01', '2026-03-08'];
    const adms = [adm('gad7', '2026-02-01', 12), adm('gad7', '2026-03-08', 10)];
    expect(caseloadFlags({ ...base, attendedSessionDates: sessions, administrations: adms }).map((x) => x.kind)).toEqual([
      'no-reliable-improvement',
    ]);
    expect(caseloadFlags({ ...base, attendedSessionDates: sessions.slice(1), administrations: adms })).toEqual([]);
    const better = [adm('gad7', '2026-02-01', 12), adm('gad7', '2026-03-08', 8)];
    expect(caseloadFlags({ ...base, attendedSessionDates: sessions, administrations: better })).toEqual([]);
  });

  it('reliable deterioration on the PCL-5 uses the RCI', () => {
    const f = caseloadFlags({
      ...base,
      attendedSessionDates: ['2026-03-08'],
      administrations: [adm('pcl5', '2026-02-01', 20), adm('pcl5', '2026-03-08', 40)],
    });
    expect(f.map((x) => x.line)).toEqual(['Reliable deterioration since the first measure: PCL-5 20 → 40.']);
  });

  it('no measure for four weeks: only for a client seen lately, after 28 days', () => {
    const seen = { ...base, attendedSessionDates: ['2026-01-10', '2026-03-10'] };
    expect(caseloadFlags({ ...seen, administrations: [adm('gad7', '2026-02-14', 9)] }).map((x) => x.line)).toEqual([
      'No measure for 4 weeks (last on 14 February 2026).',
    ]);
    expect(caseloadFlags({ ...seen, administrations: [adm('gad7', '2026-02-15', 9)] })).toEqual([]);
    expect(caseloadFlags(seen).map((x) => x.line)).toEqual(['No measure recorded yet, after 2 sessions.']);
    // Not seen in the last four weeks: no nagging.
    expect(caseloadFlags({ ...base, attendedSessionDates: ['2026-01-10'] })).toEqual([]);
    // New client, first session last week: too early.
    expect(caseloadFlags({ ...base, attendedSessionDates: ['2026-03-07'] })).toEqual([]);
  });

  it('homework under half: every session of the last three weeks under half', () => {
    const weeks: SessionAdherence[] = [
      { date: '2026-02-21', previousDate: '2026-02-14', done: 1, expected: 7 },
      { date: '2026-02-28', previousDate: '2026-02-21', done: 3, expected: 7 },
      { date: '2026-03-07', previousDate: '2026-02-28', done: 2, expected: 7 },
    ];
    expect(adherenceWindow(weeks)!.map((w) => w.date)).toEqual(['2026-03-07', '2026-02-28', '2026-02-21']);
    expect(caseloadFlags({ ...base, adherence: weeks }).map((x) => x.line)).toEqual([
      'Homework under half for three weeks: 6 of 21 practices done.',
    ]);
    // Exactly half is not under half.
    expect(caseloadFlags({ ...base, adherence: weeks.map((w, i) => (i === 1 ? { ...w, done: 3.5 } : w)) })).toEqual([]);
    // Two weeks of reviews do not cover three weeks.
    expect(adherenceWindow(weeks.slice(1))).toBeNull();
  });
});
