/**
 * Watched names in PostgreSQL, shared by every instance: the same tables and meaning as the SQLite
 * WatchState. An alert is recorded with INSERT ... ON CONFLICT DO NOTHING, so of the instances that
 * see one article arrive only one owns its alert; a channel's pending alerts are taken with its
 * row locked (SELECT ... FOR UPDATE), so two instances never both post them, nor post twice within
 * the channel's floor.
 */
import type pg from 'pg';
import {
  type NewAlert,
  type NewWatch,
  type TakenAlerts,
  toAlert,
  toWatch,
  type Watch,
  type WatchAlert,
  type WatchChannel,
  type WatchState,
} from '../watchState.ts';
import { inTransaction } from './database.ts';

export class PgWatchState implements WatchState {
  constructor(private readonly pool: pg.Pool) {}

  async addWatch(w: NewWatch): Promise<{ watch: Watch; created: boolean }> {
    const inserted = await this.pool.query(
      `INSERT INTO watches (platform, channel_id, typed, name, kind, target_id, terms, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (platform, channel_id, name) DO NOTHING
       RETURNING *`,
      [
        w.platform,
        w.channelId,
        w.typed,
        w.name,
        w.kind,
        w.targetId ?? null,
        JSON.stringify(w.terms),
        w.createdBy ?? null,
        w.createdAt,
      ],
    );
    const row =
      inserted.rows[0] ??
      (
        await this.pool.query('SELECT * FROM watches WHERE platform = $1 AND channel_id = $2 AND name = $3', [
          w.platform,
          w.channelId,
          w.name,
        ])
      ).rows[0];
    if (!row) throw new Error('watch vanished while being added');
    return { watch: toWatch(row), created: inserted.rows.length === 1 };
  }

  async listWatches(where: Partial<WatchChannel> = {}): Promise<Watch[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM watches
       WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR channel_id = $2)
       ORDER BY id`,
      [where.platform ?? null, where.channelId ?? null],
    );
    return rows.map(toWatch);
  }

  async removeWatch(id: number): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM watches WHERE id = $1', [id])).rowCount ?? 0) === 1;
  }

  async recordAlert(a: NewAlert): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO watch_alerts (watch_id, article_id, platform, channel_id, name, article, sentence, status, created_at)
       SELECT id, $2, platform, channel_id, $3, $4, $5, 'pending', $6 FROM watches WHERE id = $1
       ON CONFLICT (watch_id, article_id) DO NOTHING`,
      [a.watchId, a.article.id, a.name, JSON.stringify(a.article), a.sentence, a.createdAt],
    );
    return result.rowCount === 1;
  }

  async takeAlerts(channel: WatchChannel, owner: string, now: Date, floorMs: number): Promise<TakenAlerts> {
    const key = [channel.platform, channel.channelId];
    return inTransaction(this.pool, async (db): Promise<TakenAlerts> => {
      // The channel's row is the lock: whoever holds it decides about the channel's pending alerts.
      await db.query(
        `INSERT INTO watch_channels (platform, channel_id, last_post_at, owner)
         VALUES ($1, $2, 'epoch', '') ON CONFLICT (platform, channel_id) DO NOTHING`,
        key,
      );
      const { rows: channels } = await db.query<{ last_post_at: Date }>(
        'SELECT last_post_at FROM watch_channels WHERE platform = $1 AND channel_id = $2 FOR UPDATE',
        key,
      );
      const { rows: pending } = await db.query(
        `SELECT * FROM watch_alerts WHERE platform = $1 AND channel_id = $2 AND status = 'pending'
         ORDER BY created_at, watch_id, article_id`,
        key,
      );
      if (!pending.length) return { alerts: [] };
      const last = channels[0]?.last_post_at.getTime() ?? 0;
      const due = last + floorMs;
      if (last > 0 && due > now.getTime()) return { alerts: [], notBefore: new Date(due) };
      await db.query(
        'UPDATE watch_channels SET last_post_at = $3, owner = $4 WHERE platform = $1 AND channel_id = $2',
        [...key, now, owner],
      );
      await db.query(
        `UPDATE watch_alerts SET status = 'posting', owner = $3, posted_at = $4
         WHERE platform = $1 AND channel_id = $2 AND status = 'pending'
           AND (watch_id, article_id) IN (SELECT * FROM unnest($5::int[], $6::text[]))`,
        [...key, owner, now, pending.map((r) => r.watch_id), pending.map((r) => r.article_id)],
      );
      return { alerts: pending.map((row) => ({ ...toAlert(row), status: 'posting' as const })) };
    });
  }

  async finishAlerts(
    alerts: readonly WatchAlert[],
    status: 'sent' | 'failed',
    detail?: string,
  ): Promise<void> {
    if (!alerts.length) return;
    await this.pool.query(
      `UPDATE watch_alerts SET status = $1, detail = $2
       WHERE (watch_id, article_id) IN (SELECT * FROM unnest($3::int[], $4::text[]))`,
      [status, detail ?? null, alerts.map((a) => a.watchId), alerts.map((a) => a.article.id)],
    );
  }

  async pendingChannels(): Promise<WatchChannel[]> {
    const { rows } = await this.pool.query<{ platform: string; channel_id: string }>(
      "SELECT DISTINCT platform, channel_id FROM watch_alerts WHERE status = 'pending' ORDER BY platform, channel_id",
    );
    return rows.map((r) => ({ platform: r.platform, channelId: r.channel_id }));
  }
}
