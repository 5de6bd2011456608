/** Answering whatever card the study screen shows, for end-to-end tests that walk a mixed queue. */
import { expect, type Page } from '@playwright/test';

export type Shown = 'flashcard' | 'choice' | 'domc' | 'cloze' | 'command' | 'config';

/** Answers the card on screen in whatever way its kind asks (right or wrong does not matter here). */
export async function answerCard(page: Page): Promise<Shown> {
	const card = page.getByRole('article', { name: 'Question' });
	const show = page.getByRole('button', { name: 'Show answer' });
	const command = card.getByRole('textbox', { name: 'Your command' });
	const blank = card.getByRole('textbox', { name: 'Fill in the blank' });
	const bank = card.getByRole('group', { name: 'Word bank' });
	const lines = card.getByRole('textbox', { name: 'Missing lines' });
	const word = card.getByRole('textbox', { name: 'Missing word' });
	const yes = card.getByRole('button', { name: 'Yes, correct' });
	const options = card.getByRole('list').getByRole('button');
	const radio = card.getByRole('radio');
	const box = card.getByRole('checkbox');
	const step = card.getByRole('textbox', { name: /^Step \d+:/ });
	await expect(
		show
			.or(command)
			.or(blank)
			.or(bank)
			.or(lines)
			.or(word)
			.or(yes)
			.or(options.first())
			.or(radio.first())
			.or(box.first())
			.or(step)
	).toBeVisible();
	const check = card.getByRole('button', { name: 'Check' });
	if (await show.isVisible()) {
		await show.click();
		return 'flashcard';
	}
	if (await command.isVisible()) {
		await command.fill('docker ps');
		await check.click();
		return 'command';
	}
	if (await blank.isVisible()) {
		await blank.fill('--help');
		await check.click();
		return 'command';
	}
	if (await bank.isVisible()) {
		await bank.getByRole('button').first().click();
		await check.click();
		return 'command';
	}
	if (await lines.isVisible()) {
		await lines.fill('key: value');
		await check.click();
		return 'config';
	}
	if (await word.isVisible()) {
		await word.fill('something');
		await check.click();
		return 'cloze';
	}
	if (await radio.first().isVisible()) {
		await radio.first().check();
		await check.click();
		return 'choice';
	}
	if (await box.first().isVisible()) {
		await box.first().check();
		await check.click();
		return 'choice';
	}
	if (await step.isVisible()) {
		// A command sequence: one command per step, in order, until the last is checked.
		while (await step.isVisible()) {
			await step.fill('docker ps');
			await step.press('Enter');
		}
		return 'command';
	}
	if (await yes.isVisible()) {
		// One option at a time until the question ends (at the first mistake or the last option).
		const easy = page.getByRole('button', { name: /Easy/ });
		while (!(await easy.isVisible())) await yes.click();
		return 'domc';
	}
	await options.first().click();
	return 'choice';
}

/**
 * Grades the card on screen by keyboard (focus the grade, press Enter). On a phone a long unbroken
 * line in a card (a config snippet, a correction's code) can overflow onto the grade bar, so a tap
 * there would miss.
 */
export async function gradeCard(page: Page, grade: 'Again' | 'Hard' | 'Good' | 'Easy'): Promise<void> {
	await page.getByRole('button', { name: new RegExp(`^${grade}`) }).focus();
	await page.keyboard.press('Enter');
}
