// The redaction corpus (contract §7). Each row is [input, expected output]; rows that must stay
// unchanged are listed with themselves. The rules behind them are described at the top of
// lib/export/redact.ts; a row here names the rule it pins where that is not obvious.
import { describe, expect, it } from 'vitest';
import { redactText } from '../../../lib/export/redact';

type Row = [input: string, expected: string];

const EMAILS: Row[] = [
  ['jane.doe@example.com', '[email]'],
  ['Write to jane.doe+billing@mail.example.co.uk today', 'Write to [email] today'],
  ['<support@acme.io>', '<[email]>'],
  ['mailto:a_b-c%d@sub-domain.example.org?subject=hi', 'mailto:[email]?subject=hi'],
  ['Ends a sentence: bob@example.com.', 'Ends a sentence: [email].'],
  ['two: a@b.com, c@d.net; and (e@f.org)', 'two: [email], [email]; and ([email])'],
  ['jürgen.müller@beispiel.de', '[email]'],
  ['digits in it: john.smith1234567@example.com', 'digits in it: [email]'],
  ['a@b.com.x@y.org', '[email].[email]'],
  // Not addresses: no dot in the domain, a one-letter top-level domain, a handle.
  ['user@localhost', 'user@localhost'],
  ['a@b.c', 'a@b.c'],
  ['ping @jane on chat', 'ping @jane on chat'],
];

const PHONES: Row[] = [
  // United Kingdom
  ['+44 20 7946 0958', '[phone]'],
  ['+44 (0)20 7946 0958', '[phone]'],
  ['0044 20 7946 0958', '[phone]'],
  ['020 7946 0958', '[phone]'],
  ['07700 900123', '[phone]'],
  ['07700900123', '[phone]'],
  ['+447700900123', '[phone]'],
  ['00447700900123', '[phone]'],
  // United States
  ['+1 (415) 555-0132', '[phone]'],
  ['(415) 555-0132', '[phone]'],
  ['415-555-0132', '[phone]'],
  ['415.555.0132', '[phone]'],
  ['415 555 0132', '[phone]'],
  ['+1-415-555-0132', '[phone]'],
  ['1-800-555-0199', '[phone]'],
  ['(415)555-0132', '[phone]'],
  // Germany
  ['030-1234567', '[phone]'],
  ['030 1234567', '[phone]'],
  ['030/1234567', '[phone]'],
  ['089 / 123 456 78', '[phone]'],
  ['+49 30 1234567', '[phone]'],
  ['+49 (0)30 1234 5678', '[phone]'],
  ['0171 1234567', '[phone]'],
  ['0301234567', '[phone]'],
  // France
  ['01 23 45 67 89', '[phone]'],
  ['01.23.45.67.89', '[phone]'],
  ['06-12-34-56-78', '[phone]'],
  ['06.12.34.56.78', '[phone]'],
  ['+33 1 23 45 67 89', '[phone]'],
  ['+33 6 12 34 56 78', '[phone]'],
  // India
  ['+91 98765 43210', '[phone]'],
  ['+91-9876543210', '[phone]'],
  ['098765 43210', '[phone]'],
  ['98765 43210', '[phone]'],
  ['022 2345 6789', '[phone]'],
  // Australia
  ['+61 2 9876 5432', '[phone]'],
  ['(02) 9876 5432', '[phone]'],
  ['0412 345 678', '[phone]'],
  ['+61 412 345 678', '[phone]'],
  ['1300 123 456', '[phone]'],
  // Ungrouped runs need a sign of a phone: a prefix, a trunk 0, or a phone word before them.
  ['call 4155550132', 'call [phone]'],
  ['call 555 0132', 'call [phone]'], // a seven-digit local number
  ['Call me on 4155550132 after 5', 'Call me on [phone] after 5'],
  ['mobile: 9876543210', 'mobile: [phone]'],
  ['Tel.: 4155550132', 'Tel.: [phone]'],
  ['Tel:+4915112345678', 'Tel:[phone]'],
  ['whatsapp 61412345678', 'whatsapp [phone]'],
  ['?phone=4155550132&x=1', '?phone=[phone]&x=1'],
  // A phone word also overrides the thousands reading of a grouping.
  ['call 912 345 678', 'call [phone]'],
  // Even after a reference word, an international prefix is a phone.
  ['order +44 20 7946 0958', 'order [phone]'],
  // Spaced dashes and a no-break space.
  ['415 - 555 - 0132', '[phone]'],
  ['020\u00a07946\u00a00958', '[phone]'],
];

