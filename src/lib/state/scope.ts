import type { PackId, SectionId } from '../core/pack/types';
import type { StudyScope } from '../core/queue';

/** Reads a study scope from the /study page's query: ?pack=ID&sections=a,b&cram=1. */
export function parseScope(q: URLSearchParams): StudyScope {
	const scope: StudyScope = {};
	const pack = q.get('pack');
	if (pack) scope.packId = pack as PackId;
	const sections = (q.get('sections') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	if (sections.length > 0) scope.sectionIds = sections as SectionId[];
	if (q.get('cram') === '1') scope.cram = true;
	return scope;
}

/** The query string for a scope (without the leading ?), empty for "everything". */
export function scopeQuery(scope: StudyScope): string {
	const q = new URLSearchParams();
	if (scope.packId) q.set('pack', scope.packId);
	if (scope.sectionIds?.length) q.set('sections', scope.sectionIds.join(','));
	if (scope.cram) q.set('cram', '1');
	return q.toString();
}

/** One key per scope, so a reload resumes the same session. */
export function scopeKey(scope: StudyScope): string {
	return `${scope.packId ?? '*'}|${[...(scope.sectionIds ?? [])].sort().join(',')}|${scope.cram ? 'cram' : 'due'}`;
}
