// One section in the editor: the heading criteria are grouped under in the panel (with its own
// section score). Moved like a criterion: the handle, the Move buttons or Alt+↑/↓.
import { fieldKey, type EditorSection } from './editor-state';
import { CardActions, DragHandle, movableCard, type CardDrag, type CardMoves } from './CriterionCard';
import { TextField, domId } from './fields';
import { plural } from '@/components/format';

interface Props {
  section: EditorSection;
  number: number;
  criteriaCount: number;
  moves: CardMoves;
  drag: CardDrag;
  onChange: (patch: Partial<Pick<EditorSection, 'id' | 'title' | 'description'>>) => void;
  onRemove: () => void;
}

export function sectionName(section: Pick<EditorSection, 'title'>, number: number): string {
  return section.title.trim() ? `section ${number}, “${section.title.trim()}”` : `section ${number}`;
}

export function SectionCard({ section, number, criteriaCount, moves, drag, onChange, onRemove }: Props) {
  const headingId = `${domId(`section.${section.key}`)}-heading`;
  const name = sectionName(section, number);
  const f = (n: 'id' | 'title' | 'description') => fieldKey.section(section.key, n);
  return (
    <li
      className={`editor-card section-editor${drag.hint ? ` drop-${drag.hint}` : ''}`}
      data-testid="editor-section"
      data-key={section.key}
      aria-labelledby={headingId}
      {...movableCard(moves, drag)}
    >
      <div className="card-head">
        <DragHandle drag={drag} />
        <h3 id={headingId}>
          Section {number}
          {section.title.trim() ? <span className="card-title">: {section.title.trim()}</span> : null}
          <span className="muted card-count"> · {plural(criteriaCount, 'criterion', 'criteria')}</span>
        </h3>
        <CardActions name={name} moves={moves} onRemove={onRemove} />
      </div>
      <div className="field-grid">
        <TextField field={f('title')} label="Section title" value={section.title} onChange={(title) => onChange({ title })} placeholder="e.g. Listen" />
        <TextField field={f('id')} label="Section id" value={section.id} onChange={(id) => onChange({ id })} hint={section.idEdited ? undefined : 'Made from the title.'} />
        <TextField field={f('description')} label="Description (optional)" value={section.description} onChange={(description) => onChange({ description })} className="wide" />
      </div>
    </li>
  );
}
