/**
 * Fair grading, systematically: every typed or ordered exercise of both built-in packs accepts its own
 * key through the one judge; the forms an expert would accept (the reviews' lists and more) are
 * accepted, with a note where the difference is worth knowing; genuinely wrong answers still fail with
 * a message that says what is wrong; and no word-bank decoy completes a valid command.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCommand, checkConfig, judgeAnswer, loadConfigChecker } from '$lib/core/answer';
import { readFlagTerm } from '$lib/core/answer/term';
import { flagsOf } from '$lib/core/answer/cli-model';
import { loadComposeValidator } from '$lib/core/answer/compose-schema';
import type { Card, Pack } from '$lib/core/pack/types';

const packCards = (name: string): Card[] => {
	const file = JSON.parse(readFileSync(`questions/${name}.pack.json`, 'utf8')) as { pack?: Pack } & Pack;
	return (file.pack ?? file).cards;
};
const packs = ['docker-guide', 'dca'].map((name) => [name, packCards(name)] as const);

describe.each(packs)('the %s pack graded by its own keys', (_name, cards) => {
	const typed = cards.filter((c) =>
		['command-type', 'command-fill', 'command-order', 'config-fill', 'cloze', 'command-sequence'].includes(
			c.kind
		)
	);

	it('has typed and ordered exercises to check', () => {
		expect(typed.length).toBeGreaterThan(100);
	});

	it('judges every command, cloze, config and sequence key correct, with no issue', async () => {
		const wrong: string[] = [];
		for (const card of typed) {
			let j;
			if (card.kind === 'command-type' || card.kind === 'cloze' || card.kind === 'command-fill')
				j = judgeAnswer(card, { kind: 'text', text: card.answer });
			else if (card.kind === 'command-order') j = judgeAnswer(card, { kind: 'words', words: card.tokens });
			else if (card.kind === 'command-sequence')
				j = judgeAnswer(card, { kind: 'steps', texts: card.steps.map((s) => s.answer) });
			else if (card.kind === 'config-fill')
				j = judgeAnswer(card, { kind: 'text', text: card.answer.trim() }, await loadConfigChecker(card));
			if (j?.verdict !== 'correct' || (j.feedback && j.feedback.issues.length))
				wrong.push(`${card.id}: ${j?.verdict} ${j?.feedback?.issues.map((i) => i.message).join(' | ')}`);
		}
		expect(wrong).toEqual([]);
	});

	it('judges every command-fill card correct when the whole command is typed in its blank place', () => {
		for (const card of cards)
			if (card.kind === 'command-fill')
				expect(checkCommand(`${card.before}${card.answer}${card.after}`, card.command).verdict, card.id).toBe(
					'correct'
				);
	});

	it('never lets a word-bank decoy complete a valid command (P4)', () => {
		const valid: string[] = [];
		for (const card of cards) {
			if (card.kind !== 'command-order') continue;
			const key = card.tokens.join(' ');
			const docker = card.tokens.findIndex((t) => t === 'docker' || t === 'podman');
			for (const d of card.distractors) {
				// The decoy where a flag can go: after the command words, and at the end.
				for (const at of [docker + 3, card.tokens.length]) {
					const words = [...card.tokens.slice(0, at), d, ...card.tokens.slice(at)];
					const r = checkCommand(key, words.join(' '));
					if (r.verdict === 'correct') valid.push(`${card.id}: ${words.join(' ')}`);
				}
			}
		}
		expect(valid).toEqual([]);
	});

	it('accepts the long and the short form of every flag a cloze blanks (P5)', () => {
		let checked = 0;
		for (const card of cards) {
			if (card.kind !== 'cloze') continue;
			const flag = readFlagTerm(card.answer);
			if (!flag) continue;
			const path = flag.path ?? 'container run';
			const f = flagsOf(path).find((x) => x.long === flag.long)!;
			for (const form of [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]) {
				expect(judgeAnswer(card, { kind: 'text', text: form })?.verdict, `${card.id} ${form}`).toBe(
					'correct'
				);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
	});
});

/** Expert-acceptable forms: [card(s) it came from, the key, what an expert types, a note it must carry]. */
const ACCEPTED: [string, string, string, string?][] = [
	// docker-guide GRADER
	[
		'command-type-05r226lbifo',
		'docker build --no-cache -t myapp .',
		'docker buildx build --no-cache -t myapp .'
	],
	[
		'command-type-05r226lbifo',
		'docker build --no-cache -t myapp .',
		'docker image build --no-cache --tag myapp ./'
	],
	['command-type-1edyv0jlz1i', 'docker service rollback web', 'docker service update --rollback web'],
	['command-type-1edyv0jlz1i', 'docker service rollback web', 'docker service update --rollback -d web'],
	[
		'command-type-1h7t0boigf9',
		'docker network create my-bridge',
		'docker network create --driver bridge my-bridge',
		'by default'
	],
	[
		'command-type-1h7t0boigf9',
		'docker network create my-bridge',
		'docker network create -d bridge my-bridge',
		'by default'
	],
	[
		'command-type-1p5ccb24sy9',
		'docker service scale myservice=10',
		'docker service update --replicas 10 myservice'
	],
	['DCA scale', 'docker service update --replicas 5 web', 'docker service scale web=5'],
	['command-type-1oomv8qvhmc', 'docker scout cves myimage:latest', 'docker scout cves myimage'],
	[
		'command-type-1oomv8qvhmc',
		'docker scout cves myimage:latest',
		'docker scout cves docker.io/library/myimage:latest'
	],
	['command-type-0bktcdrd4dw', 'docker run -v "$(pwd)":/app node', 'docker run -v .:/app node'],
	['command-type-0bktcdrd4dw', 'docker run -v "$(pwd)":/app node', 'docker run -v "$PWD":/app node'],
	['command-type-0bktcdrd4dw', 'docker run -v "$(pwd)":/app node', 'docker run -v ${PWD}:/app node'],
	['command-type-0bktcdrd4dw', 'docker run -v "$(pwd)":/app node', 'docker run -v ./:/app/ node'],
	[
		'command-type-01w1j06nrv7',
		'docker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE nginx',
		'docker run --cap-drop=all --cap-add=CAP_NET_BIND_SERVICE nginx'
	],
	[
		'command-type-01w1j06nrv7',
		'docker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE nginx',
		'docker run --cap-add net_bind_service --cap-drop ALL nginx'
	],
	[
		'command-type-00l2cv8zb74',
		"printf 'mysecretpassword' | docker secret create db_password -",
		'echo -n mysecretpassword | docker secret create db_password -',
		'printf'
	],
	['command-type-10notq3glse', 'docker compose --profile prod up', 'COMPOSE_PROFILES=prod docker compose up'],
	[
		'command-type-0dj82b4f472',
		'docker trust sign myuser/myimage:1.0',
		'docker trust sign docker.io/myuser/myimage:1.0'
	],
	[
		'command-type-1f2ffo3xu88',
		'docker service update --publish-rm 80 myapp-blue',
		'docker service update --publish-rm 80/tcp myapp-blue'
	],
	[
		'command-type-0gpw1j5rglw',
		'tar -czvf swarm-backup.tar.gz /var/lib/docker/swarm',
		'tar -czf swarm-backup.tar.gz /var/lib/docker/swarm'
	],
	[
		'command-type-0gpw1j5rglw',
		'tar -czf swarm-backup.tar.gz /var/lib/docker/swarm',
		'tar -czvf swarm-backup.tar.gz /var/lib/docker/swarm',
		'verbose'
	],
	[
		'command-type-0gpw1j5rglw',
		'tar -czvf swarm-backup.tar.gz /var/lib/docker/swarm',
		'tar czvf swarm-backup.tar.gz /var/lib/docker/swarm'
	],
	[
		'command-type-0gpw1j5rglw',
		'tar -czvf swarm-backup.tar.gz /var/lib/docker/swarm',
		'sudo tar -c -z -f swarm-backup.tar.gz /var/lib/docker/swarm'
	],
	[
		'command-type-1yd4nii257y',
		'docker run --rm -v my-volume:/source -v $(pwd):/backup alpine tar -czvf /backup/my-volume-backup.tar.gz /source',
		'docker run --rm -v my-volume:/source -v "$PWD":/backup alpine tar czf /backup/my-volume-backup.tar.gz /source'
	],
	[
		'command-type-0m345p933e9',
		'docker run --rm -v my-volume:/target -v $(pwd):/backup alpine sh -c "tar -xzvf /backup/my-volume-backup.tar.gz -C /target --strip 1"',
		'docker run --rm -v my-volume:/target -v .:/backup alpine /bin/sh -c "tar -xzf /backup/my-volume-backup.tar.gz -C /target --strip 1"'
	],
	['command-type-1vdra8sgf7p', 'export DOCKER_CONTENT_TRUST=1', 'export DOCKER_CONTENT_TRUST=true', 'reads'],
	['command-type-1u9o3pm0zyy', 'sudo apt-get install uidmap', 'sudo apt-get install -y uidmap', '-y'],
	[
		'command-type-16o9w9lau3z',
		'WEB_PORT=8080 docker compose up',
		'WEB_PORT=8080 docker compose up -d',
		'foreground'
	],
	// P4: the old decoys, where they left the command the same
	[
		'command-order-00x2syjwrip',
		'docker stack deploy -c docker-compose.yml mystack',
		'docker stack deploy --detach -c docker-compose.yml mystack',
		'by default'
	],
	[
		'command-order-2btwlzagqry',
		'docker build --no-cache -t myapp .',
		'docker build --rm --no-cache -t myapp .',
		'by default'
	],
	[
		'command-order-17r7sndg3ip',
		'docker service create --network my-overlay-network --name my-service nginx',
		'docker service create --detach --network my-overlay-network --name my-service nginx',
		'converged'
	],
	[
		'command-order-1smnbv4jhe7',
		'docker pull nginx:1.27',
		'docker pull --quiet nginx:1.27',
		'progress output'
	],
	// DCA reviews (dca-orch-images P16, dca-rest P15)
	['command-type-28vlkx5m9j9', 'docker node promote worker1', 'docker node update --role manager worker1'],
	['DCA demote', 'docker node demote worker1', 'docker node update --role worker worker1'],
	[
		'command-type-03kte6mfejx',
		'docker save -o images.tar myapp:1.0 redis:7.4',
		'docker save -o images.tar redis:7.4 myapp:1.0'
	],
	['DCA save', 'docker save -o app.tar app', 'docker save app > app.tar'],
	['DCA load', 'docker load -i images.tar', 'docker load < images.tar'],
	['DCA export', 'docker export -o app.tar app', 'docker export app > app.tar'],
	[
		'command-type-1y456fdlstv',
		'docker service update --mount-add type=tmpfs,dst=/cache web',
		'docker service update --mount-add type=tmpfs,destination=/cache web'
	],
	[
		'command-type-08oy7jm6p5a',
		'docker swarm init --advertise-addr 192.168.99.100',
		'docker swarm init --advertise-addr 192.168.99.100:2377'
	],
	[
		'command-type-24hqtkisloi',
		'docker swarm join --token SWMTKN-1-abc 192.168.99.100:2377',
		'docker swarm join --token SWMTKN-1-abc 192.168.99.100'
	],
	[
		'command-type-0nlu8iq3hec',
		'docker run --rm -it --entrypoint sh myapp:1.0',
		'docker run --rm -it --entrypoint /bin/sh myapp:1.0'
	],
	['DCA build context', 'docker build -t myapp:1.0 .', 'docker build -t myapp:1.0 ./'],
	['command-type-0z2eh6nfgo5', 'docker images --filter reference=nginx', 'docker images nginx'],
	[
		'command-type-190b7p171jz',
		"docker container inspect --format '{{.State.Status}}' db",
		"docker inspect --format '{{.State.Status}}' db",
		'object type'
	],
	[
		'command-type-28fb2trubjq',
		'docker service create --constraint node.labels.zone==east nginx',
		"docker service create --constraint 'node.labels.zone == east' nginx"
	],
	[
		'command-type-1t8vn1xb75x',
		'docker network create --driver bridge --subnet 172.28.0.0/16 app-net',
		'docker network create --subnet 172.28.0.0/16 app-net'
	],
	[
		'command-type-29uq97c7g85',
		'docker volume create --driver local --opt type=nfs nfs-data',
		'docker volume create --opt type=nfs nfs-data'
	],
	['command-type-0xpmt2w720q', 'sudo systemctl reload docker', 'sudo systemctl reload docker.service'],
	['command-type-0gv49mjusmn', 'journalctl -u docker.service -b', 'journalctl -u docker -b'],
	['dca-rest sudo', 'sudo systemctl stop docker', 'systemctl stop docker', 'root'],
	[
		'command-sequence-04zn4r09kfg',
		'sudo tar -czf /backup/swarm.tar.gz -C /var/lib/docker swarm',
		'sudo tar czf /backup/swarm.tar.gz -C /var/lib/docker swarm'
	],
	[
		'command-sequence-0swni2ewe7u',
		'export DOCKER_CERT_PATH=~/.docker/host1',
		'export DOCKER_CERT_PATH=$HOME/.docker/host1'
	],
	['command-sequence-03bt13042jx', 'docker exec api ping -c 1 cache', 'docker exec api ping -c1 cache'],
	[
		'command-type-17mba49uvyd',
		'docker network create -d overlay --opt encrypted secure-net',
		'docker network create -d overlay --opt encrypted=true secure-net'
	],
	[
		'command-type-1vf8zyldqx3',
		"printf 's3cret' | docker secret create db_password -",
		"echo -n 's3cret' | docker secret create db_password -",
		'printf'
	],
	[
		'command-sequence-04djfxuk49o',
		'sudo cp ca.crt /etc/docker/certs.d/registry.example.com:5000/ca.crt',
		'sudo cp ca.crt /etc/docker/certs.d/registry.example.com:5000/'
	],
	// more of the same rules
	['compose project', 'docker compose -p shop up', 'COMPOSE_PROJECT_NAME=shop docker compose up'],
	['compose files', 'docker compose -f a.yml -f b.yml up', 'COMPOSE_FILE=a.yml:b.yml docker compose up'],
	['default restart', 'docker run nginx', 'docker run --restart no nginx', 'by default'],
	['swarm listen', 'docker swarm init', 'docker swarm init --listen-addr 0.0.0.0:2377', 'by default'],
	[
		'bind mount',
		'docker run --mount type=bind,source="$(pwd)",target=/app node',
		'docker run --mount type=bind,src=.,dst=/app node'
	],
	['image pull', 'docker pull nginx', 'docker pull docker.io/library/nginx:latest'],
	['image push', 'docker push myuser/app', 'docker image push docker.io/myuser/app:latest'],
	['rm order', 'docker rm -f web db', 'docker rm -f db web'],
	['apt yes', 'apt-get install uidmap', 'apt-get install --yes uidmap', '-y']
];

