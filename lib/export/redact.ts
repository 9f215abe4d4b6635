// Redaction of free text before it leaves the machine (public contract §7): e-mail addresses,
// phone numbers and payment card numbers become `[email]`, `[phone]` and `[card]`; order numbers,
// amounts, dates, times, versions, IP addresses and decimals stay.
//
// How numbers are told apart (each rule has cases in tests/unit/export/redact.test.ts):
// - A "run" is digits joined by single phone separators (space, dash, dot, slash, a bracketed
//   area code such as "(415)" or "(0)"), with an optional leading "+". A run that starts right
//   after a letter, digit, "#", "@", a "-" or "/" glued to a word (INV-2026), or after a decimal
//   mark / colon glued to a digit (3.14, 14:30), is part of something else and never a candidate.
// - Dates (2026-12-01, 01/12/2026, 1.12.2026, 01.12.26) are set aside before runs are read, so a
//   date never joins a neighbouring number. Times never form runs: ":" is not a separator.
// - Cards are checked before phones: 13–19 digits, not starting with 0 (no card number does; many
//   phone numbers do), ungrouped or grouped by one kind of separator (space or dash) in groups of
//   3+ digits, not all one digit, passing Luhn. A card-shaped number that fails Luhn is not a card;
//   with 13+ digits it is too long for a national phone number, so it stays — whole, when printed
//   like a card (4111 1111 1111 1112), not searched for a phone in its first groups.
// - Phones: 7–12 digits nationally, 7–15 after "+" or "00" (E.164). Grouping decides:
//   · international ("+44 …", "0044 …", "+44 (0)20 …") — any phone grouping;
//   · a national trunk "0" first (020 7946 0958, 07700 900123, 030/1234567, (02) 9876 5432,
//     01 23 45 67 89) — any phone grouping;
//   · otherwise three or more groups of at most 4 digits ending in a group of 3+ (415 555 0132,
//     1-800-555-0199, 1300 123 456), a bracketed area code ((415) 5550132), or the Indian mobile
//     layout of two groups of five starting 6–9 (98765 43210).
// - Ungrouped digit runs are the ambiguous case: an order, ticket or invoice number looks just
//   like a phone number without its formatting. The rule: an ungrouped run is a phone only with a
//   "+" or "00" prefix, a national trunk "0" with 10–12 digits in all (07700900123, 0301234567),
//   or a phone word just before it ("call 4155550132", "mobile: 9876543210"). Anything else
//   ("order 1234567", "4155550132" alone) stays: without a sign of a phone it is more likely a
//   reference, and redacting every long number would make exports useless for follow-up.
// - A reference word right before a run ("order", "invoice", "ticket", "ref", "#", "version", …,
//   with only words such as "number", "no.", "is", "your" in between) keeps it unless it starts
//   with "+" or "00". Phone words count up to four words back. The nearest word wins; a number or a
//   placeholder in between ends the look-back, so "call 020 7946 0958 1234567" leaves 1234567 alone.
//   Loose words such as "customer" or "part" are no reference words: "customer 020 7946 0958" is
//   a phone, and a missed phone number is worse than a redacted reference.
// - Never phones: runs next to a currency sign or code, or followed by a decimal part
//   (1 234 567,89 €); thousands groupings (12 345 678, 1.234.567) unless a phone word precedes;
//   four dotted groups of 1–3 digits (IP-like); dotted runs of fewer than three groups (decimals);
//   runs with a single-digit group in the middle (versions 10.0.19045, ISBN 978-3-16-148410-0);
//   runs glued to a following letter or digit (codes such as 4155550132abc).
// - A run that is not a card or phone as a whole is searched for one in its space-separated
//   parts, so "1234567 020 7946 0958" becomes "1234567 [phone]".
//
// Every step is a single left-to-right pass or a regular expression whose starts are anchored so
// that no position is rescanned: the time grows linearly with the text whatever it contains (a
// megabyte of support text takes about a tenth of a second, a megabyte of nothing but digit groups
// about a second). Placeholders hold no digits or "@", and a placeholder counts as the number it
// replaced wherever the character before a number matters, so redacting twice gives the same text
// as redacting once.
import { passesLuhn } from '../selfcheck/checks';

