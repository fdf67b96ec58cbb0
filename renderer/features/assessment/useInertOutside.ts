import { useEffect } from 'react';

/**
 * While `active`, everything on the page outside `ref` is inert: the projector layer covers the
 * workbench, and Tab must not wander to controls nobody can see behind it. Each ancestor's other
 * children are made inert and given back exactly as they were when the layer goes.
 */
export function useInertOutside(el: HTMLElement | null, active: boolean): void {
  useEffect(() => {
    if (!active || !el) return;
    const changed: HTMLElement[] = [];
    for (let node: HTMLElement = el; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert || sibling.tagName === 'SCRIPT') continue;
        sibling.inert = true;
        changed.push(sibling);
      }
    }
    return () => changed.forEach((s) => (s.inert = false));
  }, [el, active]);
}
