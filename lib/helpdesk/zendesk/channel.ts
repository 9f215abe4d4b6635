// Zendesk `via.channel` → Channel. Kept free of zod: the content script needs it too (it reads
// Messaging transcripts only for messaging and chat tickets), and the parser re-exports it.
import type { Channel } from '../types';

const CHANNELS: Record<string, Channel> = {
  email: 'email', mail: 'email',
  web: 'web', web_form: 'web', web_widget: 'web', help_center: 'web',
  chat: 'chat', chat_transcript: 'chat',
  native_messaging: 'messaging', messaging: 'messaging', whatsapp: 'messaging', line: 'messaging',
  wechat: 'messaging', telegram: 'messaging', viber: 'messaging', kakao: 'messaging',
  messagebird_sms: 'messaging', sms: 'messaging', apple_business_chat: 'messaging',
  google_rcs: 'messaging', google_business_messages: 'messaging', messenger: 'messaging',
  voice: 'phone', phone: 'phone', phone_call_inbound: 'phone', phone_call_outbound: 'phone',
  voicemail: 'phone',
  twitter: 'social', twitter_dm: 'social', twitter_favorite: 'social', facebook: 'social',
  facebook_post: 'social', facebook_message: 'social', instagram_dm: 'social',
};

/** `via.channel` → Channel. The API has many undocumented values; unknown ones are 'other'. */
export function zendeskChannel(channel: unknown): Channel {
  if (typeof channel !== 'string') return 'other';
  const key = channel.trim().toLowerCase();
  // Sunshine Conversations integrations all arrive as sunshine_conversations_<network>.
  if (key.startsWith('sunshine_conversations')) return 'messaging';
  return CHANNELS[key] ?? 'other';
}
