import { describe, expect, it } from 'vitest';
import { isFromBackground } from '@/lib/messaging/client';
import { readContentCommand } from '@/lib/messaging/names';
import { readEvent } from '@/lib/messaging/protocol';

describe('readEvent', () => {
  it('returns the validated data of the named event only', () => {
    const message = { type: 'tab:draft-changed', data: { tabId: 3, draft: null } };
    expect(readEvent('tab:draft-changed', message)).toEqual({ tabId: 3, draft: null });
    expect(readEvent('tab:state-changed', message)).toBeUndefined();
  });

  it('drops an event whose data does not fit its schema', () => {
    expect(readEvent('tab:state-changed', { type: 'tab:state-changed', data: { tabId: 3, state: { status: 'ready' } } })).toBeUndefined();
    expect(readEvent('tab:state-changed', { type: 'tab:state-changed', tabId: 3, state: { status: 'idle' } })).toBeUndefined();
    expect(readEvent('library:changed', 'library:changed')).toBeUndefined();
  });
});

describe('readContentCommand', () => {
  it('knows the commands and nothing else', () => {
    expect(readContentCommand({ type: 'content:reload' })).toBe('content:reload');
    expect(readContentCommand({ type: 'content:report-again' })).toBe('content:report-again');
    expect(readContentCommand({ type: 'content:delete-everything' })).toBeNull();
    expect(readContentCommand({ type: 'content:reload', data: { extra: true } })).toBeNull();
    expect(readContentCommand(null)).toBeNull();
    expect(readContentCommand('content:reload')).toBeNull();
  });
});

describe('isFromBackground', () => {
  const self = { id: 'ext', backgroundUrls: ['chrome-extension://ext/background.js'] };

  it('accepts the background script of this extension', () => {
    expect(isFromBackground({ id: 'ext', url: 'chrome-extension://ext/background.js' }, self)).toBe(true);
  });

  it('refuses content scripts, other extensions and other pages of ours', () => {
    // A content script of ours runs in a helpdesk tab: its messages carry the tab.
    expect(isFromBackground({ id: 'ext', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 4 } as never }, self)).toBe(false);
    expect(isFromBackground({ id: 'other', url: 'chrome-extension://other/background.js' }, self)).toBe(false);
    expect(isFromBackground({ id: 'ext', url: 'chrome-extension://ext/options.html' }, self)).toBe(false);
  });
});
