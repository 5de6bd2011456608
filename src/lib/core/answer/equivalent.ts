/**
 * Forms Docker reads as the same thing, in canonical form: image references (default registry,
 * `library/` and `:latest`), published ports (short and long syntax) and mounts (`-v`, `--tmpfs` and
 * `--mount`). Each reader returns a canonical string to compare and a way to say how two forms differ.
 */

const code = (s: string) => `\`${s}\``;

/** An image reference as Docker resolves it (`nginx` → docker.io/library/nginx:latest). */
export interface ImageRef {
	registry: string;
	repository: string;
	tag: string | null;
	digest: string | null;
}

const REF = /^[a-z0-9][a-z0-9._\-/:@]*$/i;

/** Reads an image reference; null when the word is not one (a variable, an upper-case name, empty parts). */
export function readImage(word: string): ImageRef | null {
	if (!REF.test(word) || word.endsWith(':') || word.endsWith('/') || word.includes('//')) return null;
	let rest = word;
	let digest: string | null = null;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!/^[a-z0-9]+:[a-f0-9]+$/i.test(digest)) return null;
	}
	let tag: string | null = null;
	const colon = rest.lastIndexOf(':');
	if (colon > rest.lastIndexOf('/')) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
		if (!/^\w[\w.-]{0,127}$/.test(tag)) return null;
	}
	let registry = 'docker.io';
	const slash = rest.indexOf('/');
	if (slash >= 0) {
		const first = rest.slice(0, slash);
		if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
			registry = first === 'index.docker.io' ? 'docker.io' : first;
			rest = rest.slice(slash + 1);
		}
	}
	// Repository names are lower case; `Nginx` is not an image Docker would pull.
	if (rest === '' || rest !== rest.toLowerCase()) return null;
	if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
	if (tag === null && digest === null) tag = 'latest';
	return { registry, repository: rest, tag, digest };
}

/** The canonical form of an image reference, or the word itself when it is not one. */
export function canonicalImage(word: string): string {
	const r = readImage(word);
	if (!r) return word;
	return `${r.registry}/${r.repository}${r.tag ? ':' + r.tag : ''}${r.digest ? '@' + r.digest : ''}`;
}

function pinOf(word: string, r: ImageRef): string {
	if (r.digest) return `${code(word)} pins digest ${r.digest}`;
	return r.tag === 'latest' ? `${code(word)} uses latest` : `${code(word)} pins tag ${r.tag}`;
}

/**
 * How two references to the same repository differ (`alpine:3` pins tag 3; `alpine` uses latest), or
 * null when they name different repositories or are the same image.
 */
export function describeImageDifference(expected: string, given: string): string | null {
	const e = readImage(expected);
	const g = readImage(given);
	if (!e || !g || e.repository !== g.repository) return null;
	if (e.registry !== g.registry) {
		const from = (w: string, r: ImageRef) =>
			`${code(w)} comes from ${r.registry === 'docker.io' ? 'Docker Hub (docker.io)' : r.registry}`;
		return `${from(expected, e)}; ${from(given, g)}.`;
	}
	if (e.tag !== g.tag || e.digest !== g.digest) return `${pinOf(expected, e)}; ${pinOf(given, g)}.`;
	return null;
}

/** A published port, container side (`docker run -p`) or service side (`docker service create -p`). */
interface Port {
	ip: string;
	published: string;
	target: string;
	protocol: string;
	mode: string;
}

/** Reads `[ip:][published:]target[/protocol]` or the long `published=…,target=…` syntax. */
function readPort(value: string, service: boolean): Port | null {
	const port: Port = { ip: '', published: '', target: '', protocol: 'tcp', mode: service ? 'ingress' : '' };
	if (value.includes('=')) {
		for (const part of value.split(',')) {
			const [k, v = ''] = part.split('=');
			if (k === 'published') port.published = v;
			else if (k === 'target') port.target = v;
			else if (k === 'protocol') port.protocol = v.toLowerCase();
			else if (k === 'mode' && service) port.mode = v;
			else return null;
		}
		return port.target ? port : null;
	}
	let rest = value;
	const slash = rest.lastIndexOf('/');
	if (slash >= 0) {
		port.protocol = rest.slice(slash + 1).toLowerCase();
		rest = rest.slice(0, slash);
	}
	if (rest.startsWith('[')) {
		const end = rest.indexOf(']:');
		if (end < 0) return null;
		port.ip = rest.slice(0, end + 1);
		rest = rest.slice(end + 2);
	}
	const parts = rest.split(':');
	if (parts.length > 3 || (parts.length === 3 && port.ip)) return null;
	if (parts.length === 3) port.ip = parts.shift()!;
	port.target = parts.pop()!;
	port.published = parts[0] ?? '';
	return port.target ? port : null;
}

