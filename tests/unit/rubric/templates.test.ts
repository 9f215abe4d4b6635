import { describe, it, expect } from 'vitest';
import { parseRubric, scaleValues } from '../../../lib/rubric/schema';
import { scoreReview } from '../../../lib/rubric/scoring';
import { createHash } from 'node:crypto';
import { BUILT_IN_RUBRICS, BUILT_IN_RUBRIC_IDS, DEFAULT_RUBRIC_ID, findBuiltInRubric } from '../../../lib/rubric/templates';
import defaultSupportJson from '../../../lib/rubric/templates/default-support.json';
import complaintHandlingLater from '../../../lib/rubric/templates/complaint-handling-later.json';
import serviceQualityRater from '../../../lib/rubric/templates/service-quality-rater.json';
import emailReplyQuality from '../../../lib/rubric/templates/email-reply-quality.json';
import chatMessagingQuality from '../../../lib/rubric/templates/chat-messaging-quality.json';
import phoneCallQuality from '../../../lib/rubric/templates/phone-call-quality.json';

const TEMPLATE_FILES: Record<string, unknown> = {
  'default-support.json': defaultSupportJson,
  'complaint-handling-later.json': complaintHandlingLater,
  'service-quality-rater.json': serviceQualityRater,
  'email-reply-quality.json': emailReplyQuality,
  'chat-messaging-quality.json': chatMessagingQuality,
  'phone-call-quality.json': phoneCallQuality,
};

// SHA-256 (first 16 hex digits) of each template file's JSON, per released [id, version].
const RELEASED_FINGERPRINTS: Record<string, string> = {
  'support-default@1': '2ed7a207513fcd17',
  'complaint-handling-later@1': 'b78ff5fa5f19ec31',
  'service-quality-rater@1': '497b913f162387a3',
  'email-reply-quality@1': '7fd7dec749469647',
  'chat-messaging-quality@1': 'ce6cb64964027e52',
  'phone-call-quality@1': '992bd2f7bf1b912e',
};

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