const CARDS: Row[] = [
  ['4111 1111 1111 1111', '[card]'],
  ['4111-1111-1111-1111', '[card]'],
  ['4111111111111111', '[card]'],
  ['5500 0000 0000 0004', '[card]'],
  ['5555 5555 5555 4444', '[card]'],
  ['3782 822463 10005', '[card]'], // American Express 4-6-5
  ['378282246310005', '[card]'],
  ['3056 930902 5904', '[card]'], // Diners 4-6-4, 14 digits
  ['6011 0009 9013 9424', '[card]'],
  ['4222222222222', '[card]'], // 13 digits
  ['6304 0000 0000 0000 018', '[card]'], // 19 digits, 4-4-4-4-3
  ['Card: 4111-1111-1111-1111, exp 12/27', 'Card: [card], exp 12/27'],
  // Cards are checked before phones: a grouped 16-digit card is a card, even after "call".
  ['call 4111 1111 1111 1111', 'call [card]'],
  // …and even after "order": a number passing Luhn in card layout is treated as a card.
  ['order 4111111111111111', 'order [card]'],
];

const MUST_STAY: string[] = [
  // Order, ticket and reference numbers
  'Order #88213 shipped',
  'order 1234567',
  'Order no. 0123456789',
  'Order number: 020 7946 0958', // a reference word right before keeps even a phone-like grouping
  'Ticket 12345678 was merged into ticket 12345679',
  'invoice INV-2026-000123',
  'Your reference is REF-0012345678',
  'Tracking 1Z999AA10123456784',
  'ID: 98765432',
  '4155550132', // ungrouped, no prefix, no phone word: more likely a reference than a phone
  'case # 7654321',
  // Amounts
  '£1,234.56',
  '1 234,50 €',
  '$12,000',
  '1 234 567,89 €',
  '1.234.567,89 €',
  '€ 1 234 567',
  'EUR 12 345 678',
  'USD 1234567.00',
  'Rs. 12,34,567',
  '12 345 678 users', // thousands grouping
  '1.234.567 Einträge',
  'up 1234567%',
  // Dates and times
  '2026-12-01',
  '01/12/2026',
  '12/01/2026',
  '1.12.2026',
  '01.12.26',
  '2026/12/01',
  '2026-12-01T14:30:00Z',
  '14:30',
  '09:15:00',
  '14:30-15:45',
  'from 2019-2024',
  'between 10000-20000',
  // Versions, IP addresses, decimals, codes
  'v2.3.11',
  '10.0.19045',
  'Windows 10.0.19045.3803',
  'Chrome 120.0.6099.109',
  'version 12.34.5678',
  '192.168.1.1',
  '192.168.100.200',
  '10.0.0.254:8080',
  '3.14159265358979',
  '0.0000001',
  '12345.6789',
  'ISBN 978-3-16-148410-0',
  'zip 94105-1234',
  '123e4567-e89b-12d3-a456-426614174000',
  'hash 4155550132abcdef',
  'Scores 10 20 30 40 50 60 70 80',
  '1 2 3 4 5 6 7 8 9',
  '1234 5678',
  // Short numbers
  'Room 101',
  'call 55 0132', // six digits: too short for a phone number
  // Card-like numbers that fail Luhn: not cards, and too long for a national phone number
  '4111 1111 1111 1112',
  '4111111111111112',
  '3782 822463 10006',
  '1111 1111 1111 1111', // one repeated digit (it happens to pass Luhn)
  '0000 0000 0000 0000',
  // Text without any of it
  '',
  'Thanks for your patience!',
  'Already redacted: [email], [phone] and [card].',
];

