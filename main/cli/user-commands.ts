import { roles } from '../review/workflow';
import { CliError, type Command, unwrap } from './command';

/**
 * Profiles from a terminal, so a workspace filled from the CLI can have its users: the first is
 * its Admin; after that an Admin adds people (`--as ADMIN --pin PIN`). The new profile's PIN is
 * `--new-pin`, since `--pin` is the acting profile's own.
 */
export const userCommands: Record<string, Command> = {
  users: {
    summary: 'list the profiles of the workspace, or add one (the first is its Admin; then an Admin adds people)',
    usage:
      'users list | users add NAME --role preparer|approver|admin --new-pin PIN [--full-name TEXT] [--as ADMIN --pin PIN]',
    async run({ api, args, options }) {
      const [action, name, ...rest] = args;
      if (action === 'list') {
        if (args.length > 1) throw new CliError(`unexpected argument "${args[1]}" for users list`);
        return { users: unwrap(await api.call('users.list', {})) };
      }
      if (action !== 'add') throw new CliError(`users needs list or add, not "${action ?? ''}"`);
      if (!name || rest.length > 0) throw new CliError('users add takes one NAME');
      const role = options.role;
      if (!role || !(roles as readonly string[]).includes(role))
        throw new CliError(`--role is one of ${roles.join(', ')}`);
      const pin = options['new-pin'];
      if (!pin) throw new CliError('--new-pin is the new profile’s PIN (4 to 8 digits, or a passphrase)');
      return unwrap(
        await api.call('users.create', {
          name,
          role: role as (typeof roles)[number],
          fullName: options['full-name'] ?? '',
          pin,
        }),
        ['refused', 'forbidden', 'validation'],
      );
    },
  },
};
