import { describe, expect, it } from 'vitest';
import { checkCommand, checkConfig } from '$lib/core/answer';
import { canonicalImage, readImage } from '$lib/core/answer/equivalent';

// Forms Docker reads as the same: each row is [expected, given]; each must be graded correct.
const same: [string, string][] = [
	// Image references: default registry, library/ and :latest.
	['docker run nginx', 'docker run nginx:latest'],
	['docker run nginx', 'docker run docker.io/library/nginx:latest'],
	['docker run nginx:latest', 'docker run library/nginx'],
	['docker run nginx', 'docker run index.docker.io/library/nginx'],
	['docker pull redis:7', 'docker image pull docker.io/library/redis:7'],
	['docker pull bitnami/redis', 'docker pull docker.io/bitnami/redis:latest'],
	['docker rmi nginx', 'docker image rm nginx:latest'],
	[
		'docker tag myapp myregistry.example.com/myapp:latest',
		'docker tag myapp:latest myregistry.example.com/myapp'
	],
	['docker build -t myapp .', 'docker build --tag myapp:latest .'],
	[
		'docker service update --image nginx:1.27 web',
		'docker service update --image docker.io/library/nginx:1.27 web'
	],
	// Published ports: short and long syntax.
	['docker run -p 80:80 nginx', 'docker run --publish published=80,target=80 nginx'],
	['docker run -p 80:80 nginx', 'docker run --publish 80:80 nginx'],
	['docker run -p 80:80 nginx', 'docker run -p 80:80/tcp nginx'],
	['docker run -p 8080:80 nginx', 'docker run --publish target=80,published=8080,protocol=tcp nginx'],
	['docker run -p 53:53/udp dns', 'docker run --publish published=53,target=53,protocol=udp dns'],
	[
		'docker service create -p 8080:80 nginx',
		'docker service create --publish published=8080,target=80 nginx'
	],
	[
		'docker service create -p 8080:80 nginx',
		'docker service create --publish published=8080,target=80,protocol=tcp,mode=ingress nginx'
	],
	// Mounts: -v / --volume, --tmpfs and --mount making the same mount.
	['docker run -v data:/app nginx', 'docker run --mount type=volume,source=data,target=/app nginx'],
	['docker run -v data:/app nginx', 'docker run --mount source=data,target=/app nginx'],
	['docker run -v data:/app nginx', 'docker run --mount type=volume,src=data,dst=/app nginx'],
	['docker run --volume data:/app nginx', 'docker run --mount type=volume,src=data,destination=/app nginx'],
	[
		'docker run -v data:/app:ro nginx',
		'docker run --mount type=volume,source=data,target=/app,readonly nginx'
	],
	[
		'docker run -v data:/app:ro nginx',
		'docker run --mount type=volume,source=data,target=/app,ro=true nginx'
	],
	['docker run -v data:/app:rw nginx', 'docker run -v data:/app nginx'],
	['docker run -v /app/cache nginx', 'docker run --mount type=volume,target=/app/cache nginx'],
	['docker run -v "$(pwd)":/app node', 'docker run --mount type=bind,source="$(pwd)",target=/app node'],
	[
		'docker run -v /srv/web:/usr/share/nginx/html:ro nginx',
		'docker run --mount type=bind,src=/srv/web,dst=/usr/share/nginx/html,readonly nginx'
	],
	['docker run --tmpfs /app/temp nginx', 'docker run --mount type=tmpfs,target=/app/temp nginx'],
	[
		'docker run --tmpfs /app/temp:size=64m nginx',
		'docker run --mount type=tmpfs,dst=/app/temp,tmpfs-size=64M nginx'
	],
	[
		'docker service create --mount type=volume,source=data,target=/app nginx',
		'docker service create --mount src=data,dst=/app nginx'
	],
	// Compose's own flags before the subcommand, short or long.
	['docker compose -f a.yml -p shop up -d', 'docker compose --file a.yml --project-name shop up --detach'],
	[
		'docker compose --profile debug --env-file .env.dev up',
		'docker compose --env-file=.env.dev --profile=debug up'
	]
];

