import { defineConfig } from 'wxt';
import { HELPDESK_HOST_PERMISSIONS } from './lib/helpdesk/registry';

// Least privilege: the helpdesk SaaS hosts only. Custom helpdesk domains are asked for at
// runtime from the options page, which is why https://*/* is optional and never granted up front.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'QA Scorecards for Zendesk & Freshdesk',
    short_name: 'QA Scorecards',
    description:
      'Score the open Zendesk or Freshdesk ticket against your QA rubric in a side panel. Local-first: reviews stay on this machine.',
    permissions: ['scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: HELPDESK_HOST_PERMISSIONS,
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Open QA scorecard' },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: optional hosts are optional permissions there.
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'qa-scorecards@example.org',
              strict_min_version: '140.0',
              // Local-first: nothing is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
