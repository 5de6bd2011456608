import type { Rating } from '../core/scheduler';
import { getDb } from '../storage/db';
import { loadQueue, recordGrade, type QueueItem } from '../storage/study';
import { ensureBuiltIns, scheduler } from './app.svelte';

const QUEUE_SIZE = 50;

/** One study session: the queue of cards, the card on screen, and grading. */
export class StudyState {
	queue = $state.raw<QueueItem[]>([]);
	revealed = $state(false);
	loading = $state(true);
	busy = $state(false);
	error = $state<string | null>(null);
	reviewed = $state(0);
	#shownAt = 0;

	current = $derived(this.queue[0] ?? null);

	async load(): Promise<void> {
		try {
			await ensureBuiltIns();
			this.queue = await loadQueue(getDb(), Date.now(), QUEUE_SIZE);
			this.#shownAt = performance.now();
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loading = false;
		}
	}

	reveal(): void {
		if (this.current) this.revealed = true;
	}

	/** Grades the card on screen, writes it, and moves to the next card. */
	async grade(rating: Rating): Promise<void> {
		const item = this.current;
		if (!item || !this.revealed || this.busy) return;
		this.busy = true;
		try {
			const now = Date.now();
			const outcome = scheduler.grade(item.state, rating, now, Math.round(performance.now() - this.#shownAt));
			await recordGrade(getDb(), outcome.state, outcome.log);
			this.reviewed += 1;
			const rest = this.queue.slice(1);
			// A card still in (re)learning comes back in this session once it falls due.
			const back = outcome.state.state === 'learning' || outcome.state.state === 'relearning';
			this.queue = back ? [...rest, { card: item.card, state: outcome.state }] : rest;
			this.revealed = false;
			this.#shownAt = performance.now();
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.busy = false;
		}
	}
}
