/**
 * Link previews in the core: which article a shared link names (its url, compared as the same page
 * whatever the scheme, "www.", trailing slash, fragment or tracking parameters), the compact
 * preview built for it, and what a link to a page not in the archive gets (editors: an offer).
 */
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.ts';
import { articleByUrl, linksIn, pageKey } from '../../src/core/links/articleByUrl.ts';
import { articlePreview } from '../../src/core/links/articlePreview.ts';
import { addToArchiveOffer } from '../../src/ingest/addToArchiveOffer.ts';
import { isAdmin } from '../../src/ingest/admins.ts';
import type { ArchiveService } from '../../src/ingest/archiveService.ts';
import { renderText } from '../../src/render/renderText.ts';
import { DEEP_FREEZE_URL, knowledgeWithUrls } from './linkSupport.ts';

const kb = knowledgeWithUrls();

describe('which article a link names', () => {
  it('finds the article by its url, as the same page whatever the form of the address', () => {
    for (const url of [
      DEEP_FREEZE_URL,
      'http://www.mg.co.za/article/2017-04-13-us-russia-relations-in-deep-freeze/',
      `${DEEP_FREEZE_URL}?utm_source=twitter&fbclid=abc#comments`,
      'https://MG.CO.ZA/article/2017-04-13-us-russia-relations-in-deep-freeze',
    ]) {
      expect(articleByUrl(kb, url)?.id, url).toBe('us-russia-deep-freeze');
    }
    expect(articleByUrl(kb, 'https://mg.co.za/article/another-story')).toBeUndefined();
    expect(articleByUrl(kb, `${DEEP_FREEZE_URL}?page=2`)).toBeUndefined();
    expect(pageKey('ftp://mg.co.za/x')).toBeUndefined();
    expect(pageKey('not a url')).toBeUndefined();
  });

  it('reads links out of chat text, Slack and Discord forms alike', () => {
    expect(
      linksIn(`see <${DEEP_FREEZE_URL}|this> and <https://a.example/b>, or https://c.example/d.`),
    ).toEqual([DEEP_FREEZE_URL, 'https://a.example/b', 'https://c.example/d']);
    expect(linksIn('no links here')).toEqual([]);
  });
});

describe('the preview of an article', () => {
  it('gives the title, publication and date, the lede, the people and places, and /who buttons', () => {
    const article = kb.articles.get('us-russia-deep-freeze');
    if (!article) throw new Error('missing article');
    const reply = articlePreview(kb, article);
    expect(reply).toMatchObject({
      kind: 'answer',
      visibility: 'channel',
      headline: 'US-Russia relations in deep freeze?',
    });
    expect(reply.fields).toEqual([
      { label: 'Published', value: 'Mail & Guardian, 2017-04-13 · by Andrew Hammond' },
    ]);
    const text = renderText(reply);
    expect(text).toMatch(/People: .*Rex Tillerson/);
    expect(text).toMatch(/People: .*Vladimir Putin/);
    expect(text).toMatch(/Places: .*Moscow/);
    expect(reply.suggestions.length).toBeGreaterThan(0);
    expect(reply.suggestions.length).toBeLessThanOrEqual(3);
    for (const s of reply.suggestions) expect(s.ask).toMatch(/^\/who [A-Z]/);
    expect(reply.citations[0]).toMatchObject({ url: DEEP_FREEZE_URL, publication: 'Mail & Guardian' });
  });
});

describe('Bot.previewLink', () => {
  const archive: ArchiveService = {
    mayIngest: (who) => isAdmin([{ platform: 'slack', userId: 'UEDITOR' }], who),
    ingest: async () => {
      throw new Error('not called');
    },
    feeds: async () => [],
  };
  const bot = createBot(kb, { unknownLink: addToArchiveOffer(archive) });
  const from = (userId: string) => ({
    text: '',
    platform: 'slack',
    userId,
    channelId: 'C1',
    via: 'message' as const,
  });

  it('previews an archived article for the channel', () => {
    expect(bot.previewLink(from('U1'), DEEP_FREEZE_URL)).toMatchObject({ visibility: 'channel' });
  });

  it('gives nothing for another page, except an "Add to archive" offer to an editor alone', () => {
    const url = 'https://news.example/unknown-story';
    expect(bot.previewLink(from('U1'), url)).toBeUndefined();
    const offer = bot.previewLink(from('UEDITOR'), url);
    expect(offer).toMatchObject({ visibility: 'asker', headline: 'That page is not in the archive.' });
    expect(offer?.suggestions).toEqual([{ label: 'Add to archive', ask: `/ingest ${url}` }]);
    expect(createBot(kb).previewLink(from('UEDITOR'), url)).toBeUndefined();
  });
});
