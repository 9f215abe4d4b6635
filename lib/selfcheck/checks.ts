// Draft checks for the agent's self-check and the check-before-send prompt (public contract §9).
// Pure heuristics over plain text. They lean towards staying quiet: a finding the agent learns
// to ignore is worse than a missed nudge, so a well-written reply must yield no findings at all.
// Errors (placeholders, secrets) lean the other way: there a false alarm costs one click while a
// miss can leak data, so those rules flag anything that plausibly is one.
import type { Channel } from '../helpdesk/types';

export type DraftRuleId =
  | 'placeholder'
  | 'sensitive-data'
  | 'greeting'
  | 'customer-name'
  | 'sign-off'
  | 'apology'
  | 'next-steps';

export type DraftSeverity = 'error' | 'warning' | 'info';

export interface DraftFinding {
  id: DraftRuleId;
  severity: DraftSeverity;
  message: string;
}

export interface DraftContext {
  channel: Channel;
  customerName?: string;
  agentName?: string;
  isComplaint?: boolean;
}

// A chat or messaging reply is one turn of a conversation, not a letter: it needs no greeting,
// name or sign-off each time, and handing the turn back with a question is a fine next step.
const CONVERSATIONAL: ReadonlySet<Channel> = new Set(['chat', 'messaging']);

/**
 * Checks a reply draft. Returns at most one finding per rule, errors first, in the order
 * placeholder, sensitive-data, greeting, customer-name, apology, next-steps, sign-off.
 * An empty draft yields no findings: there is nothing to judge yet.
 * Runs in time linear in the draft's length (every pattern is written so that no run of
 * characters is rescanned from each of its positions): it runs as the agent types and on Send.
 */
export function checkDraft(draft: string, context: DraftContext): DraftFinding[] {
  if (draft.trim() === '') return [];
  const findings: DraftFinding[] = [];
  const isEmail = context.channel === 'email';
  const conversational = CONVERSATIONAL.has(context.channel);
  const addressName = context.customerName ? formOfAddress(context.customerName) : undefined;

  const placeholders = findPlaceholders(draft);
  if (placeholders.length > 0) {
    const plural = placeholders.length > 1 ? 'placeholders' : 'placeholder';
    findings.push({
      id: 'placeholder',
      severity: 'error',
      message: `Fill in the ${plural} before sending: ${placeholders.join(', ')}.`,
    });
  }

  const secrets = describeSensitiveData(draft);
  if (secrets) {
    findings.push({ id: 'sensitive-data', severity: 'error', message: secrets });
  }

  if (isEmail && !hasGreeting(draft, context.customerName)) {
    const example = addressName ? `Hi ${addressName},` : 'Hi,';
    findings.push({
      id: 'greeting',
      severity: 'warning',
      message: `Start the email with a greeting, for example "${example}".`,
    });
  }

  if (context.customerName && !conversational && !mentionsCustomer(draft, context.customerName)) {
    const name = addressName ?? context.customerName;
    findings.push({
      id: 'customer-name',
      // Elsewhere (phone notes, web forms) a name is a nice touch; in an email without it the
      // reply reads like a form letter.
      severity: isEmail ? 'warning' : 'info',
      message: `Use the customer's name (${name}) so the reply feels personal.`,
    });
  }

  if (context.isComplaint && !hasApology(draft)) {
    findings.push({
      id: 'apology',
      severity: 'warning',
      message: 'The customer is unhappy: apologise for the trouble, for example "I\'m sorry about the delay with your order."',
    });
  }

  if (!hasNextSteps(draft, conversational)) {
    findings.push({
      id: 'next-steps',
      severity: 'warning',
      message: 'Say what happens next (what you will do, and by when) or ask if there is anything else you can help with.',
    });
  }

  if (isEmail && !hasSignOff(draft)) {
    const example = context.agentName ? `Kind regards, ${context.agentName.trim().split(/\s+/)[0]}` : 'Kind regards,';
    findings.push({
      id: 'sign-off',
      severity: 'warning',
      message: `End the email with a closing, for example "${example}".`,
    });
  }

  return findings;
}

// --- placeholder -----------------------------------------------------------------------------

