/** az ships no types; these are the parts of its morphology the readouts use. */
declare module 'az' {
  interface Parse {
    parser: string;
    score: number;
    normalize(): { word?: string } | undefined;
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
