/** `import text from './file?raw'`: the file's text, embedded at build time (tsup's raw plugin; Vite in tests). */
declare module '*?raw' {
  const text: string;
  export default text;
}
