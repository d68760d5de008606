import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import type { Reply } from '../../src/core/reply.ts';

const shipped = openKnowledge('corpus');
const portEllis = openKnowledge('test/fixtures/corpora/port-ellis');
const ask = (text: string) => shipped.bot.answer({ text });
const askPort = (text: string) => portEllis.bot.answer({ text });
const cited = (reply: Reply) => reply.citations.map((c) => c.articleId).sort();
const allText = (reply: Reply) => [reply.headline, ...reply.lines.map((l) => l.text)].join('\n');

describe('/who', () => {
  it('answers with the curated role and its source', () => {
    const reply = ask('/who Tillerson');
    expect(reply.kind).toBe('answer');
    expect(reply.headline).toBe('Rex Tillerson: US Secretary of State');
    expect(reply.citations[reply.headlineCites[0] ?? -1]?.articleId).toBe('us-russia-deep-freeze');
    expect(reply.fields).toContainEqual({ label: 'Kind', value: 'person' });
    expect(reply.suggestions.map((s) => s.ask)).toContain('/quote Rex Tillerson');
  });

  it('answers the same through a typo and a natural question', () => {
    expect(ask('who is Tilerson?').headline).toBe('Rex Tillerson: US Secretary of State');
    expect(ask("who's Nikki Haley").headline).toBe('Nikki Haley: US Ambassador to the UN');
  });

  it('asks which one is meant when a name is ambiguous', () => {
    const reply = ask('/who war');
    expect(reply.kind).toBe('ambiguous');
    expect(reply.suggestions.map((s) => s.ask).sort()).toEqual(['/who Cold War', '/who Syrian civil war']);
  });

  it('says so when nobody is called that', () => {
    const reply = ask('/who xyzzy');
    expect(reply.kind).toBe('not_found');
    expect(reply.headline).toContain('"xyzzy"');
    expect(reply.suggestions.map((s) => s.ask)).toContain('/search xyzzy');
  });

  it('knows article authors from the front matter, with the role their closing note gives', () => {
    const reply = ask('who is Andrew Hammond?');
    expect(reply.headline).toBe(
      'Andrew Hammond: associate at LSE IDEAS at the London School of Economics; author of 1 article in the archive',
    );
    expect(cited(reply)).toEqual(['us-russia-deep-freeze']);
  });

  it('reads a role from the text when no facts are curated', () => {
    const reply = askPort('/who Okafor');
    expect(reply.kind).toBe('answer');
    expect(reply.headline).toMatch(/^Jane Okafor: Mayor/);
    expect(cited(reply)).toContain('harbour-bridge-closed');
    expect(askPort('who is Tom Reyes?').headline).toMatch(/structural inspector/);
  });

  it('asks for a name when none is given', () => {
    const reply = ask('/who');
    expect(reply.kind).toBe('error');
    expect(reply.headline).toContain('/who <name>');
  });
});

describe('/what, /when, /where', () => {
  it('answers what happened at a place with the event there', () => {
    const reply = ask('what happened at Shayrat?');
    expect(reply.headline).toMatch(/^US missile strike on Shayrat air base: /);
    expect(reply.fields).toContainEqual({ label: 'Where', value: 'Shayrat air base' });
    expect(reply.fields).toContainEqual({ label: 'After', value: 'Chemical attack in Syria' });
    expect(cited(reply)).toEqual(['us-russia-deep-freeze', 'us-russia-where-next']);
  });

  it('answers when with the time the articles give', () => {
    const reply = ask('when did Tillerson meet Lavrov?');
    expect(reply.headline).toBe("Tillerson's talks in Moscow: on Wednesday, 2017-04-12");
  });

  it('answers where with the place', () => {
    expect(ask('where did Tillerson meet Lavrov?').headline).toBe("Tillerson's talks in Moscow: Moscow");
    expect(ask('where is the Admiral Grigorovich?').headline).toMatch(/: Tartus$/);
  });

  it('answers where a known person works with the role the archive gives them', () => {
    expect(ask('where does Andrew Hammond work?').headline).toMatch(
      /^Andrew Hammond: associate at LSE IDEAS/,
    );
    expect(ask('where does Nikki Haley work?').headline).toBe('Nikki Haley: US Ambassador to the UN');
  });

  it('describes a thing', () => {
    expect(ask('what is sarin?').headline).toMatch(/^sarin gas: /);
  });

  it('what happened to a thing no event card names: the sentence that says it, not an event of the same place', () => {
    const reply = ask('what happened to the deal for sharing info on US and Russian flights over Syria?');
    expect(reply.headline).not.toMatch(/^Chemical attack/);
    expect(reply.headline).toMatch(/suspension of an agreement/);
  });

  it('falls back to the article text when no fact matches', () => {
    const reply = askPort('what happened to the bridge?');
    expect(reply.kind).toBe('answer');
    expect(cited(reply)).toEqual(['harbour-bridge-closed']);
  });

  // BUG: "what happened?" is parsed as a timeline with text "what happened?" (the pattern has no
  // subject group, so text falls back to the whole question), and timeline then searches for a
  // topic called "what happened?" instead of listing every event.
  it('answers a bare "what happened?" with the whole timeline (fixed)', () => {
    expect(ask('what happened?').headline).toBe(ask('/timeline').headline);
  });
});

