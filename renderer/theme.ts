import type { Settings } from '../main/contract.ts';

/** Applies the theme setting: "system" follows the operating system's light or dark mode. */
export function applyTheme(theme: Settings['theme']): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
