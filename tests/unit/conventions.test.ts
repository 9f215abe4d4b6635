// Conventions that keep the codebase ready for more helpdesks, messages and pages. Each failure
// says what is missing and where it goes (see README → Development).
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlerSlices } from '@/lib/background/handlers';
import type { BackgroundDeps } from '@/lib/background/handlers';
import { HELPDESK_SITES } from '@/lib/helpdesk/registry';
import { parseRawTicket } from '@/lib/helpdesk/parsers';
import { events, protocol } from '@/lib/messaging/protocol';

const root = path.resolve(__dirname, '../..');
const exists = (p: string) => fs.existsSync(path.join(root, p));

describe('every registered helpdesk is complete', () => {
  for (const site of HELPDESK_SITES) {
    describe(site.name, () => {
      it('has its pure files, its page files and its content script', () => {
        const needed = [
          `lib/helpdesk/${site.name}/site.ts`,
          `lib/helpdesk/${site.name}/parse.ts`,
          `lib/helpdesk/${site.name}/identity.ts`,
          `lib/helpdesk/${site.name}/content/adapter.ts`,
          `lib/helpdesk/${site.name}/content/api.ts`,
          `lib/helpdesk/${site.name}/content/selectors.ts`,
          `entrypoints/${site.name}.content.ts`,
        ];
        expect(needed.filter((p) => !exists(p))).toEqual([]);
        expect(site.contentScript).toBe(`content-scripts/${site.name}.js`);
      });

      it('has recorded API fixtures', () => {
        const dir = path.join(root, 'tests/fixtures', site.name);
        expect(fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0).toBeGreaterThan(0);
      });

      it('has a parser behind the dispatch, which rejects junk with its own name in the message', () => {
        expect(() => parseRawTicket(site.name, `acme.${site.name}.com`, { ticket: 'junk' })).toThrow(site.label);
      });

      it('keeps its DOM selectors in its own selectors file only', () => {
        // Page code outside the helpdesk's folder must not know its markup.
        const shared = fs.readdirSync(path.join(root, 'lib/content')).map((f) => fs.readFileSync(path.join(root, 'lib/content', f), 'utf8'));
        for (const text of shared) expect(text).not.toMatch(/data-test-id|\.fr-element|ckeditor/);
      });
    });
  }

  it('lists every helpdesk folder in the registry', () => {
    const folders = fs
      .readdirSync(path.join(root, 'lib/helpdesk'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(HELPDESK_SITES.map((s) => s.name).sort());
  });
});

describe('the message protocol', () => {
  const slices = handlerSlices({} as BackgroundDeps);

  it('has exactly one handler per message, in one feature slice', () => {
    const owners = new Map<string, string[]>();
    for (const [feature, slice] of Object.entries(slices)) {
      for (const name of Object.keys(slice)) owners.set(name, [...(owners.get(name) ?? []), feature]);
    }
    const names = Object.keys(protocol).sort();
    expect([...owners.keys()].sort()).toEqual(names);
    expect([...owners].filter(([, features]) => features.length !== 1)).toEqual([]);
  });

  it('names requests and events <feature>:<action> and never reuses a name for both', () => {
    const pattern = /^[a-z]+:[a-z]+(-[a-z]+)*$/;
    for (const name of [...Object.keys(protocol), ...Object.keys(events)]) expect(name).toMatch(pattern);
    expect(Object.keys(events).filter((e) => e in protocol)).toEqual([]);
  });
});

describe('extension pages', () => {
  const pages = fs
    .readdirSync(path.join(root, 'entrypoints'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('each page folder has its HTML and its entry module', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect(exists(`entrypoints/${page}/index.html`), `entrypoints/${page}/index.html`).toBe(true);
      expect(exists(`entrypoints/${page}/main.tsx`), `entrypoints/${page}/main.tsx`).toBe(true);
    }
  });

  it('shared components are used by more than one page, page components stay in their folder', () => {
    // A component in components/ that only one page imports belongs in that page's folder.
    const uses = new Map<string, Set<string>>();
    const walk = (dir: string, page: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full, page);
        else if (/\.(ts|tsx)$/.test(entry.name)) {
          for (const m of fs.readFileSync(full, 'utf8').matchAll(/from '@\/components\/([^']+)'/g)) {
            uses.set(m[1]!, (uses.get(m[1]!) ?? new Set()).add(page));
          }
        }
      }
    };
    for (const page of pages) walk(path.join(root, 'entrypoints', page), page);
    const onePageOnly = [...uses].filter(([, p]) => p.size < 2).map(([c, p]) => `${c} (only ${[...p].join()})`);
    expect(onePageOnly).toEqual([]);
  });
});
