/**
 * `deckhand <command> [args]`: the authoring CLI. Each command lives in commands/<name>.ts and exports
 * `summary` (one line for the help) and `run(args: string[]): Promise<number>` (the exit code).
 */
export const COMMANDS = ['generate', 'validate', 'coverage', 'check', 'lint', 'publish'] as const;
type CommandName = (typeof COMMANDS)[number];

interface CommandModule {
	summary: string;
	run(args: string[]): Promise<number>;
}

async function load(name: CommandName): Promise<CommandModule | null> {
	try {
		return (await import(`./commands/${name}.ts`)) as CommandModule;
	} catch (e) {
		if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
		throw e;
	}
}

async function help(): Promise<void> {
	console.log('Usage: deckhand <command> [options]\n\nCommands:');
	for (const name of COMMANDS) {
		const mod = await load(name);
		if (mod) console.log(`  ${name.padEnd(10)} ${mod.summary}`);
	}
	console.log('\nRun "deckhand <command> --help" for a command\'s options.');
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
	await help();
	process.exit(name ? 0 : 2);
}
const mod = COMMANDS.includes(name as CommandName) ? await load(name as CommandName) : null;
if (!mod) {
	console.error(`deckhand: unknown command "${name}".`);
	await help();
	process.exit(2);
}
process.exit(await mod.run(args));
