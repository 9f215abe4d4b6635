import { runTicketReporter } from '@/lib/helpdesk/reporter';
import { siteFor } from '@/lib/helpdesk/registry';
import { zendeskAdapter } from '@/lib/helpdesk/zendesk';

export default defineContentScript({
  matches: siteFor('zendesk').matches,
  runAt: 'document_idle',
  main(ctx) {
    runTicketReporter(ctx, zendeskAdapter);
  },
});