export const EMAIL_PLACEHOLDER = '[email]';
export const PHONE_PLACEHOLDER = '[phone]';
export const CARD_PLACEHOLDER = '[card]';

// E-mails are found from their "@": the local part is read leftwards (never back into the e-mail
// before it), the domain with a sticky expression from just after the "@". Each character is read
// by at most one "@" on each side, so a long run of address characters costs one pass.
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;

// Quantifiers are bounded, so each start costs a constant; the look-arounds keep a date from
// being cut out of a longer dotted or dashed number (06.12.34.56.78 is a phone, not a date).
const DATE =
  /(?<![\p{L}\p{N}_.,/:+-])(?:(\d{4})([-./])(\d{1,2})\2(\d{1,2})|(\d{1,2})([-./])(\d{1,2})\6(?:\d{4}|\d{2}))(?![\p{N}]|[-./,]\p{N})/gu;

const CURRENCY_SIGNS = new Set(['£', '$', '€', '¥', '₹', '₽', '₩', '₺', '₪', '฿']);
const CURRENCY_WORDS = new Set([
  'usd', 'eur', 'gbp', 'aud', 'cad', 'nzd', 'inr', 'chf', 'jpy', 'cny', 'sek', 'nok', 'dkk', 'pln',
  'czk', 'huf', 'zar', 'sgd', 'hkd', 'mxn', 'brl', 'rs', 'rupees', 'euro', 'euros',
  'dollars', 'pounds',
]);
const AMOUNT_AFTER =
  /^(?:[.,]\d{1,2}(?!\d)|[\u0020\u00a0\u202f]?(?:[£$€¥₹₽₩₺₪฿%‰]|(?:usd|eur|gbp|aud|cad|nzd|inr|chf|jpy|cny|sek|nok|dkk|pln|czk|huf|zar|sgd|hkd|mxn|brl|rs|k|m|bn|mio|million|billion|dollars?|euros?|pounds?|rupees?)(?![\p{L}\p{N}])))/iu;

// Words that say the next number is a phone number, or that it is a reference of some kind.
const PHONE_WORDS = new Set([
  'call', 'called', 'calling', 'phone', 'phoned', 'telephone', 'tel', 'tele', 'ph', 'mobile', 'mob',
  'cell', 'cellphone', 'handy', 'telefon', 'telefono', 'teléfono', 'téléphone', 'tél', 'portable',
  'whatsapp', 'sms', 'text', 'texted', 'fax', 'landline', 'dial', 'ring', 'contact', 'reach',
]);
const REFERENCE_WORDS = new Set([
  'order', 'orders', 'invoice', 'inv', 'ticket', 'tickets', 'case', 'ref', 'reference', 'tracking',
  'shipment', 'parcel', 'booking', 'reservation', 'confirmation', 'transaction', 'txn', 'receipt',
  'po', 'sku', 'serial', 'id', 'version', 'ver', 'v', 'build', 'rma', 'voucher', 'coupon',
  'bestellung', 'rechnung', 'commande', 'facture', '#', '№',
]);
// Words that may stand between a reference word and its number ("order number is 1234567").
const FILLER_WORDS = new Set([
  'number', 'numbers', 'no', 'nr', 'num', 'is', 'was', 'are', 'the', 'a', 'an', 'your', 'my', 'our',
  'his', 'her', 'their', 'this', 'that', 'of', 'for', 'on', 'at', 'to', 'me', 'us', 'back',
]);
const LOOK_BACK = 48;
const LOOK_BACK_WORDS = 4;
const CONTEXT_TOKEN = /\[(?:email|phone|card)\]|[\p{L}\p{M}]+|\p{N}+|[#№]/gu;

const MAX_DIGITS = 19;
const MIN_DIGITS = 7;
/** More groups than any card or phone in a window of the sub-run search. */
const MAX_SEGMENTS = 8;

interface Group {
  /** the digits, without brackets */
  digits: string;
  /** index of the group's first character ("(" for a bracketed group) */
  start: number;
  /** index after its last character (after ")" for a bracketed group) */
  end: number;
  /** separator before it: '' (first group, or right after a bracketed group), ' ', '-', '.', '/' */
  sep: string;
  /** the separator had a space in it (" / ", " - "): where a list of numbers may split */
  spaced: boolean;
  bracketed: boolean;
}

interface Run {
  /** index of the "+" or of the first group */
  start: number;
  plus: boolean;
  groups: Group[];
}

type Kind = 'card' | 'phone';

/** `text` with e-mail addresses, phone numbers and card numbers replaced (contract §7). */
export function redactText(text: string): string {
  const withoutEmails = replaceEmails(text);
  const scanned = maskDates(withoutEmails);
  const spans: { start: number; end: number; kind: Kind }[] = [];
  for (const run of findRuns(scanned)) spans.push(...classifyRun(withoutEmails, run));
  if (spans.length === 0) return withoutEmails;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += withoutEmails.slice(at, span.start) + (span.kind === 'card' ? CARD_PLACEHOLDER : PHONE_PLACEHOLDER);
    at = span.end;
  }
  return out + withoutEmails.slice(at);
}