const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  // Template variables left unrendered: {{first_name}}, {{ ticket.id }}.
  /\{\{[^{}]*\}\}/g,
  // ALL-CAPS bracket tokens: [NAME], [ORDER NUMBER], [AGENT_NAME], [DATE/TIME]. At least two
  // characters, so list markers such as [A] stay quiet; not a Markdown link text `[SALE](…)`.
  /\[[A-Z][A-Z0-9 _./#&'-]*[A-Z0-9#]\](?!\()/g,
  // Mixed-case template brackets: [insert date], [Customer Name], [your name], [order number].
  // No "[" inside, or "[add [add [add …" would scan to the end of the line from every bracket.
  /\[\s*(?:insert|enter|add|type|put)\b[^[\]\n]*\]/gi,
  /\[\s*(?:(?:customer|client|agent|your|their|first|last|full|company|product|order|ticket|case|account|tracking|reference)\s+){0,2}(?:name|number|no\.?|date|time|link|url|e-?mail(?: address)?|address|amount|id|ref|reference)\s*\](?!\()/gi,
  // Angle-bracket placeholders: <insert name>, <NAME>, <ORDER NUMBER>.
  /<\s*(?:insert|enter|add)\b[^<>\n]*>/gi,
  /<[A-Z][A-Z0-9 _]*[A-Z0-9]>/g,
  // Filler letters: XX/XX/XXXX, £XX.XX, XXX. Longer forms first so the whole token is reported.
  /[£$€]\s?X{2,}(?:[.,]X{2})?(?![A-Za-z])/g,
  /(?<![A-Za-z])X{2,}(?:[./:,-]X{2,})+(?![A-Za-z])/g,
  /(?<![A-Za-z])X{3,}(?![A-Za-z])/g,
];

// Masked card numbers ("XXXX XXXX XXXX 4242") are legitimate, not filler; remove them first.
const MASKED_CARD = /\b(?:[X*]{4}[ -]?){3}\d{4}\b/g;

export function findPlaceholders(draft: string): string[] {
  const text = draft.replace(MASKED_CARD, ' ');
  const found: { index: number; token: string }[] = [];
  // One placeholder may match several patterns ([ORDER NUMBER] is caps and an order number): the
  // first pattern claims its characters. A per-character map keeps this linear however many
  // placeholders a draft holds (a list of claimed ranges made it quadratic).
  const covered = new Uint8Array(text.length);
  for (const pattern of PLACEHOLDER_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (covered.subarray(start, end).includes(1)) continue;
      covered.fill(1, start, end);
      found.push({ index: start, token: match[0] });
    }
  }
  const tokens = found.sort((a, b) => a.index - b.index).map((entry) => entry.token);
  return [...new Set(tokens)];
}

// --- sensitive-data --------------------------------------------------------------------------

// 13–19 digits, either contiguous or grouped by single spaces or dashes.
const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

/** Payment card numbers in the text (digits only), e.g. "4111 1111 1111 1111" → "4111111111111111". */
export function findCardNumbers(text: string): string[] {
  const cards: string[] = [];
  for (const match of text.matchAll(CARD_CANDIDATE)) {
    const candidate = match[0];
    const digits = candidate.replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    // Mixed separators or a lone digit group look like phone or reference numbers, not cards.
    if (/ /.test(candidate) && /-/.test(candidate)) continue;
    const groups = candidate.split(/[ -]/);
    if (groups.length > 1 && groups.some((group) => group.length < 3)) continue;
    if (/^(\d)\1+$/.test(digits)) continue;
    if (passesLuhn(digits)) cards.push(digits);
  }
  return cards;
}

export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let doubleIt = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (doubleIt) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    doubleIt = !doubleIt;
  }
  return sum % 10 === 0;
}

