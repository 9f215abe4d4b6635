import { renderPage } from '@/components/query';
import { SidePanel } from './SidePanel';
import '@/components/panel.css';

renderPage(<SidePanel />);
