/** Vite's `?url` imports: the URL of the emitted file (served from /assets/, never a CDN). */
declare module '*?url' {
  const url: string;
  export default url;
}