/** Canonical form of a `--publish` value; the value itself when it cannot be read. */
export function canonicalPort(value: string, service: boolean): string {
	const p = readPort(value, service);
	return p ? `port:${p.ip}|${p.published}|${p.target}|${p.protocol}|${p.mode}` : value;
}

/** How two port settings differ, in words, or null when they cannot be read. */
export function describePortDifference(expected: string, given: string, service: boolean): string | null {
	const e = readPort(expected, service);
	const g = readPort(given, service);
	if (!e || !g) return null;
	const out: string[] = [];
	const host = (p: Port) => (p.published ? `host port ${p.published}` : 'a random host port');
	if (e.target !== g.target) out.push(`it publishes container port ${g.target}; the answer ${e.target}`);
	if (e.published !== g.published) out.push(`it uses ${host(g)}; the answer ${host(e)}`);
	if (e.ip !== g.ip) {
		const on = (p: Port) => (p.ip ? `on ${p.ip} only` : 'on every interface');
		out.push(`it listens ${on(g)}; the answer ${on(e)}`);
	}
	if (e.protocol !== g.protocol) out.push(`it publishes ${g.protocol}; the answer ${e.protocol}`);
	if (e.mode !== g.mode) out.push(`it uses mode ${g.mode}; the answer ${e.mode}`);
	return out.length ? out.join('; ') : null;
}

/** A mount as Docker makes it, whichever flag asked for it. */
export type Mount = Map<string, string>;

const VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const PROPAGATION = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);
const CONSISTENCY = new Set(['consistent', 'cached', 'delegated']);
const MOUNT_KEYS: Record<string, string> = {
	src: 'source',
	source: 'source',
	dst: 'target',
	destination: 'target',
	target: 'target',
	ro: 'readonly',
	readonly: 'readonly'
};

/**
 * A host path as the shell and Docker resolve it: `.`, `./`, `$PWD`, `${PWD}` and `$(pwd)` are the current
 * directory (the CLI makes a relative bind source absolute since Engine 23), `~` is `$HOME`, and a
 * trailing slash changes nothing.
 */
