/**
 * The six domains of the Docker Certified Associate exam and their weights (DCA study guide v1.0–1.5).
 * Sections of a pack may carry one of these ids as their `domain`.
 */
export const DCA_DOMAINS = [
	{ id: 'orchestration', title: 'Orchestration', weight: 0.25 },
	{ id: 'images', title: 'Image Creation, Management, and Registry', weight: 0.2 },
	{ id: 'installation', title: 'Installation and Configuration', weight: 0.15 },
	{ id: 'networking', title: 'Networking', weight: 0.15 },
	{ id: 'security', title: 'Security', weight: 0.15 },
	{ id: 'storage', title: 'Storage and Volumes', weight: 0.1 }
] as const;

export type DcaDomainId = (typeof DCA_DOMAINS)[number]['id'];

/** The DCA exam's format: 55 questions in 90 minutes. */
export const DCA_EXAM = { questions: 55, minutes: 90 } as const;
