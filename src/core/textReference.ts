/**
 * How a question names one of the archive's own texts rather than what it is about: "according to
 * the 2nd piece", "the writer of the second article", "what does the first story say ...". These
 * words say which text to believe, not what is asked, so question reading sets them aside.
 * (Regular-expression sources, to be built into the patterns that use them.)
 */

/** Which of the texts: "the second", "the 2nd", "the latest", "the other". */
export const TEXT_ORDINAL =
  '(?:first|second|third|fourth|other|latest|last|new|original|earlier|later|former|latter|1st|2nd|3rd|4th)';

/** A text of the archive, as a question calls it. */
export const TEXT_NOUN =
  '(?:piece|article|commentary|story|report|text|analysis|column|op-ed|essay|editorial)';

/** Its writer, as a question calls them. */
export const TEXT_WRITER = '(?:writer|author|columnist)';