/** Wrong answers, still wrong: [why, the key, what is typed, verdict, a fragment of the message]. */
const REJECTED: [string, string, string, 'close' | 'incorrect', string][] = [
	[
		'a non-default driver',
		'docker network create my-bridge',
		'docker network create --driver overlay my-bridge',
		'incorrect',
		'`--driver overlay` is not part of the answer'
	],
	[
		'the wrong driver',
		'docker network create --driver overlay net',
		'docker network create --driver bridge net',
		'incorrect',
		'`--driver` should be `overlay`'
	],
	[
		'a missing required flag',
		'docker network create --driver overlay net',
		'docker network create net',
		'incorrect',
		'Missing `--driver overlay`'
	],
	[
		'rollback with another change',
		'docker service rollback web',
		'docker service update --rollback --image nginx:1 web',
		'incorrect',
		'Expected `docker service rollback`'
	],
	[
		'scale to another count',
		'docker service scale myservice=10',
		'docker service update --replicas 1 myservice',
		'incorrect',
		'Expected `myservice=10`'
	],
	[
		'another tag',
		'docker scout cves myimage:latest',
		'docker scout cves myimage:1.0',
		'incorrect',
		'pins tag 1.0'
	],
	[
		'another registry',
		'docker trust sign myuser/myimage:1.0',
		'docker trust sign ghcr.io/myuser/myimage:1.0',
		'incorrect',
		'ghcr.io'
	],
	[
		'another directory',
		'docker run -v "$(pwd)":/app node',
		'docker run -v ..:/app node',
		'incorrect',
		'`-v` should be `$(pwd):/app`, not `..:/app`'
	],
	[
		'a volume, not the directory',
		'docker run -v "$(pwd)":/app node',
		'docker run -v app:/app node',
		'incorrect',
		'it makes a volume; the answer a bind mount'
	],
	[
		'another capability',
		'docker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE nginx',
		'docker run --cap-drop=ALL --cap-add=NET_ADMIN nginx',
		'incorrect',
		'should be `NET_BIND_SERVICE`'
	],
	[
		'extract, not create',
		'tar -czvf swarm-backup.tar.gz /var/lib/docker/swarm',
		'tar -xzf swarm-backup.tar.gz /var/lib/docker/swarm',
		'incorrect',
		'Missing `-c`'
	],
	[
		'no gzip',
		'tar -czvf swarm-backup.tar.gz /var/lib/docker/swarm',
		'tar -cf swarm-backup.tar.gz /var/lib/docker/swarm',
		'incorrect',
		'Missing `-z`'
	],
	// Archive member names differ (var/lib/docker/swarm/… vs swarm/…): a restore would put files elsewhere.
	[
		'another archive layout',
		'sudo tar -czf /backup/swarm.tar.gz -C /var/lib/docker swarm',
		'sudo tar -czf /backup/swarm.tar.gz /var/lib/docker/swarm',
		'incorrect',
		'stores them as `var/lib/docker/swarm/…`, so extracting the archive puts them somewhere else'
	],
	[
		'content trust off',
		'export DOCKER_CONTENT_TRUST=1',
		'export DOCKER_CONTENT_TRUST=false',
		'incorrect',
		'Expected `DOCKER_CONTENT_TRUST=1`'
	],
	[
		'another profile',
		'docker compose --profile prod up',
		'COMPOSE_PROFILES=dev docker compose up',
		'incorrect',
		'`COMPOSE_PROFILES` should be `prod`, not `dev`'
	],
	[
		'another port',
		'docker service update --publish-rm 80 myapp-blue',
		'docker service update --publish-rm 8080 myapp-blue',
		'incorrect',
		'container port 8080'
	],
	[
		'udp, not tcp',
		'docker service update --publish-rm 80 myapp-blue',
		'docker service update --publish-rm 80/udp myapp-blue',
		'incorrect',
		'publishes udp'
	],
	[
		'another unit',
		'journalctl -u docker.service -b',
		'journalctl -u containerd -b',
		'incorrect',
		'`-u` should be `docker`'
	],
	[
		'echo with the newline',
		"printf 'mysecretpassword' | docker secret create db_password -",
		'echo mysecretpassword | docker secret create db_password -',
		'incorrect',
		'Expected `printf`'
	],
	[
		'detach forgotten',
		'docker run -d --name api app/api:3',
		'docker run --name api app/api:3',
		'close',
		'Missing `--detach`: without it the container runs in the foreground'
	],
	[
		'detached but interactive',
		'docker run -it ubuntu bash',
		'docker run -d -it ubuntu bash',
		'incorrect',
		'`--detach` is not part of the answer'
	],
	[
		'promote, not demote',
		'docker node promote worker1',
		'docker node update --role worker worker1',
		'incorrect',
		'Expected `docker node promote`'
	],
	[
		'inspect of another type',
		'docker network inspect my-bridge',
		'docker inspect --type volume my-bridge',
		'incorrect',
		'Expected `docker network inspect`'
	],
	[
		'save, only one image',
		'docker save -o images.tar myapp:1.0 redis:7.4',
		'docker save -o images.tar redis:7.4',
		'incorrect',
		'Expected `myapp:1.0`'
	],
	[
		'another swarm port',
		'docker swarm join --token SWMTKN-1-abc 192.168.99.100:2377',
		'docker swarm join --token SWMTKN-1-abc 192.168.99.100:2378',
		'incorrect',
		'Expected `192.168.99.100:2377`'
	],
	[
		'a decoy added',
		'docker stack deploy -c docker-compose.yml mystack',
		'docker stack deploy --resolve-image -c docker-compose.yml mystack',
		'incorrect',
		'Missing `--compose-file docker-compose.yml`'
	],
	[
		'quiet lists only IDs',
		'docker volume ls',
		'docker volume ls -q',
		'incorrect',
		'`--quiet` is not part of the answer'
	],
	[
		'a foreign flag',
		'docker service scale web=5',
		'docker service scale --replicas web=5',
		'incorrect',
		'has no flag `--replicas`'
	]
];

