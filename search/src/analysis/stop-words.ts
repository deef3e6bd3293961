/** Words left out of the index and of queries: they are in nearly every case study and say nothing. */
export const STOP_WORDS: Readonly<Record<'de' | 'en', ReadonlySet<string>>> = {
  de: new Set([
    'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'und', 'oder', 'aber',
    'in', 'im', 'ins', 'an', 'am', 'auf', 'aus', 'bei', 'beim', 'mit', 'nach', 'von', 'vom', 'zu', 'zum', 'zur', 'für',
    'über', 'unter', 'um', 'durch', 'gegen', 'ohne', 'bis', 'als', 'wie', 'auch', 'noch', 'nur', 'schon', 'sich', 'sie',
    'er', 'es', 'wir', 'ihr', 'ich', 'du', 'ist', 'sind', 'war', 'waren', 'wird', 'werden', 'wurde', 'wurden', 'hat',
    'haben', 'hatte', 'dass', 'daß', 'so', 'sowie', 'dieser', 'diese', 'dieses', 'diesem', 'diesen', 'ihre', 'ihren',
    'ihrem', 'ihrer', 'sein', 'seine', 'seinen', 'seinem', 'seiner', 'nicht', 'kein', 'keine', 'man', 'mehr', 'sehr',
    'dabei', 'damit', 'dort', 'hier', 'wenn', 'weil', 'denn', 'doch', 'ob', 'was', 'wer', 'wo',
  ]),
  en: new Set([
    'a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'about', 'as', 'into',
    'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'their', 'they', 'we', 'our',
    'has', 'have', 'had', 'not', 'no', 'so', 'also', 'than', 'then', 'there', 'which', 'who', 'what', 'where', 'when',
  ]),
};
