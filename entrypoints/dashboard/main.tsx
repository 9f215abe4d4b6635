import { renderPage } from '@/components/query';
import { DashboardPage } from './DashboardPage';
import '@/components/panel.css';
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';

renderPage(<DashboardPage />);
