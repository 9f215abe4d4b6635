import { defineConfig } from 'wxt';
import { HELPDESK_HOST_PERMISSIONS } from './lib/helpdesk/registry';

// Rendered from assets/icon.svg by scripts/generate-icons.ts and committed, so a build needs no
// renderer. WXT finds public/icon/<size>.png for `icons` by itself; the toolbar button needs them named.
const OPTIONAL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// Least privilege: the helpdesk SaaS hosts only. Custom helpdesk domains are asked for at
// runtime from the options page, which is why https://*/* is optional and never granted up front.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // `wxt zip -b firefox` also packs the sources, which addons.mozilla.org asks for because the
  // bundles are minified; reviewers rebuild them with `npm ci && npm run build:firefox`. Test
  // output, screenshots and the test suites are not needed for that.
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', 'screenshots/**', 'scripts/demo-screenshots/**', 'tests/**', '*.log'],
  },
  manifest: ({ browser }) => ({
    name: 'QA Scorecards for Zendesk & Freshdesk',
    short_name: 'QA Scorecards',
    description:
      'Score the open Zendesk or Freshdesk ticket against your QA rubric in a side panel. Local-first: reviews stay on this machine.',
    // alarms: the periodic team-store sync and the daily retention purge. unlimitedStorage keeps
    // reviews from being evicted under disk pressure (Chrome shows no prompt for it; Firefox would).
    permissions: ['scripting', 'storage', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel', 'unlimitedStorage'])],
    host_permissions: HELPDESK_HOST_PERMISSIONS,
    // Custom helpdesk domains, and a team store that does not answer CORS, are asked for at runtime.
    optional_host_permissions: OPTIONAL_HOSTS,
    icons: ICONS,
    action: { default_title: 'Open QA scorecard', default_icon: { 16: ICONS[16], 32: ICONS[32] } },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: optional hosts are optional permissions there.
          optional_permissions: OPTIONAL_HOSTS,
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
