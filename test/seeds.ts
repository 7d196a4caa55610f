/**
 * How many seeds a property test runs: a quick default so `npm test` stays fast, and many more for a
 * deep run (`npm run test:deep` sets PROPERTY_SEEDS=300). A failing seed is printed by the test, so a
 * deep-run failure can be replayed on its own.
 */
export function propertySeeds(quick = 20): number {
  const deep = Number(process.env.PROPERTY_SEEDS);
  return Number.isInteger(deep) && deep > 0 ? deep : quick;
}