function replaceEmails(text: string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let from = at;
    while (from > copied && EMAIL_LOCAL_CHAR.test(text[from - 1]!)) from -= 1;
    // "a@b.com.x@y.org": the dot after the first address ends a sentence, it starts no address.
    while (from < at && text[from] === '.') from += 1;
    if (from === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (!domain) continue;
    out += text.slice(copied, from) + EMAIL_PLACEHOLDER;
    copied = at + 1 + domain[0].length;
    at = copied - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Same length, dates overwritten with letters: a date then never starts or joins a run. */
function maskDates(text: string): string {
  return text.replace(DATE, (match: string, ...groups: (string | undefined)[]) => {
    const [year, , yearMonth, yearDay, first, , second] = groups;
    const plausible = year !== undefined
      ? isDayMonth(Number(yearDay), Number(yearMonth))
      : isDayMonth(Number(first), Number(second)) || isDayMonth(Number(second), Number(first));
    return plausible ? 'x'.repeat(match.length) : match;
  });
}

function isDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\u202f' || c === '\t';
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/**
 * The character before `index`, where a `[phone]` or `[card]` placeholder counts as the digit it
 * replaced: whatever was glued to a number stays glued to it once redacted, so a second pass
 * makes the same decisions as the first.
 */
function charBefore(text: string, index: number): string | undefined {
  const c = text[index - 1];
  if (c === ']' && (text.endsWith(PHONE_PLACEHOLDER, index) || text.endsWith(CARD_PLACEHOLDER, index))) return '0';
  return c;
}

/** Whether a run may start at `index`: not glued to the word or number before it. */
function mayStartAt(text: string, index: number): boolean {
  const before = charBefore(text, index);
  if (before === undefined) return true;
  if (isWordChar(before) || before === '#' || before === '@' || before === '+' || before === '№') return false;
  const beforeThat = charBefore(text, index - 1);
  if (before === '-' || before === '/' || before === '\\') return !isWordChar(beforeThat);
  if (before === '.' || before === ',' || before === ':') return !isDigit(beforeThat);
  return true;
}

/** "(ddd)" with 1–5 digits at `index`: the index after ")", or -1. */
function bracketEnd(text: string, index: number): number {
  if (text[index] !== '(') return -1;
  let at = index + 1;
  while (at - index - 1 < 5 && isDigit(text[at])) at += 1;
  return at > index + 1 && text[at] === ')' ? at + 1 : -1;
}

/** Every run of digit groups, left to right; each character is looked at a bounded number of times. */
function findRuns(text: string): Run[] {
  const runs: Run[] = [];
  let index = 0;
  while (index < text.length) {
    const c = text[index];
    const startsHere =
      (isDigit(c) || (c === '+' && (isDigit(text[index + 1]) || bracketEnd(text, index + 1) > 0)) || bracketEnd(text, index) > 0) &&
      mayStartAt(text, index);
    if (!startsHere) {
      index += 1;
      continue;
    }
    const run = readRun(text, index);
    runs.push(run);
    index = run.groups[run.groups.length - 1]!.end;
  }
  return runs;
}

function readRun(text: string, start: number): Run {
  const plus = text[start] === '+';
  const groups: Group[] = [];
  let at = plus ? start + 1 : start;
  let sep = '';
  let spaced = false;
  for (;;) {
    const close = bracketEnd(text, at);
    let end: number;
    if (close > 0) {
      end = close;
      groups.push({ digits: text.slice(at + 1, close - 1), start: at, end, sep, spaced, bracketed: true });
    } else {
      end = at;
      while (isDigit(text[end])) end += 1;
      groups.push({ digits: text.slice(at, end), start: at, end, sep, spaced, bracketed: false });
    }
    // The separator to the next group: one space, or one of - . / with a space either side
    // (not around a dot, which would join sentences), or nothing before or after a bracket.
    let next = end;
    sep = '';
    spaced = false;
    if (isSpace(text[next])) {
      sep = ' ';
      spaced = true;
      next += 1;
    }
    const mark = text[next];
    const markOk = mark === '.' ? sep === '' && isDigit(text[next + 1]) : (mark === '-' || mark === '/') && (isDigit(text[next + 1]) || isSpace(text[next + 1]));
    if (markOk) {
      sep = mark!;
      next += 1;
      if (mark !== '.' && isSpace(text[next])) {
        next += 1;
        spaced = true;
      }
    }
    const lastBracketed = groups[groups.length - 1]!.bracketed;
    if (isDigit(text[next]) && (sep !== '' || lastBracketed)) {
      at = next;
      continue;
    }
    if (bracketEnd(text, next) > 0 && (sep === ' ' || sep === '-' || sep === '')) {
      at = next;
      continue;
    }
    return { start, plus, groups };
  }
}

/** The card and phone spans in a run: the whole run if it is one, else its space-separated parts. */
function classifyRun(text: string, run: Run): { start: number; end: number; kind: Kind }[] {
  const { groups } = run;
  // Segment boundaries: group indexes where the separator has a space in it.
  const bounds = [0];
  for (let g = 1; g < groups.length; g += 1) if (groups[g]!.spaced) bounds.push(g);
  bounds.push(groups.length);
  // digitsBefore[g]: digits in groups before g, so a window's size costs nothing to know.
  const digitsBefore = [0];
  for (const group of groups) digitsBefore.push(digitsBefore[digitsBefore.length - 1]! + group.digits.length);

  const found: { start: number; end: number; kind: Kind }[] = [];
  const segments = bounds.length - 1;
  let first = 0;
  while (first < segments) {
    let taken = 0;
    const from = bounds[first]!;
    const plus = run.plus && from === 0;
    // Windows from one start share what precedes them: read it once, and only when needed.
    const before = lazyBefore(text, plus ? run.start : groups[from]!.start);
    for (let last = Math.min(segments, first + MAX_SEGMENTS); last > first; last -= 1) {
      const to = bounds[last]!;
      const size = digitsBefore[to]! - digitsBefore[from]!;
      if (size > MAX_DIGITS) continue;
      // Shorter windows have fewer digits still: none can be a phone or a card.
      if (size < MIN_DIGITS) break;
      const window = groups.slice(from, to);
      const kind = classifyWindow(text, window, plus, before);
      if (kind === 'keep') {
        taken = last - first;
        break;
      }
      if (kind) {
        found.push({ start: plus ? run.start : window[0]!.start, end: window[window.length - 1]!.end, kind });
        taken = last - first;
        break;
      }
    }
    first += taken || 1;
  }
  return found;
}

/** `keep`: one number that is neither (a card layout failing Luhn): claimed whole, never split. */
function classifyWindow(text: string, groups: Group[], plus: boolean, before: () => Before): Kind | 'keep' | null {
  const end = groups[groups.length - 1]!.end;
  // Glued to a letter or digit after it: a code such as 4155550132abc, not a number on its own.
  if (isWordChar(text[end])) return null;
  if (!plus && isCardGrouping(groups)) {
    const digits = groups.map((group) => group.digits).join('');
    if (digits[0] !== '0' && !/^(\d)\1+$/.test(digits) && passesLuhn(digits)) return 'card';
    // 4111 1111 1111 1112 is a mistyped card or a long reference, not a phone and some digits.
    if (isCardLayout(groups) && !/^00[1-9]/.test(digits)) return 'keep';
  }
  return isPhone(text, groups, plus, end, before) ? 'phone' : null;
}

/** 13–19 digits, ungrouped or in groups of 3+ digits split by one kind of separator. */
function isCardGrouping(groups: Group[]): boolean {
  const length = groups.reduce((sum, group) => sum + group.digits.length, 0);
  if (length < 13 || length > 19) return false;
  if (groups.length === 1) return true;
  const sep = groups[1]!.sep;
  if (sep !== ' ' && sep !== '-') return false;
  return groups.every((group, g) => !group.bracketed && group.digits.length >= 3 && (g === 0 || group.sep === sep));
}

/** How cards are printed: 4-4-4-4(-3), 4-4-4-1, 4-6-5, 4-6-4, or no groups. */
function isCardLayout(groups: Group[]): boolean {
  if (groups.length === 1) return true;
  const sizes = groups.map((group) => group.digits.length);
  if (sizes[0] !== 4) return false;
  if (sizes.length === 3 && sizes[1] === 6) return true;
  return sizes.slice(1, -1).every((size) => size === 4) && sizes[sizes.length - 1]! <= 4;
}

function isPhone(text: string, groups: Group[], plus: boolean, end: number, before: () => Before): boolean {
  const first = groups[0]!.digits;
  const international = plus || (first.startsWith('00') && (first.length > 2 ? first[2] !== '0' : groups.length > 1 && groups[1]!.digits[0] !== '0'));
  // The group holding the country code: single-digit groups may follow it (+33 1 …, +61 2 …).
  const countryGroup = plus || first.length > 2 ? 0 : 1;
  let digits = 0;
  let bracketed = 0;
  const seps = new Set<string>();
  const gaps: string[] = [];
  for (let g = 0; g < groups.length; g += 1) {
    const group = groups[g]!;
    const trunk = international && group.bracketed && group.digits === '0';
    if (!trunk) digits += group.digits.length;
    if (g > 0 && group.sep !== '') {
      seps.add(group.sep);
      gaps.push(group.sep);
    }
    const afterCountry = international && g === countryGroup + 1;
    if (group.digits.length === 1 && !(g === 0 || trunk || afterCountry)) return false;
    // One bracketed area code or trunk "(0)", where it is written: first, or after the country code.
    if (group.bracketed && (bracketed++ > 0 || !(international ? afterCountry : g === 0))) return false;
  }
  if (international && !plus) digits -= 2;
  if (digits < MIN_DIGITS || digits > (international ? 15 : 12)) return false;

  // One kind of mark between groups: dashes may mix with spaces (415 555-0132), dots may not
  // (apart from the space after an international prefix), a slash only after an area code.
  if (seps.has('.')) {
    if (seps.has('-') || seps.has('/')) return false;
    const spaceAllowedAt = international ? countryGroup + 1 : -1;
    for (let g = 1; g < groups.length; g += 1) {
      const group = groups[g]!;
      if (group.sep === ' ' && g !== spaceAllowedAt && !group.bracketed && !groups[g - 1]!.bracketed) return false;
    }
    if (groups.length < 3) return false;
  }
  if (seps.has('/')) {
    if (seps.has('-') || gaps.filter((gap) => gap === '/').length > 1) return false;
    const slashAfter = groups.findIndex((group) => group.sep === '/') - 1;
    if (!groups[slashAfter]!.digits.startsWith('0')) return false;
  }
  if (before().currency || AMOUNT_AFTER.test(text.slice(end, end + 12))) return false;

  if (international) return true;
  const { context } = before();
  if (context === 'reference') return false;
  if (context === 'phone') return true;
  if (groups.length === 1) return first[0] === '0' && first[1] !== '0' && first.length >= 10;
  if (isIpLike(groups) || isThousands(groups)) return false;
  if (first[0] === '0') return true;
  if (groups[0]!.bracketed) return true;
  if (groups.length >= 3) {
    return groups[groups.length - 1]!.digits.length >= 3 && groups.every((group) => group.digits.length <= 4);
  }
  return (
    groups.length === 2 &&
    groups[0]!.digits.length === 5 &&
    groups[1]!.digits.length === 5 &&
    first[0]! >= '6' &&
    (groups[1]!.sep === ' ' || groups[1]!.sep === '-')
  );
}

type Context = 'phone' | 'reference' | null;

interface Before {
  /** a currency sign or code just before: an amount */
  currency: boolean;
  /** what the words before say */
  context: Context;
}

function lazyBefore(text: string, start: number): () => Before {
  let memo: Before | undefined;
  return () => (memo ??= { currency: currencyBefore(text, start), context: contextBefore(text, start) });
}

function currencyBefore(text: string, start: number): boolean {
  let before = start - 1;
  if (isSpace(text[before])) before -= 1;
  if (CURRENCY_SIGNS.has(text[before] ?? '')) return true;
  if (!/[\p{L}.]/u.test(text[before] ?? '')) return false;
  const word = text.slice(Math.max(0, before - 12), before + 1).match(/[\p{L}]+\.?$/u);
  return word !== null && CURRENCY_WORDS.has(word[0].replace(/\.$/, '').toLowerCase());
}

/** Four dotted groups of 1–3 digits: an IP address or a version, never a phone number. */
function isIpLike(groups: Group[]): boolean {
  return groups.length === 4 && groups.every((group, g) => !group.bracketed && group.digits.length <= 3 && (g === 0 || group.sep === '.'));
}

/** 12 345 678 or 1.234.567: a number written with thousands separators. */
function isThousands(groups: Group[]): boolean {
  const sep = groups[1]!.sep;
  if (sep !== ' ' && sep !== '.') return false;
  const [head, ...rest] = groups;
  return (
    head!.digits.length <= 3 &&
    head!.digits[0] !== '0' &&
    !head!.bracketed &&
    rest.every((group) => group.sep === sep && !group.bracketed && group.digits.length === 3)
  );
}

/** What the words just before `start` say about the number there. */
function contextBefore(text: string, start: number): Context {
  const from = Math.max(0, start - LOOK_BACK);
  let window = text.slice(from, start);
  window = window.slice(window.lastIndexOf('\n') + 1);
  const tokens = [...window.matchAll(CONTEXT_TOKEN)];
  // A word cut by the start of the window is not a word.
  if (tokens[0]?.index === 0 && window.length === start - from && isWordChar(text[from - 1])) tokens.shift();
  let adjacent = true;
  for (let t = tokens.length - 1, seen = 0; t >= 0 && seen < LOOK_BACK_WORDS; t -= 1, seen += 1) {
    const token = tokens[t]![0].toLowerCase();
    if (token.startsWith('[') || /^\p{N}/u.test(token)) return null;
    if (PHONE_WORDS.has(token)) return 'phone';
    if (adjacent && REFERENCE_WORDS.has(token)) return 'reference';
    if (!FILLER_WORDS.has(token)) adjacent = false;
  }
  return null;
}