const MIXED: Row[] = [
  [
    'Hi, I am Jane (jane@example.com, +44 20 7946 0958). Order #88213 of 01/12/2026 for £1,234.56.',
    'Hi, I am Jane ([email], [phone]). Order #88213 of 01/12/2026 for £1,234.56.',
  ],
  [
    'Paid with 4111 1111 1111 1111 on 2026-12-01 at 14:30; call (415) 555-0132 or 07700 900123.',
    'Paid with [card] on 2026-12-01 at 14:30; call [phone] or [phone].',
  ],
  ['Numbers: 020 7946 0958, 020 7946 0959', 'Numbers: [phone], [phone]'],
  // A number glued to a digit and a comma reads as the decimals of an amount: left alone.
  ['020 7946 0958,020 7946 0959', '[phone],020 7946 0959'],
  // Spaced slashes and dashes split lists of numbers.
  ['020 7946 0958 - 07700 900123', '[phone] - [phone]'],
  ['(020 7946 0958)', '([phone])'],
  ['"+33 1 23 45 67 89"', '"[phone]"'],
  ['Phone:020 7946 0958!', 'Phone:[phone]!'],
  ['line one\n020 7946 0958\nline three', 'line one\n[phone]\nline three'],
  // A run that is not one number as a whole is searched for one in its parts.
  ['order 1234567 020 7946 0958', 'order 1234567 [phone]'],
  ['2026-12-01 020 7946 0958', '2026-12-01 [phone]'],
  ['4111 1111 1111 1111 12/27', '[card] 12/27'],
  ['4111 1111 1111 1111 and 5500 0000 0000 0004', '[card] and [card]'],
  // A reference word counts only right before its number; loose words are no reference words.
  ['customer 020 7946 0958', 'customer [phone]'],
  ['the order I placed: 020 7946 0958', 'the order I placed: [phone]'],
  ['your order number is 1234567', 'your order number is 1234567'],
  // The nearest word decides, and a number in between ends the look-back.
  ['call about order 1234567', 'call about order 1234567'],
  ['order 1234567, call 4155550132', 'order 1234567, call [phone]'],
  ['call 020 7946 0958 1234567', 'call [phone] 1234567'],
  // A phone word on the line before does not reach this line.
  ['call\n1234567', 'call\n1234567'],
  [
    'Customer: jane@example.com, +1 (415) 555-0132, card 5500-0000-0000-0004, v2.3.11, 10.0.19045, 192.168.1.1, 09:15:00, $12,000.',
    'Customer: [email], [phone], card [card], v2.3.11, 10.0.19045, 192.168.1.1, 09:15:00, $12,000.',
  ],
];

