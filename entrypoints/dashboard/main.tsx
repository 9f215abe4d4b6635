import { renderPage } from '@/components/query';
import { DashboardPage } from './DashboardPage';
import '@/components/panel.css';

renderPage(<DashboardPage />);
