import { renderPage } from '@/components/query';
import { SamplingPage } from './SamplingPage';
import '@/components/panel.css';
import './sampling.css';

renderPage(<SamplingPage />);
