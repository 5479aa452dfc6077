// Small keyboard-flow helpers for the desk's forms (V-1, V-4).
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

/** Controls matching `selector` inside `root` are no Tab stops (a clear button between two fields). */
export function useNoTabStop(root: RefObject<HTMLElement | null>, selector: string): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const apply = () => {
      for (const el of element.querySelectorAll(selector)) if (el.getAttribute('tabindex') !== '-1') el.setAttribute('tabindex', '-1');
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root, selector]);
}

/**
 * For a wrapper's onKeyDownCapture: Tab leaves the field as usual instead of picking the suggestion the list
 * has highlighted (and keeping the focus), which is what a suggestion list does with it.
 */
export function tabLeaves(event: KeyboardEvent): void {
  if (event.key === 'Tab') event.stopPropagation();
}