describe('expert-acceptable forms are accepted', () => {
	it.each(ACCEPTED)('%s: %s ≡ %s', (_from, expected, given, note) => {
		const r = checkCommand(expected, given);
		expect(r.issues).toEqual([]);
		expect(r.verdict).toBe('correct');
		if (note) expect(r.notes.join(' ')).toContain(note);
	});
});

describe('wrong answers are still wrong, and say why', () => {
	it.each(REJECTED)('%s: %s vs %s is %s', (_why, expected, given, verdict, message) => {
		const r = checkCommand(expected, given);
		expect(r.verdict).toBe(verdict);
		expect(r.issues.map((i) => i.message).join(' | ')).toContain(message);
	});
});

describe('Dockerfile and Compose forms', () => {
	const node = (copy: string) => `FROM node:20\nWORKDIR /app\n${copy}\nRUN npm ci`;
	const nginx = (copy: string) => `FROM node:lts AS build\nRUN npm run build\nFROM nginx\n${copy}`;
	const health = (line: string) => `FROM nginx\n${line}`;
	const apt = (run: string) => `FROM debian\n${run}`;
	const aptKey =
		'RUN apt-get update && apt-get install -y \\\n    package1 \\\n    package2 \\\n    && rm -rf /var/lib/apt/lists/*';
	const accepted: [string, string, string, string?][] = [
		['config-fill-25tymy1kg9c', node('COPY package.json .'), node('COPY package.json ./')],
		['config-fill-25tymy1kg9c', node('COPY package.json .'), node('COPY ./package.json ./')],
		['config-fill-25tymy1kg9c', node('COPY package.json .'), node('COPY package*.json ./'), 'also copies'],
		[
			'config-fill-11tgweh5dah',
			nginx('COPY --from=build /app/dist /usr/share/nginx/html'),
			nginx('COPY --from=build /app/dist/ /usr/share/nginx/html/')
		],
		[
			'config-fill-22elps5o0r1',
			nginx('COPY --from=build /app/dist /usr/share/nginx/html'),
			nginx('COPY --from=0 /app/dist /usr/share/nginx/html')
		],
		[
			'HEALTHCHECK default',
			health('HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1'),
			health('HEALTHCHECK --timeout=3s CMD curl -f http://localhost/ || exit 1')
		],
		[
			'config-fill-019telic9rc',
			apt(aptKey),
			apt('RUN apt-get update && apt-get install -y package1 package2'),
			'apt package lists'
		]
	];
	it.each(accepted)('%s accepts %j', (_id, expected, given, note) => {
		const r = checkConfig(expected, given, 'dockerfile');
		expect(r.issues).toEqual([]);
		expect(r.verdict).toBe('correct');
		if (note) expect(r.notes.join(' ')).toContain(note);
	});

	const rejected: [string, string, string, 'close' | 'incorrect', string][] = [
		[
			'a file copied into a directory is not that file',
			'FROM alpine\nCOPY app.jar /app',
			'FROM alpine\nCOPY app.jar /app/',
			'incorrect',
			'copies into the directory `/app/` (as `/app/app.jar`); the answer makes the file `/app`'
		],
		[
			'a glob that does not match',
			node('COPY package.json .'),
			node('COPY *.txt ./'),
			'incorrect',
			'should read `COPY package.json .`'
		],
		[
			'another stage',
			nginx('COPY --from=build /app/dist /usr/share/nginx/html'),
			nginx('COPY --from=1 /app/dist /usr/share/nginx/html'),
			'incorrect',
			'--from=build'
		],
		[
			'config-fill-0eur9c0jgng: timing left out',
			health('HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1'),
			health('HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1'),
			'close',
			'the answer sets `--timeout=3s`'
		],
		[
			'another check',
			health('HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1'),
			health('HEALTHCHECK --interval=30s --timeout=3s CMD curl http://localhost/'),
			'incorrect',
			'should read'
		],
		[
			'a package left out',
			apt(aptKey),
			apt('RUN apt-get update && apt-get install -y package1'),
			'incorrect',
			'should read'
		]
	];
	it.each(rejected)('%s', (_why, expected, given, verdict, message) => {
		const r = checkConfig(expected, given, 'dockerfile');
		expect(r.verdict).toBe(verdict);
		expect(r.issues.map((i) => i.message).join(' | ')).toContain(message);
	});

	it('reads Compose ports in the short and the long syntax alike (config-fill-0fqybohqx3z, config-fill-1yq1s1utzv9)', async () => {
		const short = 'services:\n  web:\n    image: nginx\n    ports:\n      - "${WEB_PORT:-80}:80"\n';
		const long =
			'services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        published: "${WEB_PORT:-80}"\n        protocol: tcp\n';
		expect(checkConfig(short, long, 'compose').issues).toEqual([]);
		expect(
			checkConfig(
				'services:\n  web:\n    ports:\n      - "443:443"\n',
				'services:\n  web:\n    ports:\n      - {target: 443, published: 443}\n',
				'compose'
			).verdict
		).toBe('correct');
		// Validated after interpolation, as Compose does: a published port from a variable is a port.
		const validated = checkConfig(short, long, 'compose', { validateCompose: await loadComposeValidator() });
		expect(validated.issues).toEqual([]);
		const other = checkConfig(short, long.replace('target: 80', 'target: 81'), 'compose');
		expect(other.verdict).toBe('incorrect');
		expect(other.issues[0]?.message).toContain('should be `80`, not `81`');
	});
});

