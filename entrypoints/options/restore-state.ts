// The restore flow of Options → Your data: pick a file → checked by the background → refused
// with its problems, or previewed with counts and a choice of merge or replace → restored.
// Each file gets a number, so the answer about an earlier file never lands on a later one.
import type { ResponseOf } from '@/lib/messaging/protocol';

export type RestorePreview = ResponseOf<'data:restore-preview'>;
export type RestoreResult = ResponseOf<'data:restore'>;
export type RestoreMode = RestoreResult['mode'];

interface FileRef {
  /** a number per chosen file, different from the one before */
  file: number;
  fileName: string;
}

export type RestoreState =
  | { step: 'idle'; file: number }
  | ({ step: 'checking' } & FileRef)
  | ({ step: 'refused'; title: string; problems: string[] } & FileRef)
  | ({ step: 'preview' | 'restoring'; text: string; preview: RestorePreview; mode: RestoreMode } & FileRef)
  | ({ step: 'restored'; result: RestoreResult } & FileRef);

export type RestoreAction =
  | ({ type: 'file-chosen' } & FileRef)
  | ({ type: 'refused'; title: string; problems: string[] } & FileRef)
  | ({ type: 'previewed'; text: string; preview: RestorePreview } & FileRef)
  | { type: 'mode'; mode: RestoreMode }
  | { type: 'confirm' }
  | { type: 'restored'; result: RestoreResult }
  | { type: 'failed'; title: string; problems: string[] }
  | { type: 'cancel' };

export const initialRestoreState: RestoreState = { step: 'idle', file: 0 };

export function restoreReducer(state: RestoreState, action: RestoreAction): RestoreState {
  switch (action.type) {
    case 'file-chosen':
      // A file cannot be swapped in while one is being written.
      if (state.step === 'restoring') return state;
      return { step: 'checking', file: action.file, fileName: action.fileName };
    case 'refused':
      if (state.step !== 'checking' || state.file !== action.file) return state;
      return { step: 'refused', file: state.file, fileName: state.fileName, title: action.title, problems: action.problems };
    case 'previewed':
      if (state.step !== 'checking' || state.file !== action.file) return state;
      // Merge first: it never changes what is here.
      return { step: 'preview', file: state.file, fileName: state.fileName, text: action.text, preview: action.preview, mode: 'merge' };
    case 'mode':
      return state.step === 'preview' ? { ...state, mode: action.mode } : state;
    case 'confirm':
      return state.step === 'preview' ? { ...state, step: 'restoring' } : state;
    case 'restored':
      return state.step === 'restoring' ? { step: 'restored', file: state.file, fileName: state.fileName, result: action.result } : state;
    case 'failed':
      return state.step === 'restoring' ? { step: 'refused', file: state.file, fileName: state.fileName, title: action.title, problems: action.problems } : state;
    case 'cancel':
      return state.step === 'restoring' ? state : { step: 'idle', file: state.file };
  }
}
