import { useState, type FocusEvent } from 'react';
import type { AnswerInput } from '@/lib/review/record';
import { levelLabel, scaleValues, type Criterion } from '@/lib/rubric/schema';
import { ratingGridProps } from './rating-grid';

interface Props {
  criterion: Criterion;
  answer: AnswerInput | undefined;
  readOnly: boolean;
  /** the chosen value is low enough that the rubric asks for a comment */
  commentNeeded?: boolean;
  /** this critical criterion failed: the whole review scores 0 */
  failing?: boolean;
  onChange: (change: Partial<AnswerInput>) => void;
}

function levelDescription(criterion: Criterion, value: number): string | undefined {
  return criterion.scale.type === 'levels' ? criterion.scale.levels.find((l) => l.value === value)?.description : undefined;
}

type Choice = number | 'na';

/**
 * One criterion: its levels (and N/A) form a single Tab stop — the focused level while focus is
 * inside, else the chosen one, else the first — and the keys of scorecard-keys.ts move inside and
 * between rows. The comment box is reached with C (or a click), so Tab goes criterion by criterion.
 */
export function CriterionRow({ criterion, answer, readOnly, commentNeeded = false, failing = false, onChange }: Props) {
  const values = scaleValues(criterion);
  const chosen = answer?.value ?? null;
  const [focused, setFocused] = useState<Choice | null>(null);
  // Choosing the chosen option again clears it, so a mis-click is undone without a separate control.
  const choose = (value: Choice) => onChange({ value: chosen === value ? null : value });

  const choices: Choice[] = criterion.allowNa ? [...values, 'na'] : values;
  const inChoices = (c: Choice | null): c is Choice => c !== null && choices.includes(c);
  const tabStop: Choice | undefined = inChoices(focused) ? focused : inChoices(chosen) ? chosen : choices[0];
  // Leaving the row forgets where focus was: coming back lands on the chosen level.
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
  };

  const description = typeof chosen === 'number' ? levelDescription(criterion, chosen) : undefined;
  const headingId = `criterion-${criterion.id}-title`;
  const commentNoteId = `criterion-${criterion.id}-comment-note`;
  const missingComment = commentNeeded && !(answer?.comment ?? '').trim();

  return (
    <div
      className={`criterion${failing ? ' failing' : ''}`}
      data-testid="criterion"
      data-criterion-id={criterion.id}
      role="group"
      aria-labelledby={headingId}
      onBlur={onBlur}
    >
      <div className="criterion-head">
        <h3 id={headingId}>{criterion.title}</h3>
        {criterion.critical && (
          <span className="critical-badge" title="Failing this criterion fails the whole review">
            {failing ? 'Critical · fails the review' : 'Critical'}
          </span>
        )}
        {criterion.weight !== 1 && <span className="weight-badge">×{criterion.weight}</span>}
      </div>
      {criterion.guidance && <p className="guidance">{criterion.guidance}</p>}
      <div {...ratingGridProps(values.map((v) => levelLabel(criterion, v)))}>
        {values.map((value, index) => (
          <button
            key={value}
            type="button"
            className="rating-option"
            data-testid="rating-option"
            data-value={value}
            aria-pressed={chosen === value}
            aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
            tabIndex={tabStop === value ? 0 : -1}
            disabled={readOnly}
            title={levelDescription(criterion, value)}
            onFocus={() => setFocused(value)}
            onClick={() => choose(value)}
          >
            {levelLabel(criterion, value)}
          </button>
        ))}
        {criterion.allowNa && (
          <button
            type="button"
            className="rating-option rating-na"
            data-testid="rating-na"
            aria-pressed={chosen === 'na'}
            aria-keyshortcuts="N 0"
            tabIndex={tabStop === 'na' ? 0 : -1}
            disabled={readOnly}
            onFocus={() => setFocused('na')}
            onClick={() => choose('na')}
          >
            N/A
          </button>
        )}
      </div>
      {description && <p className="level-description">{description}</p>}
      {missingComment && !readOnly && (
        <p className="comment-needed" id={commentNoteId}>
          This rating needs a comment: say what you saw.
        </p>
      )}
      <textarea
        className="criterion-comment"
        data-testid="criterion-comment"
        aria-label={`Comment on ${criterion.title}`}
        aria-keyshortcuts="C"
        aria-invalid={missingComment && !readOnly ? true : undefined}
        aria-describedby={missingComment && !readOnly ? commentNoteId : undefined}
        placeholder={readOnly ? undefined : commentNeeded ? 'Comment needed for this rating' : 'Evidence or comment (optional, C)'}
        rows={1}
        tabIndex={-1}
        value={answer?.comment ?? ''}
        readOnly={readOnly}
        onChange={(e) => onChange({ comment: e.target.value })}
      />
    </div>
  );
}
