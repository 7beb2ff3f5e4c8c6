import { useEffect, type RefObject } from 'react';

/**
 * Keeps an element's bottom inside the window (1366×768 included): its height is capped at what is
 * left below its top, updated as the page scrolls or the window changes, so whatever the element
 * keeps at its own bottom (the worklist's actions) stays in view; the rest scrolls inside it.
 */
/** `shown` changes when the element appears (it is rendered once its data has come). */
export function useFitToViewport(ref: RefObject<HTMLElement | null>, shown: boolean, margin = 8): void {
  useEffect(() => {
    const fit = () => {
      const element = ref.current;
      if (!element) return;
      const top = Math.max(element.getBoundingClientRect().top, margin);
      element.style.maxHeight = `${Math.max(240, window.innerHeight - top - margin)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    window.addEventListener('scroll', fit, true);
    const observer = new ResizeObserver(fit);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', fit);
      window.removeEventListener('scroll', fit, true);
      observer.disconnect();
    };
  }, [ref, shown, margin]);
}
