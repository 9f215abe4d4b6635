import { describe, it, expect } from 'vitest';
import { parseRubric, scaleValues } from '../../../lib/rubric/schema';
import { scoreReview } from '../../../lib/rubric/scoring';
import { BUILT_IN_RUBRICS, DEFAULT_RUBRIC_ID, findBuiltInRubric } from '../../../lib/rubric/templates';
import defaultSupportJson from '../../../lib/rubric/templates/default-support.json';

function defaultRubric() {
  const rubric = findBuiltInRubric(DEFAULT_RUBRIC_ID);
  if (!rubric) throw new Error('default rubric missing');
  return rubric;
}

describe('built-in rubrics', () => {
  it('includes the default support rubric, parsed', () => {
    expect(DEFAULT_RUBRIC_ID).toBe('support-default');
    expect(BUILT_IN_RUBRICS.map((rubric) => rubric.id)).toContain(DEFAULT_RUBRIC_ID);
    const rubric = defaultRubric();
    expect(rubric).toMatchObject({ format: 'qa-rubric/1', id: 'support-default', version: 1, passMark: 80 });
    expect(rubric.name).toMatch(/support/i);
  });

  it('has unique built-in ids, and each template reparses to itself (defaults are idempotent)', () => {
    const ids = BUILT_IN_RUBRICS.map((rubric) => rubric.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rubric of BUILT_IN_RUBRICS) {
      expect(parseRubric(JSON.parse(JSON.stringify(rubric)))).toEqual(rubric);
    }
    expect(parseRubric(defaultSupportJson)).toEqual(defaultRubric());
  });

  it('covers accuracy, empathy, clarity, resolution, tone, process and data protection', () => {
    const ids = defaultRubric().criteria.map((criterion) => criterion.id);
    expect(ids).toEqual(['accuracy', 'resolution', 'empathy', 'clarity', 'tone', 'process', 'data-protection']);
  });

  it('puts every criterion in a section and uses every section', () => {
    const rubric = defaultRubric();
    const sectionIds = (rubric.sections ?? []).map((section) => section.id);
    expect(sectionIds.length).toBeGreaterThan(1);
    for (const criterion of rubric.criteria) expect(sectionIds).toContain(criterion.section);
    for (const id of sectionIds) expect(rubric.criteria.some((criterion) => criterion.section === id)).toBe(true);
  });

  it('anchors every level with a label and an observable description', () => {
    for (const criterion of defaultRubric().criteria) {
      expect(criterion.title.length).toBeGreaterThan(10);
      expect(criterion.guidance).toBeTruthy();
      if (criterion.scale.type !== 'levels') continue;
      expect(scaleValues(criterion)).toEqual([1, 2, 3, 4]);
      for (const level of criterion.scale.levels) {
        expect(level.label.trim()).not.toBe('');
        expect(level.description?.length ?? 0).toBeGreaterThan(40);
      }
    }
  });

  it('makes data protection a critical binary check that cannot be N/A', () => {
    const dataProtection = defaultRubric().criteria.find((criterion) => criterion.id === 'data-protection');
    expect(dataProtection).toMatchObject({ critical: true, allowNa: false, scale: { type: 'binary' } });
    expect(dataProtection?.title).toMatch(/identity/i);
    expect(defaultRubric().criteria.filter((criterion) => criterion.critical)).toHaveLength(1);
  });

  it('scores with the scoring module: all top marks → 100, a data-protection breach → auto-fail', () => {
    const rubric = defaultRubric();
    const best = Object.fromEntries(rubric.criteria.map((criterion) => [criterion.id, Math.max(...scaleValues(criterion))]));
    expect(scoreReview(rubric, best)).toMatchObject({ score: 100, autoFailed: false });
    expect(scoreReview(rubric, { ...best, 'data-protection': 0 })).toMatchObject({
      score: 0,
      autoFailed: true,
      autoFailedBy: ['data-protection'],
    });
    // Weights 3, 3, 2, 2, 1, 1, 1: a "3 of 4" everywhere (2/3) with data protection Yes
    // → (12 × 2/3 + 1) / 13 = 9 / 13.
    const good = { ...Object.fromEntries(rubric.criteria.map((criterion) => [criterion.id, 3])), 'data-protection': 1 };
    expect(scoreReview(rubric, good).score).toBeCloseTo((100 * 9) / 13, 9);
  });
});
