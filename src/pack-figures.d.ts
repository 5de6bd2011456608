declare module '*.pack.json?figures' {
	const figures: import('$lib/core/pack/figures').PackFigures;
	export default figures;
}
