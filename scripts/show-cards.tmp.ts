import { readFileSync } from 'node:fs';
import { parseReview } from '../src/lib/core/generate/errata';
import { generatePack } from '../src/lib/core/generate/index';
import { cardText } from '../src/lib/core/pack/browse';
const file = process.argv[2] ?? 'questions/sources/docker-guide.md';
const meta = JSON.parse(readFileSync('questions/docker-guide.meta.json', 'utf8'));
const review = parseReview(JSON.parse(readFileSync('questions/docker-guide.review.json', 'utf8')));
const r = generatePack(readFileSync(file, 'utf8'), meta, file.includes('docker') && review.ok ? review.value : {});
if (!r.ok) { console.log(r.errors); process.exit(1); }
const kind = process.argv[3];
for (const c of r.value.pack.cards) {
  if (kind && c.kind !== kind) continue;
  const { question, answer } = cardText(c);
  const extra = c.kind === 'mcq' ? ' | reasons: ' + (c.reasons ?? []).join(' / ') : c.kind === 'domc' ? ' | ' + c.options.map(o => o.why).join(' / ') : '';
  console.log(`[${c.kind}] ${question}\n    => ${answer}\n    why: ${c.why}${extra}${c.correction ? '\n    NOTE: ' + c.correction.why : ''}`);
}
