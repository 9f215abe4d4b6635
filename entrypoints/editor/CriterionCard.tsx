// One criterion in the editor: title, id, section, guidance, weight, target, critical, N/A, and its
// scale with a label and an anchored description per level. Moved by drag (the handle), by the
// Move buttons, or with Alt+↑/↓ anywhere inside the card.
import type { DragEvent, KeyboardEvent } from 'react';
import { MAX_LEVELS, MIN_LEVELS } from '@/lib/rubric/schema';
import { fieldKey, type EditorCriterion, type EditorSection, type ScaleType, type Target } from './editor-state';
import { TextField, domId, useField } from './fields';
import { plural } from '@/components/format';

export interface CardMoves {
  canUp: boolean;
  canDown: boolean;
  move: (by: -1 | 1) => void;
}

export interface CardDrag {
  onDragStart: (e: DragEvent) => void;
  onDragEnd: () => void;
  onDragOver: (e: DragEvent<HTMLElement>) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent<HTMLElement>) => void;
  /** where a drop would land, relative to this card */
  hint: 'before' | 'after' | null;
}

interface Props {
  criterion: EditorCriterion;
  number: number;
  /** h3 when criteria are not grouped under section headings, else h4 */
  headingLevel: 3 | 4;
  sections: readonly EditorSection[];
  moves: CardMoves;
  drag: CardDrag;
  /** collapsed cards show a one-line summary, so a long rubric stays short enough to drag in */
  expanded: boolean;
  onToggle: () => void;
  /** problems of its fields that are on screen, for the collapsed summary */
  problemCount: number;
  onChange: (patch: Partial<Omit<EditorCriterion, 'key' | 'levels' | 'idEdited'>>) => void;
  onLevel: (levelKey: string, patch: { value?: string; label?: string; description?: string }) => void;
  onAddLevel: () => void;
  onRemoveLevel: (levelKey: string) => void;
  onRemove: () => void;
}

/** What makes a card movable: Alt+↑/↓ inside it, and a drop target for dragged cards. */
export function movableCard(moves: CardMoves, drag: CardDrag) {
  return { onKeyDown: moveKeys(moves), onDragOver: drag.onDragOver, onDragLeave: drag.onDragLeave, onDrop: drag.onDrop };
}

/** The handle a card is dragged by (the keyboard moves it with Alt+↑/↓ instead). */
export function DragHandle({ drag }: { drag: CardDrag }) {
  return (
    <span className="drag-handle" draggable onDragStart={drag.onDragStart} onDragEnd={drag.onDragEnd} title="Drag to move (or Alt+↑ / Alt+↓)" aria-hidden="true" data-testid="drag-handle">
      ⠿
    </span>
  );
}

