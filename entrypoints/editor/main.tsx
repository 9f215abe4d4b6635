import { renderPage } from '@/components/query';
import { EditorPage } from './EditorPage';
import '@/components/panel.css';
import './editor.css';

renderPage(<EditorPage />);
