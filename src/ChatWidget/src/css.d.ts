// build.mjs minifies .css files and hands them over as a string.
declare module '*.css' {
  const text: string;
  export default text;
}
