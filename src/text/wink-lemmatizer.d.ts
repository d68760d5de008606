/** wink-lemmatizer ships no types: the three functions this project uses. */
declare module 'wink-lemmatizer' {
  const lemmatizer: {
    lemmatizeVerb(word: string): string;
    lemmatizeNoun(word: string): string;
    lemmatizeAdjective(word: string): string;
  };
  export default lemmatizer;
}
