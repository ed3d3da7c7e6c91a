// The heavy screens (Statistics with uPlot, Import and export, the editor, the reader) are separate
// chunks, fetched the first time one is opened (or, once the first screen is up, while the app is
// idle), so the first screen's JavaScript stays small.
import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Frame, Loading } from './screens/Frame.tsx';

export interface LazyScreen<P> {
  (props: P): VNode;
  /** Starts fetching the chunk, if it has not started yet. */
  preload(): Promise<ComponentType<P>>;
}

export function lazyScreen<P extends object>(title: string, load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (screen) => (loaded = screen),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    ));
  function Screen(props: P) {
    const [, setReady] = useState(0);
    const [error, setError] = useState<string | null>(null);
    // Rendered without the screen, this waits for it even when it arrived (loaded in the background
    // while idle) between that render and this effect: otherwise nothing would render it again.
    const renderedWith = loaded;
    useEffect(() => {
      if (renderedWith) return;
      let live = true;
      preload().then(
        () => live && setReady(1),
        (e: Error) => live && setError(`This screen could not be loaded: ${e.message}`),
      );
      return () => {
        live = false;
      };
    }, []);
    useEffect(() => {
      // The screen's heading takes focus, as it does when a screen opens at once.
      if (loaded && (document.activeElement === document.body || document.activeElement === null)) document.querySelector<HTMLElement>('main h1')?.focus();
    }, [loaded]);
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    return <Frame title={title} back>{error ? <ErrorMessage message={error} /> : <Loading />}</Frame>;
  }
  Screen.preload = preload;
  return Screen;
}
