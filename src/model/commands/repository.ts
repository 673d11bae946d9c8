// Backup repository commands.
import { defineCommand } from '../command';
import { named } from '../kinds';
import type { Repository } from '../schema';
import { place, type Point } from './helpers';

export const addRepository = defineCommand<{ repository: Repository; at?: Point }>({
  type: 'repository/add',
  describe: ({ repository }) => `Added ${named('repository', repository)}`,
  perform: (design, { repository, at }) =>
    design.repositories.some((r) => r.id === repository.id)
      ? design
      : place({ ...design, repositories: [...design.repositories, repository] }, repository.id, at),
});
