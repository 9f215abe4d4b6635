// The rubrics shipped with the extension, as a fresh profile's library lists them (each version 1).
// Written out rather than imported from lib/: the specs check what the build ships.
export const BUILT_IN_RUBRIC_IDS = [
  'support-default',
  'complaint-handling-later',
  'service-quality-rater',
  'email-reply-quality',
  'chat-messaging-quality',
  'phone-call-quality',
] as const;
