import { runTicketReporter } from '@/lib/content/reporter';
import { freshdeskAdapter } from '@/lib/helpdesk/freshdesk/content/adapter';
import { freshdeskSite } from '@/lib/helpdesk/freshdesk/site';

export default defineContentScript({
  matches: [...freshdeskSite.matches],
  runAt: 'document_idle',
  main(ctx) {
    runTicketReporter(ctx, freshdeskAdapter);
  },
});
