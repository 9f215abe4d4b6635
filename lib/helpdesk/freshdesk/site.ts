import type { HelpdeskSite } from '../site';

export const freshdeskSite = {
  name: 'freshdesk',
  label: 'Freshdesk',
  matches: ['https://*.freshdesk.com/a/*', 'https://*.freshdesk.com/helpdesk/tickets/*'],
  hostPermission: 'https://*.freshdesk.com/*',
  agentPaths: ['/a/*', '/helpdesk/tickets/*'],
  contentScript: 'content-scripts/freshdesk.js',
  signInPath: '/login',
} as const satisfies HelpdeskSite;
