import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'md',
  // People who ask their system for less motion get none (and tests measure settled screens).
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
});

/**
 * Mantine's default "dimmed" and placeholder greys fail WCAG AA contrast (STACK.md), and a
 * meeting-room projector washes colours out further: darken them.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
  },
});

/**
 * The shared-screen (projector) look, as CSS variables set on the presentation container: it
 * overrides Mantine's tokens for that subtree only, so the chair's window can switch back and forth
 * and the rest of the app keeps its theme. Body text 22 px; black on white (21:1), the primary
 * colour a dark blue (≥ 10:1 against white) and borders near black, because projectors wash out
 * greys and light tints. Inputs and buttons scale with --mantine-scale.
 */
export const presentationCssVariables: Record<`--${string}`, string> = {
  '--mantine-scale': '1.3',
  '--mantine-font-size-xs': '1.25rem',
  '--mantine-font-size-sm': '1.3125rem',
  '--mantine-font-size-md': '1.375rem',
  '--mantine-font-size-lg': '1.625rem',
  '--mantine-font-size-xl': '1.875rem',
  '--mantine-h1-font-size': '2.5rem',
  '--mantine-h2-font-size': '2.125rem',
  '--mantine-h3-font-size': '1.75rem',
  '--mantine-h4-font-size': '1.5rem',
  '--mantine-h5-font-size': '1.375rem',
  '--mantine-line-height': '1.5',
  '--mantine-color-text': '#000000',
  '--mantine-color-body': '#ffffff',
  '--mantine-color-dimmed': '#1a1a1a',
  '--mantine-color-placeholder': '#333333',
  '--mantine-color-default': '#ffffff',
  '--mantine-color-default-hover': '#e6e6e6',
  '--mantine-color-default-color': '#000000',
  '--mantine-color-default-border': '#000000',
  '--mantine-color-error': '#8a0000',
  '--mantine-color-anchor': '#14206b',
  '--mantine-primary-color-filled': '#14206b',
  '--mantine-primary-color-filled-hover': '#0b1247',
  '--mantine-primary-color-light': '#e3e7ff',
  '--mantine-primary-color-light-color': '#14206b',
  '--mantine-primary-color-contrast': '#ffffff',
  // Components given a colour explicitly (variant="filled") read the named colour, not the primary.
  '--mantine-color-indigo-filled': '#14206b',
  '--mantine-color-indigo-filled-hover': '#0b1247',
  // Input and card borders: Mantine's light grey disappears on a projector.
  '--mantine-color-gray-3': '#3d3d3d',
  '--mantine-color-gray-4': '#3d3d3d',
  // Warnings and errors (alerts, save failures) at ≥ 7:1 too.
  '--mantine-color-red-9': '#8a0000',
};

/** The presentation container's own style: the variables, and the type they size. */
export const presentationStyle = {
  ...presentationCssVariables,
  fontSize: 'var(--mantine-font-size-md)',
  lineHeight: 1.5,
  color: '#000000',
  background: '#ffffff',
} as const;

/** The session's normal (chair's) view: error text dark enough for AA on white (red 9, 5.6:1). */
export const sessionCssVariables: Record<`--${string}`, string> = {
  '--mantine-color-error': 'var(--mantine-color-red-9)',
};
