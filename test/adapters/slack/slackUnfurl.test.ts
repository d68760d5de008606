/**
 * Article unfurls through the real Slack adapter (Bolt on its HTTP receiver) against the fake
 * Slack: a link_shared event for an archived article's address is answered with chat.unfurl
 * (Block Kit: the title, the lede, the people and places, /who buttons); one for another page gets
 * nothing, except that an editor gets an ephemeral "Add to archive" button, which runs /ingest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSlack } from '../../../src/adapters/slack/slackAdapter.ts';
import { assembleCommands } from '../../../src/app/commands.ts';
import { createBot } from '../../../src/core/bot.ts';
import { addToArchiveOffer } from '../../../src/ingest/addToArchiveOffer.ts';
import { isAdmin } from '../../../src/ingest/admins.ts';
import type { ArchiveService } from '../../../src/ingest/archiveService.ts';
import { DEEP_FREEZE_URL, knowledgeWithUrls } from '../../core/linkSupport.ts';
import { FakeSlack, interactiveBody, postSigned } from '../../helpers/fakeSlack.ts';
import { displayedTexts, fixture, LIVE_MENTION, memoryLogger, startSlackOverHttp } from './support.ts';

const SIGNING_SECRET = 'unfurl-signing-secret';
const EDITOR = 'UEDITOR01';
const UNKNOWN = 'https://mg.co.za/article/2017-04-14-a-story-not-archived';

const ingested: string[] = [];
const archive: ArchiveService = {
  mayIngest: (who) => isAdmin([{ platform: 'slack', userId: EDITOR }], who),
  async ingest(url) {
    ingested.push(url);
    return { status: 'refused', url, reason: 'the test archive adds nothing' };
  },
  feeds: async () => [],
};
const bot = createBot(knowledgeWithUrls(), {
  commands: assembleCommands({ archive }),
  unknownLink: addToArchiveOffer(archive),
});

let fake: FakeSlack;
let slack: RunningSlack;
let eventsUrl: string;
let events = 0;

beforeAll(async () => {
  fake = await FakeSlack.start();
  ({ slack, eventsUrl } = await startSlackOverHttp({
    bot,
    log: memoryLogger('silent').log,
    apiUrl: fake.apiUrl,
    signingSecret: SIGNING_SECRET,
    token: 'xoxb-unfurl',
  }));
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

/** A link_shared event, as Slack sends it when a message with these links is posted. */
async function shareLinks(urls: string[], user = 'U0000001'): Promise<string> {
  const base = fixture<Record<string, unknown>>('app-mention.json');
  const ts = `1700000500.00${++events}`;
  const event = {
    type: 'link_shared',
    channel: 'C0000001',
    is_bot_user_member: true,
    user,
    message_ts: ts,
    unfurl_id: `C0000001.${ts}.unfurl`,
    source: 'conversations_history',
    links: urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: ts,
  };
  const { status } = await postSigned(
    eventsUrl,
    JSON.stringify({ ...base, event_id: `EvLink${events}`, event }),
    {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/json',
    },
  );
  expect(status).toBe(200);
  return ts;
}

describe('article unfurls on Slack', () => {
  it('unfurls a link to an archived article with chat.unfurl', async () => {
    await shareLinks([`${DEEP_FREEZE_URL}?utm_source=newsletter`]);
    const calls = fake.callsTo('chat.unfurl');
    expect(calls).toHaveLength(1);
    const args = calls[0]?.args ?? {};
    expect(calls[0]?.token).toBe('xoxb-unfurl');
    expect(args).toMatchObject({
      source: 'conversations_history',
      unfurl_id: expect.stringMatching(/\.unfurl$/),
    });
    const unfurls = args.unfurls as Record<string, { blocks: Record<string, unknown>[] }>;
    const preview = unfurls[`${DEEP_FREEZE_URL}?utm_source=newsletter`];
    expect(preview?.blocks[0]).toMatchObject({ type: 'header' });
    const texts = displayedTexts({ blocks: preview?.blocks });
    expect(texts.join('\n')).toMatch(/US-Russia relations in deep freeze\?/);
    expect(texts.join('\n')).toMatch(/Mail &amp; Guardian, 2017-04-13/);
    expect(texts.join('\n')).toMatch(/People: .*Rex Tillerson/);
    expect(texts.join('\n')).toMatch(/Places: .*Moscow/);
    for (const text of texts) expect(text).not.toMatch(LIVE_MENTION);
    const actions = preview?.blocks.find((b) => b.type === 'actions') as { elements: { value: string }[] };
    expect(actions.elements.map((e) => e.value)).toContain('/who Rex Tillerson');
    expect(fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('gives a link to a page not in the archive nothing', async () => {
    await shareLinks([UNKNOWN]);
    expect(fake.callsTo('chat.unfurl')).toHaveLength(1);
    expect(fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('offers an editor, privately, a button that adds the page with /ingest', async () => {
    await shareLinks([UNKNOWN], EDITOR);
    expect(fake.callsTo('chat.unfurl')).toHaveLength(1);
    const [offer] = fake.callsTo('chat.postEphemeral');
    expect(offer?.args).toMatchObject({ channel: 'C0000001', user: EDITOR });
    expect(String(offer?.args.text)).toMatch(/^That page is not in the archive\./);
    const blocks = offer?.args.blocks as {
      type: string;
      elements?: { value: string }[];
    }[];
    const button = blocks.find((b) => b.type === 'actions')?.elements?.[0];
    expect(button?.value).toBe(`/ingest ${UNKNOWN}`);

    // The click runs /ingest for the editor, answered privately through the click's response_url.
    const payload = {
      ...fixture<Record<string, unknown>>('block-actions.json'),
      user: { id: EDITOR, username: 'ed', name: 'ed', team_id: 'T0000001' },
      response_url: fake.responseUrl('add-click'),
      actions: [
        {
          action_id: 'suggest_0',
          block_id: 'suggestions',
          type: 'button',
          value: button?.value,
          action_ts: '1',
        },
      ],
    };
    const { status } = await postSigned(eventsUrl, interactiveBody(payload), {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(status).toBe(200);
    expect(ingested).toEqual([UNKNOWN]);
    const [answer] = fake.responsesTo('add-click');
    expect(String(answer?.body.text)).toMatch(/^I did not add that page\./);
  });
});
