// Only the pure helper is imported: importing 'electron' would try to download it.
import { describe, expect, it } from 'vitest';
import { audienceUrl, chooseAudienceDisplay } from '../../electron/main/audience-display.js';
import { isTrustedSenderUrl } from '../../electron/main/sender.js';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
const bigScreen = { id: 3, bounds: { x: -3840, y: 0, width: 3840, height: 2160 } };

describe('chooseAudienceDisplay', () => {
  it('puts the audience on the other display', () => {
    expect(chooseAudienceDisplay([laptop, projector], 1)).toEqual({ display: projector, external: true });
    expect(chooseAudienceDisplay([laptop, projector], 2)).toEqual({ display: laptop, external: true });
  });
  it('prefers the largest of several other displays', () => {
    expect(chooseAudienceDisplay([laptop, projector, bigScreen], 1)?.display).toBe(bigScreen);
  });
  it('uses the only display, not full screen, when there is one', () => {
    expect(chooseAudienceDisplay([laptop], 1)).toEqual({ display: laptop, external: false });
    expect(chooseAudienceDisplay([laptop], 99)).toEqual({ display: laptop, external: false });
    expect(chooseAudienceDisplay([], 1)).toBeNull();
  });
});

describe('audienceUrl', () => {
  it('is the app itself, so the window may call the backend', () => {
    const url = audienceUrl('0b7e3c1a-4f7e-4c55-9a43-3f1c2d9e8a10')!;
    expect(url).toBe('app://workbench/index.html?view=audience&meeting=0b7e3c1a-4f7e-4c55-9a43-3f1c2d9e8a10');
    expect(isTrustedSenderUrl(url)).toBe(true);
    expect(audienceUrl(null)).toBe('app://workbench/index.html?view=audience');
  });
  it.each(['', 'a&b=c', '../x', 'x#y', 'a b', 'x'.repeat(101), 'ä'])('refuses the id %j', (id) => {
    expect(audienceUrl(id)).toBeNull();
  });
});