describe('redactText', () => {
  describe('e-mail addresses', () => {
    it.each(EMAILS)('%j → %j', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('phone numbers', () => {
    it.each(PHONES)('%j → %j', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('card numbers', () => {
    it.each(CARDS)('%j → %j', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('ordinary numbers and text stay', () => {
    it.each(MUST_STAY)('%j', (input) => expect(redactText(input)).toBe(input));
  });

  describe('mixed text', () => {
    it.each(MIXED)('%j → %j', (input, expected) => expect(redactText(input)).toBe(expected));
  });

  describe('punctuation around a phone number or card', () => {
    const around: [string, string][] = [['(', ')'], ['[', ']'], ['"', '"'], ["'", "'"], ['', '.'], ['', ','], ['', ';'], ['', '!'], ['', '?'], ['<', '>'], ['', ' –'], ['*', '*']];
    it.each(around)('%j … %j', (open, close) => {
      expect(redactText(`x ${open}020 7946 0958${close} y`)).toBe(`x ${open}[phone]${close} y`);
      expect(redactText(`x ${open}4111 1111 1111 1111${close} y`)).toBe(`x ${open}[card]${close} y`);
      expect(redactText(`x ${open}a@b.com${close} y`)).toBe(`x ${open}[email]${close} y`);
    });
  });

  it('is idempotent: redacting twice gives what redacting once gives', () => {
    const inputs = [
      ...EMAILS.map(([input]) => input),
      ...PHONES.map(([input]) => input),
      ...CARDS.map(([input]) => input),
      ...MUST_STAY,
      ...MIXED.map(([input]) => input),
      'a@b.co1@c.de',
      'ab@c.de020 7946 0958',
      '4111 1111 1111 1111 1234',
      '1 234.56 020 7946 0958',
      'call 020 7946 0958 1234567 89',
    ];
    for (const input of inputs) {
      const once = redactText(input);
      expect(redactText(once), input).toBe(once);
    }
  });

  it('is idempotent on generated text (a fixed seed: the same 5 000 texts every run)', () => {
    // Fragments that sit next to each other in odd ways: placeholders glued to digits, commas,
    // colons and pluses after numbers, dots after addresses. A rule that reads the character
    // before a number differently once that number is a placeholder shows up here.
    const pool = [
      '020', ' ', '7946', '0958', '-', '.', ',', ':', '+44', '+', '(0)', '(415)', '(', ')', 'call ', 'order ', 'tel ',
      'EUR ', '%', ',12', '@', 'a', 'b.com', 'jane@x.org', '.x@y.org', '[phone]', '[card]', '[email]', ']', '4111',
      '1111', '/', ' / ', ' - ', '\n', '07700', '900123', '12', '1', '€', '5500', '0000', '0004', '00', '2026-12-01',
      '#', 'x', '9876543210', '4111111111111111', '0301234567', '1-800', '555', '0132',
    ];
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const unstable: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      let input = '';
      const parts = 1 + Math.floor(next() * 12);
      for (let k = 0; k < parts; k += 1) input += pool[Math.floor(next() * pool.length)];
      const once = redactText(input);
      if (redactText(once) !== once) unstable.push(input);
    }
    expect(unstable).toEqual([]);
  });

  it('leaves no digits of a redacted number behind in the mixed corpus', () => {
    // Every digit in the mixed corpus outputs belongs to a number that must stay.
    const out = redactText('Reach me: +44 20 7946 0958 / 07700 900123 / jane@example.com / 4111 1111 1111 1111');
    expect(out).toBe('Reach me: [phone] / [phone] / [email] / [card]');
    expect(out).not.toMatch(/\d/);
  });
});

// No timing is asserted: a pattern that rescans from each position takes minutes on these
// strings (past the test timeout), the single pass takes milliseconds.
describe('redactText is linear in the length of the text', () => {
  const LENGTH = 200_000;

  const cases: [name: string, input: string, expected: (input: string) => string][] = [
    ['one long run of digits', '7'.repeat(LENGTH), (input) => input],
    ['digits separated by single spaces', '1 '.repeat(LENGTH / 2), (input) => input],
    ['digits separated by dashes', '12-'.repeat(LENGTH / 3), (input) => input],
    ['digits separated by dots', '1.'.repeat(LENGTH / 2), (input) => input],
    ['bracketed groups', '(12) '.repeat(LENGTH / 5), (input) => input],
    ['plus signs and digits', '+1 '.repeat(LENGTH / 3), (input) => input],
    ['address characters without an "@"', 'a.'.repeat(LENGTH / 2), (input) => input],
    ['one "@" after a long local part and no domain', `${'a'.repeat(LENGTH)}@`, (input) => input],
    ['a long domain without a top-level domain', `a@${'b.'.repeat(LENGTH / 2)}1`, (input) => input],
    ['many "@"', 'a@'.repeat(LENGTH / 2), (input) => input],
    ['thousands groups', '123 '.repeat(LENGTH / 4), (input) => input],
    ['date-like fragments', '1/2/'.repeat(LENGTH / 4), (input) => input],
    ['phone numbers back to back', '020 7946 0958, '.repeat(LENGTH / 15), () => '[phone], '.repeat(LENGTH / 15)],
    ['cards back to back', '4111 1111 1111 1111 x '.repeat(LENGTH / 22), () => '[card] x '.repeat(LENGTH / 22)],
    ['addresses back to back', 'a@b.com '.repeat(LENGTH / 8), () => '[email] '.repeat(LENGTH / 8)],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(input.length).toBeGreaterThanOrEqual(LENGTH - 30);
    expect(redactText(input)).toBe(expected(input));
  });

  it('a 1 MB mixed text', () => {
    const chunk = 'Order #88213 on 2026-12-01 14:30: call +44 20 7946 0958 or mail jane@example.com, card 4111 1111 1111 1111, £1,234.56 v2.3.11\n';
    const input = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const expectedChunk = 'Order #88213 on 2026-12-01 14:30: call [phone] or mail [email], card [card], £1,234.56 v2.3.11\n';
    expect(redactText(input)).toBe(expectedChunk.repeat(Math.ceil(1_000_000 / chunk.length)));
  });
});
