/** The widget's stylesheet is bundled as a string by esbuild (build-widget.ts) and put in its shadow root. */
declare module "*.css" {
  const text: string;
  export default text;
}
