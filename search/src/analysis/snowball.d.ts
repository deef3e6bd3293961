// The Snowball stemmers of nlp.js (MIT) that the analysis uses; the packages ship no types.
declare module '@nlpjs/lang-de/src/stemmer-de.js' {
  export default class StemmerDe {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-en-min/src/stemmer-en.js' {
  export default class StemmerEn {
    stemWord(word: string): string;
  }
}
