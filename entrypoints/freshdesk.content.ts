import { freshdeskAdapter } from '@/lib/helpdesk/freshdesk';
import { runTicketReporter } from '@/lib/helpdesk/reporter';
import { siteFor } from '@/lib/helpdesk/registry';

export default defineContentScript({
  matches: siteFor('freshdesk').matches,
  runAt: 'document_idle',
  main(ctx) {
    runTicketReporter(ctx, freshdeskAdapter);
  },
});
