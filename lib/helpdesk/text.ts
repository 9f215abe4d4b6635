// Plain-string HTML → text helpers for the helpdesk parsers.
//
// These run in the background service worker, where there is no DOM and no DOMParser, so this is
// a small hand-written scanner instead. It is linear in the input (no backtracking regexes over
// markup) because a 5 000-comment ticket is converted on every load. It never evaluates anything:
// markup is dropped, and text that merely *looks* like markup (an escaped `&lt;script&gt;`) comes
// out as the literal characters, which the UI renders as text.

// Latin-1 names for U+00A0..U+00FF, in code point order (HTML 4 / HTML5 legacy set).
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

// The rest of what mail clients and helpdesk editors actually emit. Unknown names are left as
// they are rather than guessed at.
const OTHER_ENTITIES: Record<string, number> = {
  quot: 0x22, amp: 0x26, apos: 0x27, lt: 0x3c, gt: 0x3e,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192,
  circ: 0x2c6, tilde: 0x2dc,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c,
  rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026,
  permil: 0x2030, prime: 0x2032, Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e,
  frasl: 0x2044, euro: 0x20ac, trade: 0x2122, larr: 0x2190, uarr: 0x2191, rarr: 0x2192,
  darr: 0x2193, harr: 0x2194, minus: 0x2212, le: 0x2264, ge: 0x2265, ne: 0x2260,
  hearts: 0x2665, check: 0x2713, nbhy: 0x2011, NewLine: 0x0a, Tab: 0x09,
};

const NAMED_ENTITIES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  LATIN1_NAMES.split(' ').forEach((name, i) => map.set(name, String.fromCharCode(0xa0 + i)));
  for (const [name, code] of Object.entries(OTHER_ENTITIES)) map.set(name, String.fromCodePoint(code));
  return map;
})();

// HTML maps numeric references in the C1 range to their Windows-1252 meaning (`&#150;` is an en
// dash, not a control character) — old mail clients still produce these.
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x2c6, 0x89: 0x2030, 0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152, 0x8e: 0x17d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2dc,
  0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a, 0x9c: 0x153, 0x9e: 0x17e, 0x9f: 0x178,
};

// A semicolon is required: "AT&T" or "a&b=1" in plain text must survive untouched.
const ENTITY_RE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(WINDOWS_1252[code] ?? code);
}

/** Decodes named (common set) and numeric character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name !== undefined && NAMED_ENTITIES.get(name)) || whole;
  });
}

/**
 * Tidies text that is already plain: unifies line breaks, trims each line (Freshdesk's
 * `body_text` pads every line break with spaces: "Hi \n \nThanks"), keeps at most one blank line
 * between paragraphs, and trims the whole. Leading indentation is not meaningful in helpdesk
 * transcripts, so it goes too.
 */
export function tidyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let out = '';
  let blank = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      blank++;
      continue;
    }
    if (out !== '') out += blank > 0 ? '\n\n' : '\n';
    out += line;
    blank = 0;
  }
  return out;
}

/**
 * Text that is meant to be plain but may carry character references (Zendesk `plain_body` holds
 * `&nbsp;`). Tags are NOT stripped here: in a plain-text field, `<script>` is something the
 * customer typed and must reach the reviewer literally.
 */
export function plainToText(text: string): string {
  return tidyText(decodeEntities(text));
}

// Elements whose boundaries are line breaks in rendered text.
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'table', 'hr']);
const LINE = new Set([
  'address', 'article', 'aside', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'header', 'li', 'main', 'nav', 'section', 'summary',
  'tbody', 'tfoot', 'thead', 'tr', 'caption',
]);
// Elements whose content is never visible text: skipped together with their content.
const INVISIBLE = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'iframe', 'object']);

const closingTagRes = new Map<string, RegExp>();
function closingTagRe(name: string): RegExp {
  let re = closingTagRes.get(name);
  if (!re) {
    re = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
    closingTagRes.set(name, re);
  }
  return re;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Index just past the `>` closing the tag whose name ends at `from`, honouring quoted attribute values; -1 if none. */
function endOfTag(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  return -1;
}

/**
 * Converts an HTML fragment to readable plain text: drops tags, comments and the content of
 * script/style-like elements, turns block boundaries and `<br>` into line breaks, collapses source
 * whitespace the way a browser does (except inside `<pre>`), then decodes character references.
 * Lines are trimmed afterwards (see `tidyText`), so indentation inside `<pre>` is not kept.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  // Block boundaries only *require* a break (1 = new line, 2 = blank line) before the next text,
  // so "</div><div>" is one line break, not two, as in a browser.
  let pending = 0;
  let trailingNewlines = 1; // the start counts as a line start
  let pre = 0;
  const emit = (text: string) => {
    if (pending > trailingNewlines) out.push('\n'.repeat(pending - trailingNewlines));
    pending = 0;
    out.push(text);
    let count = 0;
    while (count < text.length && text.charCodeAt(text.length - 1 - count) === 10) count++;
    trailingNewlines = count === text.length ? trailingNewlines + count : count;
  };
  const pushText = (raw: string) => {
    if (raw === '') return;
    // Collapse only HTML whitespace, not U+00A0 — decoding comes after so `&nbsp;` and `&#10;`
    // keep their meaning.
    const collapsed = pre > 0 ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ');
    // Source indentation between blocks is not text.
    if (collapsed === ' ' && (pending > 0 || trailingNewlines > 0)) return;
    emit(decodeEntities(collapsed));
  };

  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    const next = html.charCodeAt(lt + 1);

    if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Comment, doctype, CDATA or processing instruction: never text.
      const isComment = html.startsWith('<!--', lt);
      const close = isComment ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt);
      i = close === -1 ? n : close + (isComment ? 3 : 1);
      continue;
    }

    const closing = next === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      // "a < b", "</ 3", "<3": a browser shows these as text, and so do we.
      emit('<');
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < n && !/[\s/>]/.test(html.charAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const end = endOfTag(html, nameEnd);
    if (end === -1) break; // an unterminated tag at the end swallows the rest, as in a browser
    i = end;

    if (!closing && INVISIBLE.has(name) && html.charCodeAt(end - 2) !== 47) {
      const re = closingTagRe(name);
      re.lastIndex = end;
      const m = re.exec(html);
      if (!m) break;
      const after = endOfTag(html, m.index + 2 + name.length);
      i = after === -1 ? n : after;
      continue;
    }

    if (name === 'br') emit('\n');
    else if (PARAGRAPH.has(name)) pending = Math.max(pending, 2);
    else if (LINE.has(name)) pending = Math.max(pending, 1);
    else if (!closing && (name === 'td' || name === 'th')) emit(' ');

    if (name === 'pre') pre = closing ? Math.max(0, pre - 1) : pre + 1;
  }
  return tidyText(out.join(''));
}
