// The ids of the shipped rubrics, in order of preference, without their content: the panel needs
// only these to rank a team's own rubric above a template, not 60 kB of template JSON.
// tests/unit/rubric/templates.test.ts checks this list against BUILT_IN_RUBRICS.
export const BUILT_IN_RUBRIC_IDS: readonly string[] = [
  'support-default',
  'complaint-handling-later',
  'service-quality-rater',
  'email-reply-quality',
  'chat-messaging-quality',
  'phone-call-quality',
];