/** A card's Move up / Move down / Remove buttons; `name` says which card in their labels. */
export function CardActions({ name, moves, onRemove, removeTestId }: { name: string; moves: CardMoves; onRemove: () => void; removeTestId?: string }) {
  return (
    <span className="card-actions">
      <button type="button" className="icon-button" aria-label={`Move ${name} up`} title="Move up (Alt+↑)" disabled={!moves.canUp} onClick={() => moves.move(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={`Move ${name} down`} title="Move down (Alt+↓)" disabled={!moves.canDown} onClick={() => moves.move(1)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label={`Remove ${name}`} onClick={onRemove} data-testid={removeTestId}>
        Remove
      </button>
    </span>
  );
}

/** Alt+↑ / Alt+↓ inside a card moves it; shared by criterion and section cards. */
export function moveKeys(moves: CardMoves) {
  return (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const by = e.key === 'ArrowUp' ? -1 : 1;
    if (by === -1 ? !moves.canUp : !moves.canDown) return;
    e.preventDefault();
    moves.move(by);
  };
}

export function criterionName(criterion: Pick<EditorCriterion, 'title'>, number: number): string {
  return criterion.title.trim() ? `criterion ${number}, “${criterion.title.trim()}”` : `criterion ${number}`;
}

function ScaleChoice({ criterion, onChange }: { criterion: EditorCriterion; onChange: Props['onChange'] }) {
  const field = fieldKey.criterion(criterion.key, 'scale');
  const { error } = useField(field);
  const name = `${domId(field)}-type`;
  const options: [ScaleType, string][] = [
    ['binary', 'Yes / No'],
    ['levels', `Levels (${MIN_LEVELS}–${MAX_LEVELS}), each with a label and a description`],
  ];
  return (
    <fieldset className="plain-fieldset scale-choice" id={domId(field)} tabIndex={-1}>
      <legend>Scale</legend>
      <div className="row">
        {options.map(([value, label]) => (
          <label key={value} className="row">
            <input type="radio" name={name} value={value} checked={criterion.scaleType === value} onChange={() => onChange({ scaleType: value })} />
            {label}
          </label>
        ))}
      </div>
      {error}
    </fieldset>
  );
}

/** "Not met / Partly met / Met · weight 2 · critical", what a collapsed card says about itself. */
export function criterionSummary(c: EditorCriterion): string {
  const scale = c.scaleType === 'binary' ? 'Yes / No' : c.levels.map((l, i) => l.label.trim() || `level ${i + 1}`).join(' / ');
  return [scale, `weight ${c.weight.trim() || '?'}`, c.critical ? 'critical' : null, c.allowNa ? null : 'no N/A', c.target === 'message' ? 'each message' : null].filter(Boolean).join(' · ');
}

export function CriterionCard({ criterion, number, headingLevel, sections, moves, drag, expanded, onToggle, problemCount, onChange, onLevel, onAddLevel, onRemoveLevel, onRemove }: Props) {
  const headingId = `${domId(`criterion.${criterion.key}`)}-heading`;
  const name = criterionName(criterion, number);
  const f = (n: Parameters<typeof fieldKey.criterion>[1]) => fieldKey.criterion(criterion.key, n);
  const levelsTooFew = criterion.levels.length <= MIN_LEVELS;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const bodyId = `${domId(`criterion.${criterion.key}`)}-body`;

  return (
    <li
      className={`editor-card criterion-editor${drag.hint ? ` drop-${drag.hint}` : ''}`}
      data-testid="editor-criterion"
      data-key={criterion.key}
      data-criterion-id={criterion.id}
      aria-labelledby={headingId}
      {...movableCard(moves, drag)}
    >
      <div className="card-head">
        <DragHandle drag={drag} />
        <Heading id={headingId}>
          <button type="button" className="card-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle} data-testid="criterion-toggle">
            Criterion {number}
            {criterion.title.trim() ? <span className="card-title">: {criterion.title.trim()}</span> : null}
          </button>
        </Heading>
        <CardActions name={name} moves={moves} onRemove={onRemove} removeTestId="remove-criterion" />
      </div>

      {!expanded && (
        <p className="card-summary muted">
          {criterionSummary(criterion)}
          {problemCount > 0 && <strong className="card-problems"> · {plural(problemCount, 'problem', 'problems')}</strong>}
        </p>
      )}
      {expanded && (
        <div id={bodyId}>
          <div className="field-grid">
            <TextField field={f('title')} label="Title" value={criterion.title} onChange={(title) => onChange({ title })} placeholder="e.g. Acknowledged the problem in the customer's words" className="wide" />
            <TextField
              field={f('id')}
              label="Id"
              value={criterion.id}
              onChange={(id) => onChange({ id })}
              hint={criterion.idEdited ? 'Reviews and exports name the criterion by it.' : 'Made from the title; type to choose your own.'}
            />
            {sections.length > 0 && (
              <div className="editor-field">
                <label htmlFor={domId(f('section'))}>Section</label>
                <select id={domId(f('section'))} value={criterion.sectionKey ?? ''} onChange={(e) => onChange({ sectionKey: e.target.value || null })}>
                  <option value="">No section</option>
                  {sections.map((s, i) => (
                    <option key={s.key} value={s.key}>
                      {s.title.trim() || `Section ${i + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <TextField field={f('guidance')} label="Guidance for reviewers (optional)" value={criterion.guidance} onChange={(guidance) => onChange({ guidance })} multiline className="wide" />
            <TextField field={f('weight')} label="Weight" type="number" min={0} step="any" value={criterion.weight} onChange={(weight) => onChange({ weight })} hint="0 or more; 2 counts twice as much as 1." />
            <div className="editor-field">
              <label htmlFor={domId(f('target'))}>Scored on</label>
              <select id={domId(f('target'))} value={criterion.target} onChange={(e) => onChange({ target: e.target.value as Target })}>
                <option value="conversation">The whole conversation</option>
                <option value="message">Each agent message</option>
              </select>
            </div>
            <div className="editor-field checks wide">
              <label className="row">
                <input type="checkbox" id={domId(f('critical'))} checked={criterion.critical} onChange={(e) => onChange({ critical: e.target.checked })} />
                Critical: failing it fails the whole review
              </label>
              <label className="row">
                <input type="checkbox" id={domId(f('allowNa'))} checked={criterion.allowNa} onChange={(e) => onChange({ allowNa: e.target.checked })} />
                Allow N/A
              </label>
            </div>
          </div>

          <ScaleChoice criterion={criterion} onChange={onChange} />
          {criterion.scaleType === 'levels' && (
            <div className="levels-editor">
              <p className="field-hint">The lowest value scores 0 %, the highest 100 %. Describe what each level looks like in a ticket, so reviewers agree.</p>
              <ol className="levels-list">
                {criterion.levels.map((level, j) => {
                  const lf = (n: 'value' | 'label' | 'description') => fieldKey.level(criterion.key, level.key, n);
                  return (
                    <li key={level.key} className="level-row" data-testid="editor-level">
                      <TextField field={lf('value')} label={`Level ${j + 1} value`} type="number" step="any" value={level.value} onChange={(value) => onLevel(level.key, { value })} className="narrow" />
                      <TextField field={lf('label')} label={`Level ${j + 1} label`} value={level.label} onChange={(label) => onLevel(level.key, { label })} placeholder="e.g. Partly met" />
                      <TextField
                        field={lf('description')}
                        label={`Level ${j + 1}: what it looks like`}
                        value={level.description}
                        onChange={(description) => onLevel(level.key, { description })}
                        multiline
                        rows={2}
                        className="wide"
                      />
                      <button type="button" className="icon-button" aria-label={`Remove level ${j + 1} of ${name}`} disabled={levelsTooFew} onClick={() => onRemoveLevel(level.key)}>
                        Remove level
                      </button>
                    </li>
                  );
                })}
              </ol>
              <button type="button" onClick={onAddLevel} disabled={criterion.levels.length >= MAX_LEVELS} aria-label={`Add level to ${name}`}>
                Add level
              </button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
