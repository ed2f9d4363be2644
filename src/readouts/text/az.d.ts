/** az ships no types; these are the parts of its morphology the readouts use. */
declare module 'az' {
  interface Tag {
    /** Grammemes as OpenCorpora writes them: "NOUN,anim,masc,Sgtm,Surn sing,ablt". */
    toString(): string;
    /** Whether the word has a grammeme: tag.Surn, tag.Name, tag.Geox, tag.Orgn, tag.ADJF, tag.femn… */
    [grammeme: string]: unknown;
  }
  interface Parse {
    parser: string;
    score: number;
    word: string;
    tag: Tag;
    normalize(): { word?: string } | undefined;
    /** The same word in other grammemes ("nomn"), or false where it has no such form. */
    inflect(grammemes: string[]): { word: string } | false;
  }
  interface MorphOptions {
    parsers?: string[];
  }
  interface Morph {
    (word: string, options?: MorphOptions): Parse[];
    init(path: string, callback: (error: Error | null) => void): void;
  }
  const Az: { Morph: Morph };
  export default Az;
}
