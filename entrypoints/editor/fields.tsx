// Labelled form fields that show their own problem in plain words, with the JSON path of the file
// folded away under "Where in the file". A problem shows once the field was left (or after a
// Save), so a half-typed field is not scolded while the person is still typing it.
import { createContext, useContext, type ChangeEvent, type ReactNode } from 'react';
import type { FieldProblem } from './editor-state';

export interface FieldsApi {
  problems: ReadonlyMap<string, FieldProblem>;
  shown: (field: string) => boolean;
  touch: (field: string) => void;
}

export const FieldsContext = createContext<FieldsApi>({ problems: new Map(), shown: () => false, touch: () => undefined });

/** The DOM id of a field's control (also used to move focus to it). */
export const domId = (field: string) => `f-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function FieldError({ field, problem }: { field: string; problem: FieldProblem }) {
  return (
    <div className="field-error" data-testid="field-error" data-field={field}>
      <span id={`${domId(field)}-error`}>{problem.message}</span>
      <details>
        <summary>Where in the file</summary>
        <code>{problem.path}</code>
      </details>
    </div>
  );
}

/** Props for a field's control and its error element, if one shows. */
export function useField(field: string, hintId?: string) {
  const api = useContext(FieldsContext);
  const problem = api.shown(field) ? api.problems.get(field) : undefined;
  const describedBy = [hintId, problem ? `${domId(field)}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return {
    control: { id: domId(field), 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy, onBlur: () => api.touch(field) },
    error: problem ? <FieldError field={field} problem={problem} /> : null,
  };
}

interface TextFieldProps {
  field: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'number';
  className?: string;
  placeholder?: string;
  /** extra attributes for a number input */
  min?: number;
  max?: number;
  step?: number | 'any';
  readOnly?: boolean;
  testId?: string;
}

export function TextField({ field, label, value, onChange, hint, multiline, rows = 2, type = 'text', className, placeholder, min, max, step, readOnly, testId }: TextFieldProps) {
  const hintId = hint ? `${domId(field)}-hint` : undefined;
  const { control, error } = useField(field, hintId);
  const change = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value);
  return (
    <div className={`editor-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={control.id}>{label}</label>
      {multiline ? (
        <textarea {...control} value={value} onChange={change} rows={rows} placeholder={placeholder} readOnly={readOnly} data-testid={testId} />
      ) : (
        <input {...control} type={type} value={value} onChange={change} placeholder={placeholder} min={min} max={max} step={step} readOnly={readOnly} data-testid={testId} />
      )}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error}
    </div>
  );
}
