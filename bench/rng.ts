/** mulberry32: a small seeded PRNG so every benchmark run does the same work. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Aino', 'Eino', 'Åsa', 'Matti', 'Liisa', 'Jussi', 'Sanna', 'Ahmed', 'Zoë', 'Kaarina', 'Pekka', 'Leena'];
const LAST = ['Meikäläinen', 'Öhman', 'Virtanen', 'Korhonen', 'Nieminen', 'Mäkinen', 'Hämäläinen', 'Lindqvist', 'Šimek'];

export function name(r: () => number): string {
  return `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`;
}
