import { Component, type ReactNode } from 'react';
import { t } from '../i18n/index.ts';

interface Props {
  /** The current path: moving elsewhere clears the failure. */
  location: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
  location: string;
}

/**
 * Catches a screen that failed to render or to load (a lazy chunk gone after a deploy,
 * a lost connection) and offers a reload instead of a blank page.
 */
export class ScreenBoundary extends Component<Props, State> {
  override state: State = { failed: false, location: this.props.location };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.location === state.location ? null : { failed: false, location: props.location };
  }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <>
        <h1>{t('errors.loadFailed')}</h1>
        <div className="notice error" role="alert">
          <p>{t('errors.screenFailed')}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {t('errors.reloadPage')}
          </button>
        </div>
      </>
    );
  }
}
