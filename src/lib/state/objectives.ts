/**
 * The DCA exam's objectives, shipped beside the built-in packs (questions/dca-objectives.json). Until
 * that file is there, readiness works by domain only.
 */
import { parseObjectives, type ExamObjectives } from '../core/pack/objectives';

const files = import.meta.glob<unknown>('../../../questions/*-objectives.json', {
	import: 'default',
	eager: true
});

let cached: ExamObjectives | null | undefined;

/** The exam objectives, or null when the app ships none (or the file does not read). */
export function examObjectives(): ExamObjectives | null {
	if (cached !== undefined) return cached;
	const raw = Object.entries(files).find(([path]) => path.endsWith('/dca-objectives.json'))?.[1];
	const r = raw === undefined ? null : parseObjectives(raw);
	cached = r?.ok ? r.value : null;
	return cached;
}
