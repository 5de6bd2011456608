// Every page's static frame (header, navigation, headings, the place of its figures) is rendered at
// build time; the learner's data fills in on the client, from IndexedDB, in reserved room.
export const prerender = true;
export const ssr = true;
