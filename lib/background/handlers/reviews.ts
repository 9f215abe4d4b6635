// Reviews: open, autosave, submit.
import { getRubric } from '../../db/rubrics';
import { withStorageErrors } from '../../db/errors';
import { openReview, rubricInUse, saveDraft, submitReview } from '../../db/reviews';
import { AppError } from '../../messaging/errors';
import { describeMissing, missingAnswers } from '../../review/completeness';
import { persistAfterFirstReview } from '../storage-persistence';
import { whenReady, type BackgroundDeps, type HandlerSlice } from './deps';

export function reviewHandlers(deps: BackgroundDeps): HandlerSlice<'reviews:open' | 'reviews:rubric-in-use' | 'reviews:save-draft' | 'reviews:submit'> {
  const { db, clock } = deps;
  const reviewStored = persistAfterFirstReview(deps.persistStorage);

  const rubricFor = async (ref: { id: string; version: number }) => {
    await whenReady(deps);
    const rubric = await getRubric(db, ref.id, ref.version);
    if (!rubric) throw new AppError('rubric-missing', `Rubric "${ref.id}" version ${ref.version} is not in the library.`);
    return rubric;
  };

  return {
    'reviews:open': (slot) => openReview(db, slot),
    'reviews:rubric-in-use': async (slot) => ({ rubricId: await rubricInUse(db, slot) }),
    'reviews:save-draft': async (input) => {
      const rubric = await rubricFor(input.rubric);
      const saved = await withStorageErrors(() => saveDraft(db, rubric, input, clock));
      reviewStored();
      deps.reviewWritten?.(saved);
      return saved;
    },
    'reviews:submit': async (input) => {
      const answered = Object.values(input.answers).some((a) => a.value !== null);
      if (!answered) throw new AppError('empty-review', 'Rate at least one criterion before submitting.');
      const rubric = await rubricFor(input.rubric);
      // The panel disables Submit until the review is complete; this holds for any other sender.
      const missing = missingAnswers(rubric, input.answers);
      if (missing.length) throw new AppError('incomplete-review', `This review is not complete. ${describeMissing(missing)}.`, missing.map((m) => `${m.criterionId}: ${m.reason}`));
      const submitted = await withStorageErrors(() => submitReview(db, rubric, input, clock));
      reviewStored();
      deps.reviewsChanged?.();
      deps.reviewWritten?.(submitted);
      void deps.teamStore?.afterSubmit().catch(() => undefined);
      return submitted;
    },
  };
}
