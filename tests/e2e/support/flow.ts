// Steps shared by the end-to-end specs: open a helpdesk ticket, bind the panel to its tab.
import { expect, type Page } from '@playwright/test';
import { routeMockHelpdesks } from '../../support/mock-helpdesk';
import type { MockHelpdeskOptions } from '../../support/mock-helpdesk/types';
import { launchWithExtension, openPanel, tabIdOf, type LoadedExtension } from './extension';

export interface Session extends LoadedExtension {
  requests: Awaited<ReturnType<typeof routeMockHelpdesks>>['requests'];
}

export async function startSession(profileDir: string, mock: MockHelpdeskOptions = {}): Promise<Session> {
  const ext = await launchWithExtension(profileDir);
  const { requests } = await routeMockHelpdesks(ext.context, mock);
  return { ...ext, requests };
}

export async function openTicketWithPanel(session: Session, url: string): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(session.worker, page);
  const panel = await openPanel(session, tabId);
  await expect(panel.getByTestId('qa-panel')).toBeVisible();
  return { page, panel, tabId };
}

/** The highest rating option of the n-th criterion (the rubric's own values, whatever they are). */
export function ratingOption(panel: Page, criterionIndex: number, optionIndex: 'first' | 'last') {
  const options = panel.getByTestId('criterion').nth(criterionIndex).getByTestId('rating-option');
  return optionIndex === 'first' ? options.first() : options.last();
}
