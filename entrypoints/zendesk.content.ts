import { runTicketReporter } from '@/lib/content/reporter';
import { zendeskAdapter } from '@/lib/helpdesk/zendesk/content/adapter';
import { zendeskSite } from '@/lib/helpdesk/zendesk/site';

export default defineContentScript({
  matches: [...zendeskSite.matches],
  runAt: 'document_idle',
  main(ctx) {
    runTicketReporter(ctx, zendeskAdapter);
  },
});