// Words that can follow "password is/:" without being a password.
const NOT_A_SECRET = new Set([
  'a', 'an', 'the', 'not', 'now', 'still', 'also', 'only', 'never', 'always', 'being', 'been',
  'case-sensitive', 'case', 'sensitive', 'required', 'incorrect', 'wrong', 'invalid', 'correct',
  'expired', 'expiring', 'reset', 'changed', 'updated', 'set', 'saved', 'stored', 'encrypted',
  'hidden', 'private', 'secret', 'secure', 'safe', 'too', 'very', 'at', 'in', 'on', 'for', 'of',
  'to', 'your', 'you', 'our', 'we', 'it', 'that', 'this', 'what', 'which', 'same', 'different',
  'unique', 'personal', 'strong', 'weak', 'short', 'long', 'locked', 'blocked', 'sent', 'emailed',
  'yours', 'mine', 'managed', 'handled', 'needed', 'needs', 'must', 'should',
  'will', 'can', 'cannot', "can't", 'manager', 'policy', 'requirements', 'rules', 'field', 'box',
  'link', 'page', 'form', 'screen', 'please', 'and', 'or', 'if', 'when', 'so', 'as', 'by',
]);

const PASSWORD_WORD = String.raw`(?:pass(?:word|code|phrase)|passwd|pwd|pin(?:\s+(?:code|number))?)`;
const OPENING_QUOTE = `(["'“‘]?)`;
// A separator that introduces a value: "password: hunter2", "password = hunter2", "password – x".
const VALUE_SEPARATOR = new RegExp(String.raw`\b${PASSWORD_WORD}(?:\s*[:=]\s*|\s+[-–]\s+)${OPENING_QUOTE}(\S+)`, 'gi');
// Prose that may or may not introduce one: "your password is now Summer2024!", "reset to x".
// Each run of spaces is matched by exactly one quantifier: two optional ones side by side
// (`\s*:?\s+`) try every way to split a long run between them, which is quadratic in its length.
const VERBAL_SEPARATOR = new RegExp(
  String.raw`\b${PASSWORD_WORD}\s+(?:is(?:\s*:)?|was|(?:(?:has\s+been|was|been|is)\s+)?(?:set|changed|reset|updated)\s+to)\s+(?:(?:now|currently|temporarily|still|just)\s+)?(?:set\s+to\s+)?${OPENING_QUOTE}(\S+)`,
  'gi',
);
// No separator at all: "your password hunter2" — only when the token looks like a secret.
const NO_SEPARATOR = new RegExp(String.raw`\b${PASSWORD_WORD}\s+${OPENING_QUOTE}(\S+)`, 'gi');
// "I've set a temporary password for you: Blue-Sky-42" — the value comes a few words later.
const NEW_PASSWORD_LATER = new RegExp(
  String.raw`\b(?:temporary|temp|new|one-time|initial|default)\s+${PASSWORD_WORD}\b[^.:\n]{0,40}?(?::|=|\bis\b(?:\s*:)?)\s*${OPENING_QUOTE}(\S+)`,
  'gi',
);

interface PasswordCandidate {
  token: string;
  quoted: boolean;
  /** The token is the last word of its clause ("password: banana."), as a value would be. */
  standsAlone: boolean;
}
type SecretTest = (candidate: PasswordCandidate) => boolean;

// After a colon a lone word is a value ("password: banana"), but a sentence carrying on is
// prose ("Forgotten password: use the link below").
const valueAfterColon: SecretTest = ({ token, quoted, standsAlone }) => quoted || standsAlone || looksLikeSecret(token);

const PASSWORD_RULES: readonly (readonly [RegExp, SecretTest])[] = [
  [VALUE_SEPARATOR, valueAfterColon],
  [NEW_PASSWORD_LATER, valueAfterColon],
  [VERBAL_SEPARATOR, ({ token, quoted }) => quoted || looksLikeSecret(token)],
  [NO_SEPARATOR, ({ token, quoted }) => (quoted && token.length >= 4) || looksLikeSecret(token)],
];

function findPasswordDisclosure(text: string): boolean {
  for (const [pattern, isSecret] of PASSWORD_RULES) {
    for (const match of text.matchAll(pattern)) {
      const rawToken = match[2] ?? '';
      const token = stripPunctuation(rawToken);
      // Masked values ("Password: ********") disclose nothing.
      if (!/[\p{L}\p{N}]/u.test(token) || NOT_A_SECRET.has(token.toLowerCase())) continue;
      LINE_END.lastIndex = match.index + match[0].length;
      const standsAlone = /[.,;!?)]$/.test(rawToken) || LINE_END.test(text);
      if (isSecret({ token, quoted: (match[1] ?? '') !== '', standsAlone })) return true;
    }
  }
  return false;
}

