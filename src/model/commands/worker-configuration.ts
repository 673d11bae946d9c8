// Worker configuration commands.
import { defineCommand } from '../command';
import { named } from '../kinds';
import type { WorkerConfiguration } from '../schema';

export const addWorkerConfiguration = defineCommand<{ workerConfiguration: WorkerConfiguration }>({
  type: 'worker-configuration/add',
  describe: ({ workerConfiguration: w }) => `Added ${named('workerConfiguration', w)}`,
  perform: (design, { workerConfiguration }) => ({
    ...design,
    workerConfigurations: [...design.workerConfigurations, workerConfiguration],
  }),
});