describe('/quote', () => {
  it('shows quotes from both sources, each with its own citation', () => {
    const reply = ask('what did Medvedev say about war?');
    expect(reply.headline).toMatch(/^Dmitry Medvedev: “one step away from war”/);
    expect(cited(reply)).toEqual(['us-russia-deep-freeze', 'us-russia-where-next']);
    expect(reply.headlineCites).toHaveLength(2);
    expect(allText(reply)).toContain('on the verge of a military clash with Russia');
  });

  it('splits a speaker from a topic typed after the name', () => {
    const reply = ask('/quote Trump NATO');
    expect(reply.headline).toContain('no longer obsolete');
    expect(allText(reply)).not.toContain('all-time low');
  });

  it('notes when nothing matches the topic and shows everything said', () => {
    const reply = ask('what did Putin say about bananas?');
    expect(reply.kind).toBe('answer');
    expect(reply.lines[0]?.text).toMatch(/No quotes from Vladimir Putin about "bananas"/);
  });

  it('finds quotations in the text when no quotes are curated', () => {
    const reply = askPort('what did Okafor say?');
    expect(reply.headline).toMatch(/We will not reopen it until it is safe/);
    expect(reply.headline).toMatch(/a good day for our children/);
  });

  it('says so when the speaker is unknown', () => {
    expect(ask('/quote Nobody Atall').kind).toBe('not_found');
  });
});

describe('/figure', () => {
  it('a figure about another event than the one asked about is no answer, nor its sentence', () => {
    const reply = ask('How many people were killed in the US strike on Shayrat?');
    expect(reply.kind).toBe('not_found');
    expect(allText(reply)).not.toMatch(/\b87\b/);
    expect(ask('how many people were killed in the chemical attack?').headline).toMatch(/^87/);
  });

  it('answers a "how many" question from the curated figures', () => {
    const reply = ask('how many people were killed?');
    expect(reply.headline).toBe('87: people killed in the chemical attack');
    expect(cited(reply)).toContain('us-russia-where-next');
  });

  it('finds a number in the text when no figures are curated', () => {
    expect(askPort('how many vehicles use the bridge?').headline).toMatch(/12,000 vehicles/);
    expect(askPort('how much is the school budget?').headline).toMatch(/\$4\.2 million/);
  });
});

describe('/search', () => {
  it('lists passages with the query words, each citing its article', () => {
    const reply = ask('/search Grigorovich');
    expect(reply.kind).toBe('answer');
    expect(reply.headline).toMatch(/^Top \d+ passages? for "Grigorovich"/);
    expect(reply.lines.some((l) => l.text.includes('Admiral Grigorovich frigate warship'))).toBe(true);
    for (const line of reply.lines) expect(line.cites.length).toBeGreaterThan(0);
  });

  it('matches a "quoted phrase" literally', () => {
    const reply = askPort('/search "Mill Road"');
    expect(reply.lines.map((l) => l.text).join(' ')).toContain('Mill Road detour');
    expect(askPort('/search "Road Mill"').kind).toBe('not_found');
  });

  it('reports nothing found and never shows scraped chrome', () => {
    expect(ask('/search zzzqqq').kind).toBe('not_found');
    expect(askPort('/search subscribe').kind).toBe('not_found');
    expect(allText(askPort('/search fishing season'))).not.toContain('Ellis Point');
  });
});

describe('/timeline and /sources', () => {
  it('orders events so each comes after the events it follows', () => {
    const reply = ask('/timeline');
    const order = (name: string) => reply.lines.findIndex((l) => l.text.includes(name));
    expect(order('Chemical attack in Syria')).toBeGreaterThanOrEqual(0);
    expect(order('Chemical attack in Syria')).toBeLessThan(order('US missile strike on Shayrat air base'));
    expect(order('US missile strike on Shayrat air base')).toBeLessThan(
      order('Breakdown in US-Russia relations'),
    );
    expect(reply.headline).toMatch(/^Timeline: \d+ events$/);
  });

  it('lists the articles by date when there are no curated events', () => {
    const reply = askPort('/timeline');
    expect(reply.headline).toBe('Timeline of 2 articles:');
    const lines = reply.lines.map((l) => l.text);
    expect(lines).toContain('2024-03-05: Harbour bridge closed after inspectors find crack');
    expect(lines).toContain('undated: Council approves new school budget');
    for (const line of reply.lines) expect(line.cites).toHaveLength(1);
  });

  it('describes the archive, its facts and its load problems', () => {
    const reply = ask('/sources');
    expect(reply.headline).toMatch(/^The archive holds 2 articles \([\d,]+ words\)\.$/);
    expect(reply.fields[0]?.label).toBe('Facts');
    expect(reply.fields[0]?.value).toMatch(/^\d+ names, \d+ events, \d+ quotes, \d+ figures$/);
    const port = askPort('/sources');
    expect(port.headline).toMatch(/; 2 load problems\.$/);
    expect(
      port.lines.some((l) => l.text.startsWith('Problem in broken-dates.md (line 3, field published)')),
    ).toBe(true);
  });
});

describe('/ask and /about', () => {
  it('answers a free question from the best-matching event', () => {
    expect(ask('which warship was sent to Tartus?').headline).toMatch(/Admiral Grigorovich/);
  });

  it('answers "tell me about" with whatever the name is', () => {
    expect(ask('tell me about the Admiral Grigorovich').headline).toMatch(
      /^Admiral Grigorovich: Frigate warship/,
    );
    expect(ask('/about Shayrat strike').headline).toMatch(/^US missile strike on Shayrat air base/);
  });

  // BUG: /about and /ask with no argument run a search for "" and reply 'Nothing in the archive
  // matches ""' (not_found) instead of the usage message every other command gives.
  it('asks for an argument when /about or /ask is given none (fixed)', () => {
    for (const text of ['/about', '/ask']) {
      const reply = ask(text);
      expect(reply.kind).toBe('error');
      expect(reply.headline).toContain(text);
    }
  });
});
