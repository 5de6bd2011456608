// The subscribe screen reads its catalogue address from the link's query (?url=…), known only when the
// link is opened: not prerendered, rendered on the client from the shell (fallback.html), like an exam
// result.
export const prerender = false;
export const ssr = false;
