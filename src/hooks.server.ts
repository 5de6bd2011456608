import type { Handle } from '@sveltejs/kit';

// Runs at build time only (every page is prerendered). A prerendered page is complete before any
// script runs, so its scripts are not preloaded from <head>: they start with the boot script at the end
// of the body, after the page's text is parsed and painted, instead of competing with it for a slow
// connection. Styles are still preloaded.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { preload: ({ type }) => type === 'css' });
