// Which pages each helpdesk's content script runs on. Kept free of browser APIs and parsers so
// the build config, the background and the content scripts can all import it.
import type { HelpdeskName } from './types';

export interface HelpdeskSite {
  name: HelpdeskName;
  label: string;
  /** manifest match patterns on the vendor's own hosts */
  matches: string[];
  /** paths of the agent app, used to build match patterns for custom domains */
  agentPaths: string[];
  /** the built content script that serves this helpdesk */
  contentScript: string;
  /** the agent sign-in page on an instance (it sends SSO accounts on to their identity provider) */
  signInPath: string;
}

export const HELPDESK_SITES: readonly HelpdeskSite[] = [
  {
    name: 'zendesk',
    label: 'Zendesk',
    matches: ['https://*.zendesk.com/agent/*'],
    agentPaths: ['/agent/*'],
    contentScript: 'content-scripts/zendesk.js',
    signInPath: '/access/login',
  },
  {
    name: 'freshdesk',
    label: 'Freshdesk',
    matches: ['https://*.freshdesk.com/a/*', 'https://*.freshdesk.com/helpdesk/tickets/*'],
    agentPaths: ['/a/*', '/helpdesk/tickets/*'],
    contentScript: 'content-scripts/freshdesk.js',
    signInPath: '/login',
  },
];

export const HELPDESK_HOST_PERMISSIONS = ['https://*.zendesk.com/*', 'https://*.freshdesk.com/*'];

export function siteFor(name: HelpdeskName): HelpdeskSite {
  const site = HELPDESK_SITES.find((s) => s.name === name);
  if (!site) throw new Error(`Unknown helpdesk: ${name}`);
  return site;
}

/** The helpdesk's own sign-in page for an instance (host), e.g. https://acme.zendesk.com/access/login. */
export function signInUrl(name: HelpdeskName, instance: string): string {
  return `https://${instance}${siteFor(name).signInPath}`;
}

/** Match patterns for a custom domain such as support.acme.com. */
export function customDomainMatches(name: HelpdeskName, host: string): string[] {
  return siteFor(name).agentPaths.map((p) => `https://${host}${p}`);
}

const HOST_RE = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

/** Accepts "support.acme.com", "https://support.acme.com/agent/" and the like; null if not a host. */
export function normalizeCustomHost(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (!/^[a-z]+:\/\//.test(text)) text = `https://${text}`;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:') return null;
    return HOST_RE.test(url.hostname) ? url.hostname : null;
  } catch {
    return null;
  }
}