describe('cloze blanks that hold a flag (P5)', () => {
	const cloze = (answer: string): Card =>
		({
			id: 'cloze-x',
			kind: 'cloze',
			before: 'With ',
			after: '.',
			answer,
			sectionId: 's',
			why: ''
		}) as unknown as Card;
	it.each([
		['-p', '--publish', 'correct'],
		['-p', '-p', 'correct'],
		['-p', '-P', 'incorrect'],
		['-p', '--publish-all', 'incorrect'],
		['docker run --ip', '--ip', 'correct'],
		['docker run --ip', 'docker container run --ip', 'correct'],
		['docker run --ip', 'docker network connect --ip', 'correct'],
		['docker run --ip', '--ip6', 'incorrect'],
		['docker run --ip', 'docker service create --ip', 'incorrect'],
		['docker run --ip', 'docker run', 'incorrect'],
		// Keys with placeholders (dca-orch-images P9): a `<name>` is one word, `…` anything.
		['<stack>_default', 'shop_default', 'correct'],
		['<stack>_default', '_default', 'incorrect'],
		['<service>.<slot>', 'web.2', 'correct'],
		['<service>.<slot>', 'web', 'incorrect'],
		['--network <name>', '--network', 'correct'],
		['--network <name>', '--network backend', 'correct'],
		[
			'registry garbage-collect <config>',
			'registry garbage-collect /etc/docker/registry/config.yml',
			'correct'
		],
		['sha256:…', 'sha256', 'correct'],
		['sha256:…', 'md5', 'incorrect'],
		// Keys that are commands or flags with values, read by the command checker.
		['--pid=host', '--pid host', 'correct'],
		['--pid=host', '--pid=container:db', 'incorrect'],
		['-o parent=eth0', '--opt parent=eth0', 'correct'],
		['--opt encrypted', '-o encrypted=true', 'correct'],
		['journalctl -u docker', 'journalctl -u docker.service', 'correct'],
		['journalctl -u docker', 'journalctl -u containerd', 'incorrect'],
		['docker build', 'docker buildx build', 'correct'],
		['docker rm -v', 'docker container rm --volumes', 'correct'],
		['docker rm -v', 'docker rm', 'incorrect']
	] as const)('%s typed as %s is %s', (answer, given, verdict) => {
		expect(judgeAnswer(cloze(answer), { kind: 'text', text: given })?.verdict).toBe(verdict);
	});

	it('takes an empty command blank as no answer, even where the blank is a flag that changes little', () => {
		const card = {
			id: 'command-fill-x',
			kind: 'command-fill',
			prompt: 'Run nginx in the background.',
			before: 'docker run ',
			after: ' nginx',
			answer: '-d',
			command: 'docker run -d nginx',
			sectionId: 's',
			why: ''
		} as unknown as Card;
		const j = judgeAnswer(card, { kind: 'text', text: '  ' })!;
		expect(j.verdict).toBe('incorrect');
		expect(j.feedback?.issues[0]?.message).toBe('Nothing was typed in the blank.');
		expect(judgeAnswer(card, { kind: 'text', text: '--detach' })?.verdict).toBe('correct');
	});
});
