// Before the unit and contract tests: the core's worker threads run from built files, so build them from the
// current sources (a fraction of a second).
export async function setup(): Promise<void> {
  // @ts-expect-error -- a plain ES module script without type declarations
  const { buildWorkers } = (await import('../../scripts/workers.mjs')) as { buildWorkers: () => Promise<void> };
  await buildWorkers();
}
