// Settings, and the custom helpdesk domains they list.
import { z } from '../../zod';
import { helpdeskNameSchema } from '../../helpdesk/ticket-schema';
import { settingsPatchSchema, settingsSchema } from '../../settings/settings';

export const settingsProtocol = {
  'settings:get': { request: z.object({}), response: settingsSchema },
  'settings:update': { request: settingsPatchSchema, response: settingsSchema },
  'domains:register': { request: z.object({ host: z.string(), helpdesk: helpdeskNameSchema }), response: settingsSchema },
  'domains:remove': { request: z.object({ host: z.string() }), response: settingsSchema },
} as const;
