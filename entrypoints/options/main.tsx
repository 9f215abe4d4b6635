import { renderPage } from '@/components/query';
import { OptionsPage } from './OptionsPage';
import '@/components/panel.css';

renderPage(<OptionsPage />);
