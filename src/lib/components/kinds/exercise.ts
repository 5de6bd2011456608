/** Turns off autocorrect where Svelte's element types lack the attribute (textarea); Safari honours it. */
export function noAutocorrect(node: HTMLElement): void {
	node.setAttribute('autocorrect', 'off');
}
