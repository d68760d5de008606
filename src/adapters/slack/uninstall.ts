/**
 * When a workspace removes the app (app_uninstalled) or revokes its bot token (tokens_revoked),
 * everything the bot kept for that workspace goes: its installation, its digest subscriptions and
 * their pending runs. Other workspaces are untouched. Bolt runs these listeners without
 * authorizing (the token may already be gone), so the workspace comes from the event's context.
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../ops/logger.ts';
import type { StateStore } from '../../state/stateStore.ts';
import { installationKey, SLACK } from './slackInstallations.ts';

export type WorkspaceState = Pick<StateStore, 'forgetWorkspace'>;

export function registerUninstallHandlers(
  app: App,
  { state, log }: { state: WorkspaceState; log: Logger },
): void {
  const forget = async (
    why: string,
    context: {
      teamId?: string | undefined;
      enterpriseId?: string | undefined;
      isEnterpriseInstall?: boolean;
    },
  ) => {
    const key = installationKey(context);
    if (!key) {
      log.warn({ why }, 'slack: an uninstall without a workspace id: nothing removed');
      return;
    }
    try {
      const removed = await state.forgetWorkspace(SLACK, key);
      log.info({ workspace: key, why, ...removed }, 'slack: workspace forgotten');
    } catch (error) {
      log.error({ err: error, workspace: key, why }, 'slack: forgetting a workspace failed');
    }
  };

  app.event('app_uninstalled', async ({ context }) => {
    await forget('app_uninstalled', context);
  });

  app.event('tokens_revoked', async ({ event, context }) => {
    // Only the bot's tokens matter: a revoked user token (we ask for none) leaves the bot working.
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget('tokens_revoked', context);
  });
}
