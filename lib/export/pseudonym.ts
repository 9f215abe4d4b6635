// Stable pseudonyms for agents in records that leave the machine. A keyed hash (HMAC-SHA256 with
// the team's secret) rather than a plain hash: agent ids are short and often sequential, so an
// unkeyed hash could be reversed by hashing every likely id; without the secret it cannot. The
// same secret and id always give the same pseudonym, so a team's store can still count reviews
// per agent; another secret gives unrelated pseudonyms.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export interface Agent {
  id: string;
  name: string;
}

// Versioned, so a future change of scheme cannot produce the same pseudonym for another input.
const CONTEXT = 'qa-agent-pseudonym/1:';

/** The full HMAC-SHA256 of the agent id under the secret, as lower-case hex. */
export function pseudonymDigest(secret: string, agentId: string): string {
  // An empty key is a key everyone knows: the "pseudonym" would be a plain hash of the id.
  if (secret.length === 0) throw new Error('The team secret for pseudonyms is empty.');
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(CONTEXT + agentId)));
}

/** `agent-` and 12 hex digits (48 bits: no collisions expected in any real team). */
export function pseudonymousId(secret: string, agentId: string): string {
  return `agent-${pseudonymDigest(secret, agentId).slice(0, 12)}`;
}

/** The agent as others see it: id and name both derived from the id, never from the name. */
export function pseudonymousAgent(secret: string, agent: Agent): Agent {
  const digest = pseudonymDigest(secret, agent.id);
  return { id: `agent-${digest.slice(0, 12)}`, name: `Agent ${digest.slice(0, 6).toUpperCase()}` };
}