export function canonicalHostPath(path: string): string {
	let p = path.replace(/^(\$\(pwd\)|\$\{PWD\}|\$PWD)(?=\/|$)/, '${PWD}');
	p = p.replace(/^~(?=\/|$)/, '${HOME}').replace(/^\$HOME(?=\/|$)/, '${HOME}');
	if (p === '.' || p === './') p = '${PWD}';
	else if (p.startsWith('./')) p = '${PWD}/' + p.slice(2);
	return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** Reads `-v [source:]target[:options]`: a name is a volume, anything else a host path (bind). */
function readVolumeFlag(value: string): Mount {
	const m: Mount = new Map();
	const parts = value.split(':');
	if (parts.length === 1) {
		m.set('type', 'volume');
		m.set('target', parts[0]!);
		return m;
	}
	const [source, target, options = ''] = parts;
	const bind = !VOLUME_NAME.test(source!);
	m.set('type', bind ? 'bind' : 'volume');
	m.set('source', bind ? canonicalHostPath(source!) : source!);
	m.set('target', canonicalHostPath(target!));
	for (const opt of options.split(',').filter(Boolean)) {
		if (opt === 'ro' || opt === 'readonly') m.set('readonly', 'true');
		else if (opt === 'rw') continue;
		else if (opt === 'nocopy') m.set('volume-nocopy', 'true');
		else if (PROPAGATION.has(opt)) m.set('bind-propagation', opt);
		else if (CONSISTENCY.has(opt)) m.set('consistency', opt);
		else m.set(`option:${opt}`, 'true');
	}
	if (parts.length > 3) m.set(`option:${parts.slice(3).join(':')}`, 'true');
	return m;
}

/** Reads `--tmpfs target[:options]`. */
function readTmpfsFlag(value: string): Mount {
	const m: Mount = new Map([['type', 'tmpfs']]);
	const colon = value.indexOf(':');
	m.set('target', colon < 0 ? value : value.slice(0, colon));
	const options = colon < 0 ? '' : value.slice(colon + 1);
	for (const opt of options.split(',').filter(Boolean)) {
		const [k, v = ''] = opt.split('=');
		if (k === 'size') m.set('tmpfs-size', v.toLowerCase());
		else if (k === 'mode') m.set('tmpfs-mode', v);
		else if (k === 'ro') m.set('readonly', 'true');
		else if (k === 'rw') continue;
		else m.set(`option:${opt}`, 'true');
	}
	return m;
}

/** Reads `--mount key=value,…` (type defaults to volume; src/dst/destination and ro are aliases). */
function readMountFlag(value: string): Mount {
	const m: Mount = new Map([['type', 'volume']]);
	for (const part of value.split(',').filter(Boolean)) {
		const eq = part.indexOf('=');
		const rawKey = eq < 0 ? part : part.slice(0, eq);
		const v = eq < 0 ? 'true' : part.slice(eq + 1);
		const key = MOUNT_KEYS[rawKey] ?? rawKey;
		if (key === 'readonly') {
			if (['true', '1'].includes(v)) m.set('readonly', 'true');
			else if (!['false', '0'].includes(v)) m.set('readonly', v);
			continue;
		}
		m.set(key, key === 'tmpfs-size' ? v.toLowerCase() : v);
	}
	if (m.get('type') === 'bind' && m.has('source')) m.set('source', canonicalHostPath(m.get('source')!));
	if (m.has('target')) m.set('target', canonicalHostPath(m.get('target')!));
	return m;
}

/** The mount a `-v`, `--volume`, `--tmpfs`, `--mount` or `--mount-add` value makes (flag by canonical long name). */
export function readMount(flag: string, value: string): Mount | null {
	if (flag === 'volume') return readVolumeFlag(value);
	if (flag === 'tmpfs') return readTmpfsFlag(value);
	if (flag === 'mount' || flag === 'mount-add') return readMountFlag(value);
	return null;
}

/** A mount in canonical form, to compare. */
export function canonicalMount(m: Mount): string {
	return (
		'mount:' +
		[...m]
			.map(([k, v]) => `${k}=${v}`)
			.sort()
			.join(',')
	);
}

/** How two mounts differ, in words (type, source, target, read-only, options). */
export function describeMountDifference(e: Mount, g: Mount): string {
	const out: string[] = [];
	const kind = (m: Mount) =>
		m.get('type') === 'bind' ? 'a bind mount' : m.get('type') === 'tmpfs' ? 'a tmpfs' : 'a volume';
	if (e.get('type') !== g.get('type')) out.push(`it makes ${kind(g)}; the answer ${kind(e)}`);
	if (e.get('target') !== g.get('target'))
		out.push(`it mounts at ${code(g.get('target') ?? '')}; the answer at ${code(e.get('target') ?? '')}`);
	if (e.get('source') !== g.get('source') && e.get('type') === g.get('type')) {
		const src = (m: Mount) => (m.get('source') ? code(m.get('source')!) : 'a new anonymous volume');
		out.push(`its source is ${src(g)}; the answer's is ${src(e)}`);
	}
	if (e.get('readonly') !== g.get('readonly'))
		out.push(
			g.get('readonly')
				? 'it is read-only; the answer is writable'
				: 'it is writable; the answer is read-only'
		);
	const rest = [...new Set([...e.keys(), ...g.keys()])].filter(
		(k) => !['type', 'target', 'source', 'readonly'].includes(k) && e.get(k) !== g.get(k)
	);
	for (const k of rest) {
		const show = (m: Mount) =>
			m.has(k) ? code(k.replace(/^option:/, '') + (m.get(k) === 'true' ? '' : `=${m.get(k)}`)) : 'nothing';
		out.push(`it sets ${show(g)} where the answer sets ${show(e)}`);
	}
	return out.join('; ');
}

/** Commands whose positionals (by index, or all of them) are image references. */
const IMAGE_POSITIONALS: Record<string, number[] | 'all'> = {
	'container run': [0],
	'container create': [0],
	'service create': [0],
	'image pull': [0],
	'image push': [0],
	'image history': [0],
	'image tag': [0, 1],
	'image rm': 'all',
	'image inspect': 'all',
	'image save': 'all',
	'container commit': [1],
	'scout cves': [0],
	'scout quickview': [0],
	'scout recommendations': [0],
	'trust sign': [0],
	'trust inspect': 'all',
	'trust revoke': [0]
};

/** Commands whose positionals are a set: `docker save -o a.tar redis app` saves the same as `app redis`. */
const UNORDERED_POSITIONALS = new Set([
	'service scale',
	'image save',
	'image rm',
	'container rm',
	'container stop',
	'container start',
	'container restart',
	'container kill',
	'volume rm',
	'network rm',
	'service rm',
	'node rm'
]);

/** Whether the order of a docker command's positionals does not matter. */
export function positionalsUnordered(path: string): boolean {
	return UNORDERED_POSITIONALS.has(path);
}

/** Flags whose values are image references, per command. */
const IMAGE_FLAGS: Record<string, string[]> = {
	'image build': ['tag', 'cache-from'],
	'service update': ['image']
};

/** Whether positional `index` of a docker command is an image reference. */
export function isImagePositional(path: string, index: number): boolean {
	const at = IMAGE_POSITIONALS[path];
	return at === 'all' || (!!at && at.includes(index));
}

/** Whether a flag's value is an image reference on this docker command. */
export function isImageFlag(path: string, flag: string): boolean {
	return IMAGE_FLAGS[path]?.includes(flag) ?? false;
}

/** Commands where `-v`, `--tmpfs` and `--mount` make mounts, and where `-p` publishes container ports. */
const CONTAINER_COMMANDS = new Set(['container run', 'container create', 'compose run']);
const SERVICE_PORTS: Record<string, string[]> = {
	'service create': ['publish'],
	'service update': ['publish-add', 'publish-rm']
};

/** Whether `-v`, `--tmpfs` and `--mount` (`--mount-add`) make mounts on this command. */
export function mountsApply(path: string): boolean {
	return CONTAINER_COMMANDS.has(path) || path === 'service create' || path === 'service update';
}

/**
 * Flag values in the form Docker reads them, for values that have several spellings: capability names
 * (case-insensitive, with or without `CAP_`), placement constraints (spaces around `==`/`!=`), swarm
 * addresses (`:2377` is the default port), `--entrypoint /bin/sh` (a shell found on the PATH), and the
 * overlay `encrypted` option (only its presence counts).
 */
export function canonicalFlagValue(path: string, flag: string, value: string): string {
	if (flag === 'cap-add' || flag === 'cap-drop')
		return value
			.split(',')
			.map((c) => c.trim().toUpperCase().replace(/^CAP_/, ''))
			.join(',');
	if (flag === 'constraint' || flag === 'constraint-add' || flag === 'constraint-rm')
		return value.replace(/\s*(==|!=)\s*/g, '$1').trim();
	if (path.startsWith('swarm ') && (flag === 'advertise-addr' || flag === 'listen-addr'))
		return value.replace(/:2377$/, '');
	if (flag === 'entrypoint') return canonicalShell(value);
	if (path === 'network create' && flag === 'opt') return value.replace(/^encrypted=(true|1)$/i, 'encrypted');
	return value;
}

/** `/bin/sh` and `sh` start the same shell (the PATH finds it): sh, bash and ash by their bare name. */
export function canonicalShell(word: string): string {
	return word.replace(/^\/(usr\/)?bin\/(sh|bash|ash)$/, '$2');
}

/** Whether a flag publishes a port on this command, and if so on a service. */
export function portFlag(path: string, flag: string): { service: boolean } | null {
	if (CONTAINER_COMMANDS.has(path) && flag === 'publish') return { service: false };
	if (SERVICE_PORTS[path]?.includes(flag)) return { service: true };
	return null;
}
