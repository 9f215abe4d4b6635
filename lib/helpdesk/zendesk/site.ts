import type { HelpdeskSite } from '../site';

export const zendeskSite = {
  name: 'zendesk',
  label: 'Zendesk',
  matches: ['https://*.zendesk.com/agent/*'],
  hostPermission: 'https://*.zendesk.com/*',
  agentPaths: ['/agent/*'],
  contentScript: 'content-scripts/zendesk.js',
  signInPath: '/access/login',
} as const satisfies HelpdeskSite;
