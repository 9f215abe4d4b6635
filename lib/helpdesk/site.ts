// What the rest of the extension needs to know about one helpdesk before any ticket is read:
// where its agent app lives and which content script serves it. Each helpdesk folder declares
// one of these in site.ts; the registry lists them.

export interface HelpdeskSite<Name extends string = string> {
  name: Name;
  /** the product's name as people write it, for sentences in the panel */
  label: string;
  /** manifest match patterns on the vendor's own hosts */
  matches: readonly string[];
  /** host permission that covers the vendor's hosts (API reads and the agent app) */
  hostPermission: string;
  /** paths of the agent app, used to build match patterns for custom domains */
  agentPaths: readonly string[];
  /** the built content script that serves this helpdesk (`entrypoints/<name>.content.ts`) */
  contentScript: string;
  /** where a signed-out agent signs in again, on the instance's own host */
  signInPath: string;
}
