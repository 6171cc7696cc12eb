import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { loadErrorWords } from './components/form/error-words.ts';
import './styles.css';

// the words of error codes in the reader's language: one small chunk, fetched beside the app
void loadErrorWords();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
