import type { KeyboardEvent } from 'react';
import type { AnswerInput } from '@/lib/review/record';
import { levelLabel, scaleValues, type Criterion } from '@/lib/rubric/schema';
import { ratingGridProps } from './rating-grid';

interface Props {
  criterion: Criterion;
  answer: AnswerInput | undefined;
  readOnly: boolean;
  onChange: (change: Partial<AnswerInput>) => void;
}

function levelDescription(criterion: Criterion, value: number): string | undefined {
  return criterion.scale.type === 'levels' ? criterion.scale.levels.find((l) => l.value === value)?.description : undefined;
}

export function CriterionRow({ criterion, answer, readOnly, onChange }: Props) {
  const values = scaleValues(criterion);
  const chosen = answer?.value ?? null;
  // Choosing the chosen option again clears it, so a mis-click is undone without a separate control.
  const choose = (value: number | 'na') => onChange({ value: chosen === value ? null : value });

  // Number keys pick the n-th option and 0 marks N/A while focus is on the row's buttons.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly || e.target instanceof HTMLTextAreaElement || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === '0' && criterion.allowNa) {
      e.preventDefault();
      choose('na');
    } else if (/^[1-9]$/.test(e.key)) {
      const value = values[Number(e.key) - 1];
      if (value !== undefined) {
        e.preventDefault();
        choose(value);
      }
    }
  };

  const description = typeof chosen === 'number' ? levelDescription(criterion, chosen) : undefined;
  const headingId = `criterion-${criterion.id}-title`;

  return (
    <div className="criterion" data-testid="criterion" data-criterion-id={criterion.id} role="group" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="criterion-head">
        <h3 id={headingId}>{criterion.title}</h3>
        {criterion.critical && (
          <span className="critical-badge" title="Failing this criterion fails the whole review">
            Critical
          </span>
        )}
        {criterion.weight !== 1 && <span className="weight-badge">×{criterion.weight}</span>}
      </div>
      {criterion.guidance && <p className="guidance">{criterion.guidance}</p>}
      <div {...ratingGridProps(values.map((v) => levelLabel(criterion, v)))}>
        {values.map((value) => (
          <button
            key={value}
            type="button"
            className="rating-option"
            data-testid="rating-option"
            data-value={value}
            aria-pressed={chosen === value}
            disabled={readOnly}
            title={levelDescription(criterion, value)}
            onClick={() => choose(value)}
          >
            {levelLabel(criterion, value)}
          </button>
        ))}
        {criterion.allowNa && (
          <button type="button" className="rating-option rating-na" data-testid="rating-na" aria-pressed={chosen === 'na'} disabled={readOnly} onClick={() => choose('na')}>
            N/A
          </button>
        )}
      </div>
      {description && <p className="level-description">{description}</p>}
      <textarea
        className="criterion-comment"
        data-testid="criterion-comment"
        aria-label={`Comment on ${criterion.title}`}
        placeholder="Evidence or comment (optional)"
        rows={1}
        value={answer?.comment ?? ''}
        readOnly={readOnly}
        onChange={(e) => onChange({ comment: e.target.value })}
      />
    </div>
  );
}
