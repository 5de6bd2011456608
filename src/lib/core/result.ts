/** Expected failures are values; bugs throw. */
export interface Issue {
	/** JSON path or location, e.g. "pack.cards[3].front" or "notes.md:12". */
	path: string;
	message: string;
}

export type Result<T, E = Issue[]> = { ok: true; value: T } | { ok: false; errors: E };

/** Wraps a value as a success. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Wraps errors as a failure. */
export const fail = <E>(errors: E): Result<never, E> => ({ ok: false, errors });
