/** The word bank of a command-order exercise: the command's tokens and distractors, shuffled. */
import { stableHash } from '../hash';

/** Shuffles tokens and distractors with a seed (the card id), so a card always shows the same bank. */
export function buildWordBank(tokens: string[], distractors: string[], seed: string): string[] {
	const bank = [...tokens, ...distractors];
	let state = parseInt(stableHash(seed).slice(-8), 36) || 1;
	const next = () => {
		// xorshift32: small, fast and deterministic.
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	};
	for (let i = bank.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[bank[i], bank[j]] = [bank[j]!, bank[i]!];
	}
	// A bank already in the right order teaches nothing: rotate it once.
	if (bank.slice(0, tokens.length).join(' ') === tokens.join(' ') && bank.length > 1)
		bank.push(bank.shift()!);
	return bank;
}
