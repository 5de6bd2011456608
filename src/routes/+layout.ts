// A client-side app: no server rendering; the static server hands every route the same shell.
export const ssr = false;
export const prerender = false;