describe('every shipped template', () => {
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  it('is in the library, once, with the ids the panel ranks (lib/rubric/templates/ids.ts)', () => {
    expect(BUILT_IN_RUBRICS.length).toBeGreaterThanOrEqual(3);
    expect(BUILT_IN_RUBRICS.map((rubric) => rubric.id)).toEqual([...BUILT_IN_RUBRIC_IDS]);
    expect(BUILT_IN_RUBRIC_IDS[0]).toBe(DEFAULT_RUBRIC_ID);
  });

  it('parses from its file as a new import would (slug ids for the rubric, sections and criteria)', () => {
    for (const [file, json] of Object.entries(TEMPLATE_FILES)) {
      const rubric = parseRubric(json);
      expect(`${rubric.id}.json`, file).toBe(file === 'default-support.json' ? 'support-default.json' : file);
      expect(findBuiltInRubric(rubric.id)).toEqual(rubric);
      expect(rubric.id).toMatch(SLUG);
      for (const section of rubric.sections ?? []) expect(section.id, `${rubric.id} section`).toMatch(SLUG);
      for (const criterion of rubric.criteria) expect(criterion.id, `${rubric.id} criterion`).toMatch(SLUG);
    }
    expect(Object.keys(TEMPLATE_FILES)).toHaveLength(BUILT_IN_RUBRICS.length);
  });

  it('anchors every level: a label and a concrete description, and guidance on every criterion', () => {
    for (const rubric of BUILT_IN_RUBRICS) {
      expect(rubric.description?.length ?? 0, rubric.id).toBeGreaterThan(80);
      expect(rubric.passMark, rubric.id).toBeDefined();
      for (const criterion of rubric.criteria) {
        const where = `${rubric.id}/${criterion.id}`;
        expect(criterion.title.length, where).toBeGreaterThan(10);
        expect(criterion.guidance?.length ?? 0, where).toBeGreaterThan(40);
        if (criterion.scale.type !== 'levels') continue;
        // Consecutive values from 1: the number keys pick the level with the same number.
        expect(scaleValues(criterion), where).toEqual(criterion.scale.levels.map((_, index) => index + 1));
        for (const level of criterion.scale.levels) {
          expect(level.label.trim(), where).not.toBe('');
          expect(level.description?.length ?? 0, `${where} level ${level.value}`).toBeGreaterThan(40);
        }
        const descriptions = criterion.scale.levels.map((level) => level.description);
        expect(new Set(descriptions).size, where).toBe(descriptions.length);
      }
    }
  });

  it('groups every criterion in a declared section and leaves no section empty', () => {
    for (const rubric of BUILT_IN_RUBRICS) {
      const sectionIds = (rubric.sections ?? []).map((section) => section.id);
      for (const criterion of rubric.criteria) expect(sectionIds, `${rubric.id}/${criterion.id}`).toContain(criterion.section);
      for (const id of sectionIds) expect(rubric.criteria.some((criterion) => criterion.section === id), `${rubric.id}/${id}`).toBe(true);
    }
  });

  it('has one critical data-protection check — identity before account details, no card data or passwords — that cannot be N/A', () => {
    for (const rubric of BUILT_IN_RUBRICS) {
      const critical = rubric.criteria.filter((criterion) => criterion.critical);
      expect(critical.map((criterion) => criterion.id), rubric.id).toEqual(['data-protection']);
      expect(critical[0], rubric.id).toMatchObject({ allowNa: false, scale: { type: 'binary' } });
      const text = `${critical[0]!.title} ${critical[0]!.guidance}`;
      expect(text, rubric.id).toMatch(/identity/i);
      expect(text, rubric.id).toMatch(/card/i);
      expect(text, rubric.id).toMatch(/password/i);
    }
  });

  it('applies to the tickets it was written for', () => {
    expect(Object.fromEntries(BUILT_IN_RUBRICS.map((rubric) => [rubric.id, rubric.appliesTo]))).toEqual({
      'support-default': undefined,
      'complaint-handling-later': { tags: ['complaint', 'complaints', 'formal_complaint', 'formal-complaint'] },
      'service-quality-rater': { tags: ['vip', 'key_account', 'key-account', 'b2b', 'business', 'sla'] },
      'email-reply-quality': { channels: ['email', 'web'] },
      'chat-messaging-quality': { channels: ['chat', 'messaging'] },
      'phone-call-quality': { channels: ['phone'] },
    });
  });

  it('follows its model: LATER and the five RATER dimensions', () => {
    const later = findBuiltInRubric('complaint-handling-later')!;
    expect(later.criteria.map((criterion) => criterion.id)).toEqual(['listen', 'apologise', 'thank', 'explain', 'resolve', 'data-protection']);
    const rater = findBuiltInRubric('service-quality-rater')!;
    expect(rater.sections?.map((section) => section.title)).toEqual(['Reliability', 'Assurance', 'Tangibles', 'Empathy', 'Responsiveness']);
    expect(rater.criteria.find((criterion) => criterion.id === 'tangibles')?.guidance).toMatch(/link/i);
    expect(rater.sections?.find((section) => section.id === 'tangibles')?.description).toMatch(/formatting, links and attachments/);
    const chat = findBuiltInRubric('chat-messaging-quality')!;
    expect(chat.criteria.map((criterion) => criterion.id)).toEqual(expect.arrayContaining(['response-gaps', 'attention']));
    expect(findBuiltInRubric('phone-call-quality')!.description).toMatch(/notes or the recording/);
  });

  it('scores 100 at the top of every scale and 0 on a data-protection breach', () => {
    for (const rubric of BUILT_IN_RUBRICS) {
      const best = Object.fromEntries(rubric.criteria.map((criterion) => [criterion.id, Math.max(...scaleValues(criterion))]));
      expect(scoreReview(rubric, best), rubric.id).toMatchObject({ score: 100, autoFailed: false });
      expect(scoreReview(rubric, { ...best, 'data-protection': 0 }), rubric.id).toMatchObject({ score: 0, autoFailedBy: ['data-protection'] });
    }
  });

  // Reviews name the [id, version] they were scored with, and the seeder never overwrites a stored
  // version: a template edited without a version bump would leave old installs with the old text
  // and new installs with the new one under the same number. Change the content → bump the
  // version → update the fingerprint here.
  it('keeps the content of each released version unchanged', () => {
    // The files as written (not as parsed), so a new optional field with a default in the schema
    // does not count as a change of content.
    const fingerprints = Object.fromEntries(
      Object.values(TEMPLATE_FILES).map((json) => {
        const { id, version } = json as { id: string; version: number };
        return [`${id}@${version}`, createHash('sha256').update(JSON.stringify(json)).digest('hex').slice(0, 16)];
      }),
    );
    expect(fingerprints).toEqual(RELEASED_FINGERPRINTS);
  });
});
