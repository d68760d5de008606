/** Shared by the link preview tests: the shipped corpus with one article at a web address. */
import { loadCorpus } from '../../src/knowledge/loadCorpus.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/search/knowledgeBase.ts';

export const DEEP_FREEZE_URL = 'https://mg.co.za/article/2017-04-13-us-russia-relations-in-deep-freeze';

/** The shipped corpus, with the Mail & Guardian article at its web address. */
export function knowledgeWithUrls(): KnowledgeBase {
  const corpus = loadCorpus('corpus');
  return buildKnowledgeBase({
    ...corpus,
    articles: corpus.articles.map((a) =>
      a.id === 'us-russia-deep-freeze' ? { ...a, url: DEEP_FREEZE_URL } : a,
    ),
  });
}