/** Nothing but spaces before the end of the line, read from `lastIndex` (sticky). */
const LINE_END = /[ \t]*(?:\r?\n|$)/y;

const OPENING_PUNCTUATION = `"'“‘(`;
const CLOSING_PUNCTUATION = `"'”’).,;!?`;

// A loop, not `/[…]+$/`: that regex retries from every character of a long run of punctuation.
function stripPunctuation(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && OPENING_PUNCTUATION.includes(token[start]!)) start += 1;
  while (end > start && CLOSING_PUNCTUATION.includes(token[end - 1]!)) end -= 1;
  return token.slice(start, end);
}

function looksLikeSecret(token: string): boolean {
  if (token.length < 4) return false;
  const hasDigit = /\d/.test(token);
  const hasLetter = /\p{L}/u.test(token);
  const hasSymbol = /[^\p{L}\p{N}]/u.test(token) && !/^[\p{L}]+-[\p{L}]+$/u.test(token);
  const mixedCase = /\p{Ll}/u.test(token) && /\p{Lu}/u.test(token.slice(1));
  return (hasDigit && hasLetter) || /^\d{4,}$/.test(token) || (hasSymbol && hasLetter) || mixedCase;
}

function describeSensitiveData(draft: string): string | null {
  const cards = findCardNumbers(draft);
  const password = findPasswordDisclosure(draft);
  if (cards.length === 0 && !password) return null;
  const parts: string[] = [];
  if (cards.length > 0) {
    const endings = cards.map((card) => card.slice(-4)).join(', ');
    parts.push(`a card number (ending ${endings})`);
  }
  if (password) parts.push('a password');
  return `Remove ${parts.join(' and ')} from this reply: never send card numbers or passwords to a customer (send a password-reset link instead).`;
}

// --- greeting, name, sign-off ----------------------------------------------------------------

const GREETING = /^(?:hi|hiya|hello|hey|dear|good\s+(?:morning|afternoon|evening|day)|morning|afternoon|evening|greetings|welcome|howdy|hallo|bonjour|hola|ciao|hej|guten\s+tag|thanks?\s+(?:you\s+)?(?:so\s+much\s+|very\s+much\s+)?for|thank\s+you\s+(?:so\s+much\s+|very\s+much\s+)?for)\b/i;

function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function hasGreeting(draft: string, customerName: string | undefined): boolean {
  const firstLine = nonEmptyLines(draft)[0] ?? '';
  if (GREETING.test(firstLine)) return true;
  // A bare salutation line such as "Sarah," or "Mr Patel," is a greeting too.
  if (/^[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,2}\s*[,!]$/u.test(firstLine)) return true;
  if (customerName) {
    const opening = firstLine.split(/[,!.]/)[0] ?? '';
    return usableNameParts(customerName).some((part) => containsWord(opening, part)) && opening.split(/\s+/).length <= 4;
  }
  return false;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'dame', 'lord', 'lady']);

