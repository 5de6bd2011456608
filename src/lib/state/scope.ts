import type { PackId, SectionId } from '../core/pack/types';
import type { Drill, StudyScope } from '../core/queue';
import { DCA_DOMAINS } from '../core/pack/domains';

/**
 * Reads a study scope from the /study page's query: ?pack=ID&sections=a,b&cram=1, and a drill (always a
 * cram): &domain=networking, &objective=1.3, or &cards=<pack>~<card>,… (the questions missed in an exam).
 */
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
	const domain = q.get('domain');
	const objective = q.get('objective');
	const cards = (q.get('cards') ?? '').split(',').filter((c) => c.includes('~'));
	if (domain) scope.drill = { domain };
	else if (objective) scope.drill = { objective };
	else if (cards.length > 0) scope.drill = { cards: cards.map((c) => c.replace('~', '\u0000')) };
	if (scope.drill) scope.cram = true;
	return scope;
}

/** The query string for a scope (without the leading ?), empty for "everything". */
export function scopeQuery(scope: StudyScope): string {
	const q = new URLSearchParams();
	if (scope.packId) q.set('pack', scope.packId);
	if (scope.sectionIds?.length) q.set('sections', scope.sectionIds.join(','));
	if (scope.cram) q.set('cram', '1');
	const d = scope.drill;
	if (d && 'domain' in d) q.set('domain', d.domain);
	else if (d && 'objective' in d) q.set('objective', d.objective);
	else if (d) q.set('cards', d.cards.map((c) => c.replace('\u0000', '~')).join(','));
	return q.toString();
}

/** One key per scope, so a reload resumes the same session. */
export function scopeKey(scope: StudyScope): string {
	const d = scope.drill;
	const drill = !d
		? ''
		: 'domain' in d
			? `|d:${d.domain}`
			: 'objective' in d
				? `|o:${d.objective}`
				: `|c:${d.cards.length}`;
	return `${scope.packId ?? '*'}|${[...(scope.sectionIds ?? [])].sort().join(',')}|${scope.cram ? 'cram' : 'due'}${drill}`;
}

/** A drill in words, for the study page's heading. */
export function drillName(drill: Drill): string {
	if ('domain' in drill) return DCA_DOMAINS.find((d) => d.id === drill.domain)?.title ?? drill.domain;
	if ('objective' in drill) return `objective ${drill.objective}`;
	return `${drill.cards.length} missed question${drill.cards.length === 1 ? '' : 's'}`;
}
