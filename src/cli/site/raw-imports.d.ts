// Vite's `?raw` imports: the file's text, bundled into dist/cli.js.
declare module '*?raw' {
  const text: string;
  export default text;
}
