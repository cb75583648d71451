/** The stylesheet KaTeX's output needs, when the page loads it on demand (`useMathStylesheet`); undefined when the page has it already. */
let href: string | undefined;
let loading: Promise<void> | undefined;
let loaded = false;

/**
 * Has `loadMathStyle` load KaTeX's stylesheet from `url` (the docs site keeps it out of its
 * render-blocking CSS). Without it the page is taken to have KaTeX's CSS already (the standalone
 * playground bundles it).
 */
export function useMathStylesheet(url: string): void {
  href = url;
}

/**
 * Loads KaTeX's stylesheet once: a `<link>` in the head, unless the page links it already (the
 * docs' pages with math do, in their HTML). Resolves when it has loaded, or failed to (formulas
 * then show unstyled, never hidden). The playground and the docs theme (before a client-side
 * navigation) share it.
 */
export function loadMathStyle(): Promise<void> {
  loading ??= new Promise<void>((resolve) => {
    const done = (): void => {
      loaded = true;
      resolve();
    };
    const url = href;
    // A link in the page's HTML is render-blocking: it is in use already.
    if (url === undefined || document.querySelector(`link[rel~=stylesheet][href="${url}"]`)) return done();
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    link.addEventListener('load', done);
    link.addEventListener('error', done);
    document.head.append(link);
  });
  return loading;
}

/** Whether KaTeX's stylesheet has loaded (or failed to): formulas can be drawn at once. */
export const mathStyleLoaded = (): boolean => loaded;
