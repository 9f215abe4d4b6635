import { describe, expect, it } from 'vitest';
import { commandFor, KEY_HELP, type KeyPlace } from '@/entrypoints/sidepanel/scorecard-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const PLACES: KeyPlace[] = ['rating', 'comment', 'form-text', 'text', 'other'];

describe('commandFor', () => {
  it('scores from a criterion: digits choose a level, N and 0 mark N/A, C comments', () => {
    expect(commandFor(key('1'), 'rating')).toEqual({ type: 'choose', index: 0 });
    expect(commandFor(key('9'), 'rating')).toEqual({ type: 'choose', index: 8 });
    expect(commandFor(key('n'), 'rating')).toEqual({ type: 'na' });
    expect(commandFor(key('N'), 'rating')).toEqual({ type: 'na' });
    expect(commandFor(key('0'), 'rating')).toEqual({ type: 'na' });
    expect(commandFor(key('c'), 'rating')).toEqual({ type: 'comment' });
  });

  it('moves between criteria with ↑ ↓ J K and between levels with ← → Home End', () => {
    expect(commandFor(key('ArrowDown'), 'rating')).toEqual({ type: 'move', by: 1 });
    expect(commandFor(key('j'), 'rating')).toEqual({ type: 'move', by: 1 });
    expect(commandFor(key('ArrowUp'), 'rating')).toEqual({ type: 'move', by: -1 });
    expect(commandFor(key('K'), 'rating')).toEqual({ type: 'move', by: -1 });
    expect(commandFor(key('ArrowRight'), 'rating')).toEqual({ type: 'level', by: 1 });
    expect(commandFor(key('ArrowLeft'), 'rating')).toEqual({ type: 'level', by: -1 });
    expect(commandFor(key('Home'), 'rating')).toEqual({ type: 'level-edge', to: 'first' });
    expect(commandFor(key('End'), 'rating')).toEqual({ type: 'level-edge', to: 'last' });
  });

  it('never takes a key from someone typing: only Ctrl/⌘+Enter, and Esc to leave a comment box', () => {
    for (const place of ['comment', 'form-text', 'text'] as const) {
      for (const k of ['1', 'n', 'c', 'j', 'k', 's', 'S', '?', 'ArrowDown', 'ArrowLeft', 'Home', 'Enter']) expect(commandFor(key(k), place)).toBeNull();
    }
    expect(commandFor(key('Escape'), 'comment')).toEqual({ type: 'leave-comment' });
    expect(commandFor(key('Escape'), 'form-text')).toBeNull();
    expect(commandFor(key('Enter', { ctrlKey: true }), 'comment')).toEqual({ type: 'submit' });
    expect(commandFor(key('Enter', { metaKey: true }), 'form-text')).toEqual({ type: 'submit' });
    // A text field outside the review (a search box) keeps even the chord.
    expect(commandFor(key('Enter', { ctrlKey: true }), 'text')).toBeNull();
    // Nor while an input method composes a character.
    expect(commandFor(key('1', { isComposing: true }), 'rating')).toBeNull();
  });

  it('S, ? and Ctrl+Enter work from anywhere else in the panel; criterion keys only in a criterion', () => {
    for (const place of ['rating', 'other'] as const) {
      expect(commandFor(key('s'), place)).toEqual({ type: 'jump' });
      expect(commandFor(key('?'), place)).toEqual({ type: 'help' });
      expect(commandFor(key('Enter', { ctrlKey: true }), place)).toEqual({ type: 'submit' });
    }
    for (const k of ['1', 'n', 'c', 'j', 'ArrowDown', 'ArrowRight']) expect(commandFor(key(k), 'other')).toBeNull();
  });

  it('leaves the browser its own shortcuts: nothing with Ctrl, ⌘ or Alt except Ctrl/⌘+Enter', () => {
    for (const place of PLACES) {
      for (const mods of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }]) {
        for (const k of ['1', 'n', 'c', 's', 'j', 'ArrowDown']) expect(commandFor(key(k, mods), place)).toBeNull();
      }
      expect(commandFor(key('Enter', { ctrlKey: true, altKey: true }), place)).toBeNull();
    }
    expect(commandFor(key('Enter'), 'rating')).toBeNull(); // plain Enter presses the focused button
  });

  it('documents every key it acts on', () => {
    const documented = KEY_HELP.flatMap((row) => row.keys).join(' ');
    for (const k of ['S', '1', '9', 'N', '0', 'J', 'K', 'C', '↑', '↓', '←', '→', 'Home', 'End', 'Ctrl+Enter', '⌘+Enter', '?']) expect(documented).toContain(k);
  });
});
