// The one list of helpdesks. The name type, its zod schema, the parser dispatch, the labels in
// sentences, the manifest's hosts and the content scripts all derive from it. Kept free of
// browser APIs and parsers so the build config, the background and content scripts can import it.
// Adding a helpdesk: a folder lib/helpdesk/<name>/ with site.ts, parse.ts, identity.ts and
// content/adapter.ts, an entrypoints/<name>.content.ts, fixtures in tests/fixtures/<name>/, and
// one entry here (tests/unit/conventions.test.ts checks the rest).
import { freshdeskSite } from './freshdesk/site';
import type { HelpdeskSite } from './site';
import { zendeskSite } from './zendesk/site';

export type { HelpdeskSite } from './site';

export const HELPDESK_SITES = [zendeskSite, freshdeskSite] as const;

export type HelpdeskName = (typeof HELPDESK_SITES)[number]['name'];

export const HELPDESK_NAMES = HELPDESK_SITES.map((s) => s.name) as [HelpdeskName, ...HelpdeskName[]];

export const HELPDESK_HOST_PERMISSIONS: string[] = HELPDESK_SITES.map((s) => s.hostPermission);

export function siteFor(name: HelpdeskName): HelpdeskSite<HelpdeskName> {
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
