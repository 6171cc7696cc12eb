import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { loadErrorWords } from './components/form/error-words.ts';
import { i18n, startI18n } from './i18n/index.ts';
import './styles.css';

// The reader's language and its main catalog (a chunk of its own) before the first render;
// the words of error codes in that language beside it (one small chunk), and again on a switch.
void startI18n().then(() => {
  void loadErrorWords();
  i18n.on('languageChanged', () => void loadErrorWords());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