/** Name parts worth looking for: no titles, no initials, no e-mail-like or generic names. */
function usableNameParts(customerName: string): string[] {
  if (customerName.includes('@')) return [];
  return customerName
    .split(/[\s,]+/)
    .map((part) => part.replace(/[.()"]/g, ''))
    .filter((part) => part.length >= 2 && !TITLES.has(part.toLowerCase()) && !/\d/.test(part));
}

/** How to address the customer: "Sarah" for "Sarah Jones", "Mrs Jones" for "Mrs Sarah Jones". */
function formOfAddress(customerName: string): string | undefined {
  const parts = usableNameParts(customerName);
  const first = parts[0];
  if (first === undefined) return undefined;
  const title = customerName.trim().split(/\s+/)[0]?.replace(/\.$/, '') ?? '';
  if (TITLES.has(title.toLowerCase())) return `${title} ${parts[parts.length - 1] ?? first}`;
  return first;
}

// Helpdesks fill in a stand-in when the requester has no name; asking the agent to use it is noise.
const GENERIC_NAMES = new Set(['customer', 'user', 'guest', 'visitor', 'unknown', 'anonymous', 'caller', 'client', 'n/a']);

function mentionsCustomer(draft: string, customerName: string): boolean {
  const parts = usableNameParts(customerName);
  if (parts.length === 0 || parts.every((part) => GENERIC_NAMES.has(part.toLowerCase()))) return true;
  // Any part counts: "Hi Sarah" and "Dear Ms O'Neill" both address the customer by name.
  return parts.some((part) => containsWord(draft, part));
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

const SIGN_OFF =
  /^(?:(?:kind|kindest|warm|warmest|best|with\s+best|many|with\s+kind|thanks\s+(?:and|&)|thank\s+you\s+(?:and|&))\s+(?:regards|wishes)|regards|best|all\s+(?:the\s+)?best|cheers|sincerely(?:\s+yours)?|yours(?:\s+(?:sincerely|faithfully|truly))?|faithfully|respectfully(?:\s+yours)?|gratefully|many\s+thanks|thanks|thank\s+you|thx|ta|with\s+(?:thanks|gratitude|appreciation)|take\s+care|talk\s+soon|speak\s+soon|warmly|respectfully|cordially|have\s+a\s+(?:great|good|nice|lovely|wonderful)\s+(?:day|week|weekend|evening|afternoon|morning)|looking\s+forward\s+to\s+hearing\s+from\s+you)\b/i;

const SIGN_OFF_WINDOW = 5;
// "Kind regards, Sam Lee" or "Thanks again for your patience!" — but not a body sentence that
// merely starts with "Thanks for …", which is an acknowledgement rather than a closing.
const MAX_CLOSING_WORDS = 6;

function isClosing(text: string): boolean {
  const cleaned = text.replace(/^[-–—\s]+/, '').trim();
  return SIGN_OFF.test(cleaned) && cleaned.split(/\s+/).length <= MAX_CLOSING_WORDS;
}

function hasSignOff(draft: string): boolean {
  const lines = nonEmptyLines(draft);
  // The first line is the greeting ("Thanks for getting in touch!") even in a short reply; a
  // signature block ("Kind regards, / Sam Lee / Support Team / Acme") can follow the closing.
  const lastLines = lines.slice(1).slice(-SIGN_OFF_WINDOW);
  if (lastLines.some(isClosing)) return true;
  // A closing that ends a paragraph: "Let me know if that works. Thanks!" (also in a one-line email).
  return lines.slice(-SIGN_OFF_WINDOW).some((line) => {
    const sentences = line.split(/(?<=[.!?])\s+/);
    return sentences.length > 1 && isClosing(sentences[sentences.length - 1] ?? '');
  });
}

// --- apology, next steps ---------------------------------------------------------------------

const APOLOGY = /\b(?:sorry|apologi[sz]e[sd]?|apologi[sz]ing|apolog(?:y|ies)|regret(?:s|ted|table)?|my\s+bad)\b/i;

function hasApology(draft: string): boolean {
  return APOLOGY.test(normaliseApostrophes(draft));
}

const IRREGULAR_DONE = 'sent|made|put|set|done|gone|taken|given|written|begun|run|found|spoken|told|paid|got|gotten|brought|kept|left|built|sold|held|let|read|shown|seen|heard|reset|rebuilt|re-sent|resent';

const NEXT_STEP_PATTERNS: readonly RegExp[] = [
  // What the agent or the team will do.
  /\b(?:i|we)\s*(?:'ll|will|shall|'m\s+going\s+to|am\s+going\s+to|'re\s+going\s+to|are\s+going\s+to|'d\s+be\s+happy|would\s+be\s+happy|'m\s+happy\s+to|am\s+happy\s+to)\b/i,
  // What the agent has already done: "I've refunded", "we have sent".
  new RegExp(String.raw`\b(?:i|we)\s*(?:'ve|have|has)\s+(?:(?:now|just|already|also)\s+)?(?:\w+ed|${IRREGULAR_DONE})\b`, 'i'),
  /\b(?:i|we)\s+(?:\w+ed|sent|made|set|reset)\s+(?:it|this|that|the|your|a|an)\b/i,
  // What the agent is doing right now: "I am checking that for you now", "I'm looking into this",
  // "we're chasing the courier".
  /\b(?:i|we)\s*(?:'m|am|'re|are)\s+(?:(?:now|just|currently|still|already)\s+)?\w+ing\b/i,
  // The same in chat shorthand, without the "I": "Checking that for you now!", "Looking into it."
  /\b(?:checking|looking\s+into|investigating|chasing|sorting)\s+(?:that|this|it|on\s+(?:that|this|it))\b/i,
  // "Let me look into it", "let me check with the courier", "let us know".
  /\blet\s+(?:me|us)\s+\w/i,
  // Asking for a moment while working on it: "bear with me", "give me a moment", "one moment please".
  /\bbear\s+with\s+(?:me|us)\b/i,
  /\bgive\s+(?:me|us)\s+(?:a|one|just\s+a)\s+(?:moment|minute|min|sec(?:ond)?|few\s+minutes)\b/i,
  /\b(?:one|just\s+a)\s+(?:moment|minute|sec(?:ond)?)\b/i,
  // What the customer will see or should do.
  /\byou\s*(?:'ll|will|should)\s+(?:now\s+)?(?:receive|get|see|be|need|find|hear|notice|have)\b/i,
  /\bplease\s+(?:try|click|go|visit|follow|reply|send|check|confirm|let|open|sign|log|restart|update|use|contact|call|keep|allow|make|share|upload|attach|refresh)\b/i,
  // Timing and follow-up.
  /\bnext\s+steps?\b/i,
  /\bwithin\s+(?:the\s+next\s+)?(?:\d+|a|an|one|two|three|four|five|seven|ten|fourteen|24|48|72)\b/i,
  /\bby\s+(?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+end\s+of|end\s+of|eod|close\s+of|next\s+week)\b/i,
  /\b(?:get|come)\s+back\s+to\s+you\b/i,
  /\bfollow(?:ing)?[\s-]up\b/i,
  /\bkeep\s+you\s+(?:updated|posted|informed|in\s+the\s+loop)\b/i,
  /\b(?:once|as\s+soon\s+as)\b/i,
  /\bin\s+the\s+meantime\b/i,
  /\b(?:it|this|that|they|everything|the\s+[\w-]+|your\s+[\w-]+)\s+should\s+(?:now\s+)?(?:arrive|reach|appear|show|work|be|start|load|update|sync|go|take)\b/i,
  /\byou\s+(?:can|may)\s+now\b/i,
  // An instruction to the customer at the start of a sentence: "Update the app and …". The verb
  // is looked for first and only then what precedes it: starting from every line break instead
  // rescans a long run of blank lines from each of them (quadratic).
  /(?=(?:update|click|tap|go|visit|open|restart|try|sign|log|reply|download|install|follow|check|select|use|clear|refresh|enter|choose)\s)(?<=^|[.!?]\s+|\n\s*)/i,
  // Inviting the customer to come back.
  /\banything\s+else\b/i,
  /\bfeel\s+free\b/i,
  /\b(?:don't|do\s+not)\s+hesitate\b/i,
  /\bany\s+(?:other|further|more)\s+questions\b/i,
  /\bif\s+you\s+(?:have|need|run\s+into|still|would\s+like|'d\s+like)\b/i,
  /\b(?:reach\s+out|get\s+in\s+touch|contact\s+us|reply\s+to\s+this)\b/i,
  /\b(?:happy|here)\s+to\s+help\b/i,
  /\bhope\s+(?:this|that|it)\s+helps\b/i,
];

/** A question mark that ends a sentence, not one inside a link ("…/reset?id=4"). */
const QUESTION = /\?(?=[\s"'”’)]|$)/;

function hasNextSteps(draft: string, conversational: boolean): boolean {
  const text = normaliseApostrophes(draft);
  // In a conversation a question hands the turn to the customer: that is what happens next.
  if (conversational && QUESTION.test(text)) return true;
  return NEXT_STEP_PATTERNS.some((pattern) => pattern.test(text));
}

function normaliseApostrophes(text: string): string {
  return text.replace(/[’‘`´]/g, "'");
}
