// The scorecard as the panel draws it, beside the editor: the same markup and classes as the
// panel's criterion rows (components/panel.css), section scores and the live score, so an author
// sees what a reviewer will see and can try the ratings. Nothing here is stored.
import { useMemo, useState } from 'react';
import { CHANNEL_OPTIONS } from './editor-state';
import { levelLabel, scaleValues, type Criterion, type Rubric } from '@/lib/rubric/schema';
import { scoreReview } from '@/lib/rubric/scoring';
import { CriteriaGroups } from '@/components/CriteriaGroups';
import { formatScore } from '@/components/format';

type Answer = number | 'na';


function levelDescription(criterion: Criterion, value: number): string | undefined {
  return criterion.scale.type === 'levels' ? criterion.scale.levels.find((l) => l.value === value)?.description : undefined;
}

function PreviewCriterion({ criterion, answer, onChange }: { criterion: Criterion; answer: Answer | undefined; onChange: (answer: Answer | undefined) => void }) {
  const headingId = `preview-${criterion.id}-title`;
  const choose = (value: Answer) => onChange(answer === value ? undefined : value);
  const description = typeof answer === 'number' ? levelDescription(criterion, answer) : undefined;
  return (
    <div className="criterion" data-testid="preview-criterion" role="group" aria-labelledby={headingId}>
      <div className="criterion-head">
        <h3 id={headingId}>{criterion.title}</h3>
        {criterion.critical && (
          <span className="critical-badge" title="Failing this criterion fails the whole review">
            Critical
          </span>
        )}
        {criterion.weight !== 1 && <span className="weight-badge">×{criterion.weight}</span>}
        {criterion.target === 'message' && <span className="weight-badge">per message</span>}
      </div>
      {criterion.guidance && <p className="guidance">{criterion.guidance}</p>}
      <div className="rating-options">
        {scaleValues(criterion).map((value) => (
          <button
            key={value}
            type="button"
            className="rating-option"
            data-testid="preview-option"
            aria-pressed={answer === value}
            title={levelDescription(criterion, value)}
            onClick={() => choose(value)}
          >
            {levelLabel(criterion, value)}
          </button>
        ))}
        {criterion.allowNa && (
          <button type="button" className="rating-option rating-na" aria-pressed={answer === 'na'} onClick={() => choose('na')}>
            N/A
          </button>
        )}
      </div>
      {description && <p className="level-description">{description}</p>}
    </div>
  );
}

export function PanelPreview({ rubric, channels, tags }: { rubric: Rubric; channels: readonly string[]; tags: readonly string[] }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  // Answers the edited rubric no longer offers (a removed level, N/A switched off) are not scored.
  const usable = useMemo(() => {
    const kept: Record<string, Answer> = {};
    for (const c of rubric.criteria) {
      const a = answers[c.id];
      if (a === undefined) continue;
      if (a === 'na' ? c.allowNa : scaleValues(c).includes(a)) kept[c.id] = a;
    }
    return kept;
  }, [rubric, answers]);
  const result = useMemo(() => {
    try {
      return scoreReview(rubric, usable);
    } catch {
      return null;
    }
  }, [rubric, usable]);
  const score = result?.score ?? null;
  const channelLabels = CHANNEL_OPTIONS.filter((o) => channels.includes(o.value)).map((o) => o.label.toLowerCase());
  const pickedFor = [...channelLabels, ...tags.map((t) => `tag ${t}`)];

  return (
    <div className="qa-panel preview-frame">
      <div className="rubric-picker">
        <span>Rubric</span>
        <span className="preview-rubric-name" data-testid="preview-rubric-name">
          {rubric.name} (v{rubric.version})
        </span>
      </div>
      <p className="muted preview-applies">{pickedFor.length ? `Picked for: ${pickedFor.join(', ')}` : 'Not picked automatically for any channel or tag'}</p>
      <div className="score-bar">
        <div className={`score ${score === null ? '' : rubric.passMark !== undefined && score < rubric.passMark ? 'below-pass' : 'at-pass'}`}>
          <span className="score-label">Score</span>
          <output data-testid="preview-score" data-score={score === null ? '' : String(score)}>
            {formatScore(score)}
          </output>
          {rubric.passMark !== undefined && <span className="pass-mark">pass mark {rubric.passMark}%</span>}
        </div>
        <button type="button" className="icon-button" onClick={() => setAnswers({})} disabled={Object.keys(usable).length === 0}>
          Clear ratings
        </button>
      </div>
      {result?.autoFailed && <p className="auto-fail">Auto-fail: a critical criterion is not met, so the review scores 0.</p>}
      <CriteriaGroups rubric={rubric} sectionScores={result?.sections}>
        {(c) => (
          <PreviewCriterion
            key={c.id}
            criterion={c}
            answer={usable[c.id]}
            onChange={(answer) =>
              setAnswers((all) => {
                const next = { ...all };
                if (answer === undefined) delete next[c.id];
                else next[c.id] = answer;
                return next;
              })
            }
          />
        )}
      </CriteriaGroups>
    </div>
  );
}
