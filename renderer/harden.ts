/**
 * Defence in depth for browser mode, where no Electron main process vets navigation: the
 * workbench never opens windows and never follows a link away from itself. (In Electron the main
 * process denies both as well.) Forms cannot navigate either: the CSP says form-action 'none'.
 */
export function hardenWindow(): void {
  window.open = () => null;
  document.addEventListener(
    'click',
    (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a) return;
      const href = new URL((a as HTMLAnchorElement).href, window.location.href);
      if (href.origin !== window.location.origin || (a as HTMLAnchorElement).target) e.preventDefault();
    },
    true,
  );
}
