// Vitest global setup: the command-line tests run the built bundle, so build it from the current
// sources first (npm install built it too, but sources may have changed since).
import { buildCli } from '../../scripts/build-cli';

export default async function setup(): Promise<void> {
  await buildCli();
}
