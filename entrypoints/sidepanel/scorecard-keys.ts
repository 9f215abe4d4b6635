// The scorecard's keyboard map: which key does what, and where. Pure (a key and where focus is in,
// a command out) so the rules are tested without a browser; use-scorecard-keys.ts applies them.

export type ScorecardCommand =
  /** choose the level at this index (digit − 1) and move on */
  | { type: 'choose'; index: number }
  /** mark N/A and move on */
  | { type: 'na' }
  /** focus the criterion's comment box */
  | { type: 'comment' }
  /** back from the comment box to the criterion's levels */
  | { type: 'leave-comment' }
  /** the next (1) or previous (−1) criterion */
  | { type: 'move'; by: 1 | -1 }
  /** the next (1) or previous (−1) level inside the criterion */
  | { type: 'level'; by: 1 | -1 }
  | { type: 'level-edge'; to: 'first' | 'last' }
  | { type: 'submit' }
  | { type: 'help' }
  /** the first criterion that still needs an answer (the scorecard from anywhere in the panel) */
  | { type: 'jump' };

/**
 * Where focus is: on a criterion's level or N/A button, in a criterion's comment box, in another
 * text field of the review form (strengths, development points), in a text field elsewhere in the
 * panel (a search box, a select), or anywhere else (the page itself, a button, a link).
 */
export type KeyPlace = 'rating' | 'comment' | 'form-text' | 'text' | 'other';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

export function commandFor(e: KeyInput, place: KeyPlace): ScorecardCommand | null {
  if (e.isComposing) return null;
  // A chord cannot be typed by accident, so it also works from the review's own text boxes.
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) return place === 'text' ? null : { type: 'submit' };
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (place === 'comment') return e.key === 'Escape' ? { type: 'leave-comment' } : null;
  // Typing stays typing.
  if (place === 'form-text' || place === 'text') return null;
  if (e.key === '?') return { type: 'help' };
  if (e.key === 's' || e.key === 'S') return { type: 'jump' };
  if (place !== 'rating') return null;
  if (/^[1-9]$/.test(e.key)) return { type: 'choose', index: Number(e.key) - 1 };
  switch (e.key) {
    case '0':
    case 'n':
    case 'N':
      return { type: 'na' };
    case 'c':
    case 'C':
      return { type: 'comment' };
    case 'ArrowDown':
    case 'j':
    case 'J':
      return { type: 'move', by: 1 };
    case 'ArrowUp':
    case 'k':
    case 'K':
      return { type: 'move', by: -1 };
    case 'ArrowRight':
      return { type: 'level', by: 1 };
    case 'ArrowLeft':
      return { type: 'level', by: -1 };
    case 'Home':
      return { type: 'level-edge', to: 'first' };
    case 'End':
      return { type: 'level-edge', to: 'last' };
    default:
      return null;
  }
}

/** The map as people read it: the `?` overlay and the README's Keyboard section list the same. */
export const KEY_HELP: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['S'], does: 'Go to the scorecard: the first criterion that still needs an answer' },
  { keys: ['Tab', 'Shift+Tab'], does: 'Next / previous criterion (one stop each), then the rest of the form' },
  { keys: ['1', '…', '9'], does: 'Choose that level (1 = lowest) and move to the next criterion' },
  { keys: ['N', '0'], does: 'Mark N/A (where the rubric allows it) and move on' },
  { keys: ['↓', 'J'], does: 'Next criterion' },
  { keys: ['↑', 'K'], does: 'Previous criterion' },
  { keys: ['←', '→', 'Home', 'End'], does: 'Move between the levels of a criterion' },
  { keys: ['Enter', 'Space'], does: 'Choose the focused level (again: clear it)' },
  { keys: ['C'], does: 'Comment on the criterion; Esc goes back to its levels' },
  { keys: ['Ctrl+Enter', '⌘+Enter'], does: 'Submit the review (or go to what is still missing)' },
  { keys: ['?'], does: 'Show these keys; Esc closes' },
];