// Forms that differ in a way the CLI cares about: [expected, given, a phrase the feedback must hold].
const different: [string, string, string][] = [
	['docker run nginx:1.27 ', 'docker run nginx', '`nginx:1.27` pins tag 1.27; `nginx` uses latest'],
	['docker run nginx', 'docker run nginx:1.27', '`nginx` uses latest; `nginx:1.27` pins tag 1.27'],
	['docker pull ghcr.io/acme/app', 'docker pull acme/app', '`acme/app` comes from Docker Hub (docker.io)'],
	['docker build -t myapp:2.0 .', 'docker build -t myapp .', '`myapp` uses latest'],
	[
		'docker run -p 8080:80 nginx',
		'docker run -p 80:80 nginx',
		'it uses host port 80; the answer host port 8080'
	],
	[
		'docker run -p 8080:80 nginx',
		'docker run --publish published=8080,target=8080 nginx',
		'container port 8080; the answer 80'
	],
	[
		'docker run -p 127.0.0.1:80:80 nginx',
		'docker run -p 80:80 nginx',
		'it listens on every interface; the answer on 127.0.0.1 only'
	],
	['docker run -p 53:53/udp dns', 'docker run -p 53:53 dns', 'it publishes tcp; the answer udp'],
	[
		'docker run -v data:/app nginx',
		'docker run --mount type=bind,source=data,target=/app nginx',
		'it makes a bind mount; the answer a volume'
	],
	[
		'docker run -v data:/app nginx',
		'docker run --mount type=volume,source=data,target=/data nginx',
		'it mounts at `/data`; the answer at `/app`'
	],
	[
		'docker run -v data:/app:ro nginx',
		'docker run --mount source=data,target=/app nginx',
		'it is writable; the answer is read-only'
	],
	['docker run -v data:/app nginx', 'docker run --tmpfs /app nginx', 'it makes a tmpfs; the answer a volume'],
	[
		'docker run -v data:/app nginx',
		'docker run -v logs:/app nginx',
		"its source is `logs`; the answer's is `data`"
	],
	[
		'docker compose -f a.yml up',
		'docker compose up -f a.yml',
		'`-f` is an option of `docker compose`, not of `docker compose up`: put it before `up`'
	],
	['docker compose -p shop up', 'docker compose up -p shop', 'put it before `up`'],
	[
		'docker compose --profile debug up',
		'docker compose up --profile debug',
		'`--profile` is an option of `docker compose`'
	],
	[
		'docker compose --project-name shop down',
		'docker compose down --project-name shop',
		'put it before `down`'
	],
	[
		'docker compose --env-file .env up',
		'docker compose up --env-file .env',
		'Compose refuses it as an unknown flag'
	]
];

describe('equivalent forms are graded as equal', () => {
	it.each(same)('%s ≡ %s', (expected, given) => {
		const r = checkCommand(expected, given);
		expect(r.issues).toEqual([]);
		expect(r.verdict).toBe('correct');
		// And the other way round.
		expect(checkCommand(given, expected).verdict).toBe('correct');
	});

	it.each(different)('%s vs %s: incorrect, saying how', (expected, given, phrase) => {
		const r = checkCommand(expected, given);
		expect(r.verdict).toBe('incorrect');
		expect(r.issues.map((i) => i.message).join(' | ')).toContain(phrase);
	});

	it('notes that only -v creates a missing host path for a bind mount', () => {
		const r = checkCommand(
			'docker run -v /srv/web:/app nginx',
			'docker run --mount type=bind,src=/srv/web,dst=/app nginx'
		);
		expect(r.verdict).toBe('correct');
		expect(r.notes.join(' ')).toContain('`-v` creates `/srv/web` on the host when it is missing');
	});

	it('keeps a subcommand’s own short flag (compose run -p publishes a port)', () => {
		expect(
			checkCommand('docker compose run -p 8080:80 web', 'docker compose run --publish 8080:80 web').verdict
		).toBe('correct');
	});

	it('leaves words that are not image references alone', () => {
		expect(readImage('${IMAGE}')).toBeNull();
		expect(readImage('Nginx')).toBeNull();
		expect(canonicalImage('localhost:5000/app')).toBe('localhost:5000/app:latest');
		expect(canonicalImage('nginx@sha256:abc123')).toBe('docker.io/library/nginx@sha256:abc123');
		expect(checkCommand('docker run $IMAGE', 'docker run nginx').verdict).toBe('incorrect');
	});
});

describe('equivalent images in config', () => {
	const rows: [string, string, string, 'correct' | 'incorrect', string][] = [
		['dockerfile', 'FROM alpine\nRUN apk add curl', 'FROM alpine:latest\nRUN apk add curl', 'correct', ''],
		['dockerfile', 'FROM node:20 AS build', 'from docker.io/library/node:20 as build', 'correct', ''],
		[
			'dockerfile',
			'FROM --platform=linux/amd64 alpine',
			'FROM --platform=linux/amd64 alpine:latest',
			'correct',
			''
		],
		[
			'dockerfile',
			'FROM alpine:3',
			'FROM alpine',
			'incorrect',
			'`alpine:3` pins tag 3; `alpine` uses latest'
		],
		['dockerfile', 'FROM alpine', 'FROM alpine:3', 'incorrect', '`alpine:3` pins tag 3'],
		['dockerfile', 'FROM scratch', 'FROM scratch', 'correct', ''],
		[
			'compose',
			'services:\n  web:\n    image: nginx\n',
			'services:\n  web:\n    image: nginx:latest\n',
			'correct',
			''
		],
		[
			'compose',
			'services:\n  web:\n    image: nginx:1.27\n',
			'services:\n  web:\n    image: nginx\n',
			'incorrect',
			'pins tag 1.27; `nginx` uses latest'
		]
	];
	it.each(rows)('%s: %j vs %j is %s', (kind, expected, given, verdict, phrase) => {
		const r = checkConfig(expected, given, kind as 'dockerfile' | 'compose');
		expect(r.verdict).toBe(verdict);
		expect(r.issues.map((i) => i.message).join(' | ')).toContain(phrase);
	});
});
