/** Vitest global setup: services that several test files share are started here. */
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
