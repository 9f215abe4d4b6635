// The agent's side of the product inside the helpdesk page: the unsent reply is read as text (never
// written to), shared with the panel's self-check, and checked once more when Send is pressed.
// Everything here is built with DOM calls inside an open shadow root: no markup strings, and the
// helpdesk's styles cannot leak in.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkDraft, type DraftContext, type DraftFinding } from '../selfcheck/checks';
import type { SendGuardMode } from '../settings/settings';
import type { HelpdeskContentAdapter } from './adapter';

const REPORT_DELAY_MS = 300;
const HOST_ATTRIBUTE = 'data-qa-scorecards-guard';

export interface DraftGuardDeps {
  currentTicketId: () => string | null;
  draftContext: () => DraftContext | null;
  reportDraft: (ticketId: string, text: string) => void;
  /** the setting in Options; 'off' never holds a Send */
  sendGuard?: () => SendGuardMode;
}

export function readDraft(composer: HTMLElement): string {
  return (composer.innerText ?? composer.textContent ?? '').replace(/\u00a0/g, ' ').trim();
}

/**
 * Findings that may hold a Send: errors only (unfilled placeholders, card numbers, passwords).
 * A warning is advice the agent can take in the panel; stopping a correct reply for one (a chat
 * reply "without next steps") teaches agents to click through the prompt, errors included.
 */
export function blockingFindings(findings: DraftFinding[]): DraftFinding[] {
  return findings.filter((f) => f.severity === 'error');
}

const GUARD_CSS = `
:host { all: initial; }
.guard { font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2933; background: #fff8e1;
  border: 1px solid #f0c36d; border-radius: 8px; padding: 10px 12px; margin: 8px 0; box-shadow: 0 2px 6px rgba(0,0,0,.08); }
.title { font-weight: 700; margin: 0 0 4px; }
ul { margin: 4px 0 8px; padding-left: 18px; }
li.error { color: #b71c1c; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
button { font: inherit; border-radius: 6px; padding: 4px 12px; cursor: pointer; border: 1px solid #c9d1d9; background: #fff; }
button.primary { background: #1f6feb; border-color: #1f6feb; color: #fff; font-weight: 600; }
`;

export function runDraftGuard(ctx: ContentScriptContext, adapter: HelpdeskContentAdapter, deps: DraftGuardDeps): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let bypassOnce = false;
  let guardHost: HTMLElement | null = null;

  const activeComposer = () => {
    const id = deps.currentTicketId();
    return id ? { id, composer: adapter.composer(document, id) } : null;
  };

  const removeGuard = () => {
    guardHost?.remove();
    guardHost = null;
  };

  const showGuard = (composer: HTMLElement, button: HTMLElement, findings: DraftFinding[]) => {
    removeGuard();
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = GUARD_CSS;
    const box = document.createElement('div');
    box.className = 'guard';
    box.setAttribute('data-testid', 'send-guard');
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-label', 'Check your reply before sending');
    const title = document.createElement('p');
    title.className = 'title';
    title.textContent = 'Check your reply before sending';
    const list = document.createElement('ul');
    for (const f of findings) {
      const item = document.createElement('li');
      item.className = f.severity;
      item.setAttribute('data-rule', f.id);
      item.textContent = f.message;
      list.append(item);
    }
    const actions = document.createElement('div');
    actions.className = 'actions';
    const review = document.createElement('button');
    review.type = 'button';
    review.className = 'primary';
    review.setAttribute('data-testid', 'send-guard-review');
    review.textContent = 'Fix the reply';
    review.addEventListener('click', () => {
      removeGuard();
      composer.focus();
    });
    const sendAnyway = document.createElement('button');
    sendAnyway.type = 'button';
    sendAnyway.setAttribute('data-testid', 'send-anyway');
    sendAnyway.textContent = 'Send anyway';
    sendAnyway.addEventListener('click', () => {
      removeGuard();
      bypassOnce = true;
      button.click();
    });
    actions.append(review, sendAnyway);
    box.append(title, list, actions);
    shadow.append(style, box);
    (composer.parentElement ?? composer).insertAdjacentElement('afterend', host);
    guardHost = host;
    review.focus();
  };

  const onInput = (event: Event) => {
    const active = activeComposer();
    if (!active?.composer || !(event.target instanceof Node) || !active.composer.contains(event.target)) return;
    clearTimeout(timer);
    timer = setTimeout(() => deps.reportDraft(active.id, readDraft(active.composer!)), REPORT_DELAY_MS);
  };

  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest<HTMLElement>(adapter.sendButtonSelector);
    if (!button) return;
    if (bypassOnce) {
      bypassOnce = false;
      return;
    }
    if (deps.sendGuard?.() === 'off') return;
    const active = activeComposer();
    const context = deps.draftContext();
    if (!active?.composer || !context) return;
    // Only the send button of the ticket in front of the agent: other mounted panes have their own.
    if (adapter.sendsFrom && !adapter.sendsFrom(active.composer, button)) return;
    const findings = blockingFindings(checkDraft(readDraft(active.composer), context));
    if (!findings.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    showGuard(active.composer, button, findings);
  };

  ctx.addEventListener(document, 'input', onInput, { capture: true });
  ctx.addEventListener(document, 'click', onClick as EventListener, { capture: true });
  ctx.onInvalidated(() => {
    clearTimeout(timer);
    removeGuard();
  });
}
