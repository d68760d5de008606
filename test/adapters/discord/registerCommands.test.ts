import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlashCommands } from '../../../src/adapters/discord/commandDefinitions.ts';
import {
  DiscordRegisterError,
  registerDiscordCommands,
} from '../../../src/adapters/discord/registerCommands.ts';
import { COMMANDS } from '../../../src/app/commands.ts';
import { FakeDiscord, IDS } from '../../helpers/fakeDiscord.ts';

describe('registerDiscordCommands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  const base = () => ({
    token: 'fake-bot-token',
    applicationId: IDS.application,
    apiUrl: `${fake.apiUrl}/v10/`,
    restRetries: 0,
    commands: COMMANDS,
  });

  it('registers for one guild', async () => {
    const result = await registerDiscordCommands({ ...base(), guildId: IDS.guild });
    expect(result).toEqual({ scope: 'guild', guildId: IDS.guild, names: COMMANDS.map((c) => c.name) });
    const put = await fake.waitFor(
      (r) =>
        r.method === 'PUT' &&
        r.path === `/api/v10/applications/${IDS.application}/guilds/${IDS.guild}/commands`,
    );
    expect(put.headers.authorization).toBe('Bot fake-bot-token');
    expect(put.body).toEqual(buildSlashCommands(COMMANDS));
  });

  it('registers globally without a guild', async () => {
    const result = await registerDiscordCommands(base());
    expect(result.scope).toBe('global');
    await fake.waitFor(
      (r) => r.method === 'PUT' && r.path === `/api/v10/applications/${IDS.application}/commands`,
    );
  });

  it('explains a refusal and bad ids', async () => {
    fake.failNext((r) => r.method === 'PUT', 403, { message: 'Missing Access', code: 50001 });
    const refused = registerDiscordCommands({ ...base(), guildId: IDS.guild });
    await expect(refused).rejects.toBeInstanceOf(DiscordRegisterError);
    await expect(refused).rejects.toThrow(/applications\.commands scope/);
    await expect(registerDiscordCommands({ ...base(), applicationId: 'my-app' })).rejects.toThrow(
      /DISCORD_APPLICATION_ID must be the numeric Application ID/,
    );
    await expect(registerDiscordCommands({ ...base(), guildId: 'newsroom' })).rejects.toThrow(
      /DISCORD_GUILD_ID/,
    );
  });
});
