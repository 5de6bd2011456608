import type { PageLoad } from './$types';

// One page per stored exam, known only on the device: not prerendered, rendered on the client from the
// shell (fallback.html) that the server and the service worker hand any such path.
export const prerender = false;
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ id: Number(params.id) });
