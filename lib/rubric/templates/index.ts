// Rubrics shipped with the extension. Parsed at module load on purpose: a broken template
// fails the unit tests (and the build's first import) instead of surfacing in a user's panel.
// Every template is seeded into the library on start (missing [id + version] rows are added),
// so an existing install gets new templates too. A template's content never changes under the
// same version: reviews name the version they were scored with.
import { parseRubric, type Rubric } from '../schema';
import defaultSupport from './default-support.json';
import complaintHandlingLater from './complaint-handling-later.json';
import serviceQualityRater from './service-quality-rater.json';
import emailReplyQuality from './email-reply-quality.json';
import chatMessagingQuality from './chat-messaging-quality.json';
import phoneCallQuality from './phone-call-quality.json';

export const DEFAULT_RUBRIC_ID = 'support-default';

/**
 * In order of preference on an equal fit (see `selectRubric`'s `builtInIds`): the general support
 * rubric first, then complaint handling before service quality (a complaint from a key account
 * is handled as a complaint first).
 */
export const BUILT_IN_RUBRICS: Rubric[] = [
  parseRubric(defaultSupport),
  parseRubric(complaintHandlingLater),
  parseRubric(serviceQualityRater),
  parseRubric(emailReplyQuality),
  parseRubric(chatMessagingQuality),
  parseRubric(phoneCallQuality),
];

export { BUILT_IN_RUBRIC_IDS } from './ids';

export function findBuiltInRubric(id: string): Rubric | undefined {
  return BUILT_IN_RUBRICS.find((rubric) => rubric.id === id);
}
