/** Builds a Reply, numbering each cited article once however many lines cite it. */
import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import type { Citation, Reply, ReplyAbout, ReplyKind, Suggestion } from './reply.ts';

export class ReplyBuilder {
  private readonly reply: Reply;
  private readonly citationIndex = new Map<string, number>();

  constructor(
    private readonly kb: KnowledgeBase,
    kind: ReplyKind,
    headline: string,
  ) {
    this.reply = { kind, headline, headlineCites: [], lines: [], fields: [], suggestions: [], citations: [] };
  }

  /** The citation number for an article, adding it on first use. */
  cite(articleId: string): number {
    const known = this.citationIndex.get(articleId);
    if (known !== undefined) return known;
    const article = this.kb.articles.get(articleId);
    const citation: Citation = { articleId, title: article?.title ?? articleId };
    if (article?.publication) citation.publication = article.publication;
    if (article?.published) citation.published = article.published;
    if (article?.url) citation.url = article.url;
    const index = this.reply.citations.push(citation) - 1;
    this.citationIndex.set(articleId, index);
    return index;
  }

  citeHeadline(...articleIds: string[]): this {
    for (const id of articleIds) {
      const n = this.cite(id);
      if (!this.reply.headlineCites.includes(n)) this.reply.headlineCites.push(n);
    }
    return this;
  }

  line(text: string, ...articleIds: string[]): this {
    const cites = [...new Set(articleIds.map((id) => this.cite(id)))];
    this.reply.lines.push({ text, cites });
    return this;
  }

  field(label: string, value: string): this {
    if (value.trim()) this.reply.fields.push({ label, value });
    return this;
  }

  suggest(...suggestions: Suggestion[]): this {
    for (const s of suggestions) {
      if (!this.reply.suggestions.some((x) => x.ask === s.ask)) this.reply.suggestions.push(s);
    }
    return this;
  }

  /** Records what the answer is about (for follow-up questions); each name once. */
  about(...subjects: ReplyAbout[]): this {
    const about = this.reply.about ?? [];
    for (const s of subjects) if (!about.some((a) => a.name === s.name)) about.push(s);
    this.reply.about = about;
    return this;
  }

  get lineCount(): number {
    return this.reply.lines.length;
  }

  build(): Reply {
    return this.reply;
  }
}
