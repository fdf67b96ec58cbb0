export { rng } from '../shared/domain/rng.js';

const FIRST = ['Aino', 'Eino', 'Åsa', 'Matti', 'Liisa', 'Jussi', 'Sanna', 'Ahmed', 'Zoë', 'Kaarina', 'Pekka', 'Leena'];
const LAST = ['Meikäläinen', 'Öhman', 'Virtanen', 'Korhonen', 'Nieminen', 'Mäkinen', 'Hämäläinen', 'Lindqvist', 'Šimek'];

export function name(r: () => number): string {
  return `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`;
}
