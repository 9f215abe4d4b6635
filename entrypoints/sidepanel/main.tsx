import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanel } from '@/components/SidePanel';
import { answerStoragePersistRequests } from '@/lib/messaging/storage-persist';
import '@/components/panel.css';

answerStoragePersistRequests();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanel />
  </StrictMode>,
);
