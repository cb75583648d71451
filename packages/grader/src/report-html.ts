import { answerText, isRows, questionProse, scoreMark } from './feedback.ts';
import { escapeHtml, htmlPage, markdownToHtml } from './html.ts';
import { topMisconception } from './item-analysis.ts';
import { num, type ReportJson } from './report.ts';
import type { StudentGrade } from './result.ts';
import type { Worksheet } from './worksheet.ts';

function fixed(x: number | null): string {
  return x === null ? '–' : x.toFixed(2);
}

function value(x: number | null): string {
  return x === null ? '' : String(x);
}

/** The histogram of totals as an inline SVG: one bar per bin, its count above it. */
function histogram(report: ReportJson): string {
  const bins = report.distribution.bins;
  const top = Math.max(1, ...bins.map((b) => b.count));
  const w = 40;
  const h = 160;
  const bars = bins
    .map((b, k) => {
      const bh = Math.round((b.count / top) * (h - 40));
      const x = 10 + k * w;
      return `<g data-testid="histogram-bin" data-from="${b.from}" data-to="${b.to}" data-count="${b.count}"><rect x="${x}" y="${h - 20 - bh}" width="${w - 6}" height="${bh}" fill="#4a78b5"><title>${b.from}–${b.to}: ${b.count}</title></rect><text x="${x + (w - 6) / 2}" y="${h - 24 - bh}" font-size="11" text-anchor="middle">${b.count}</text><text x="${x + (w - 6) / 2}" y="${h - 6}" font-size="10" text-anchor="middle">${b.from}</text></g>`;
    })
    .join('');
  return `<svg data-testid="histogram" role="img" aria-label="histogram of totals" width="${20 + bins.length * w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

/** A question's facility and discrimination as two horizontal bars. */
function questionBars(q: ReportJson['questions'][number]): string {
  const f = q.facility ?? 0;
  const d = q.discrimination ?? 0;
  const width = 200;
  const dw = Math.round(Math.abs(d) * (width / 2));
  const dx = d >= 0 ? 100 + width / 2 : 100 + width / 2 - dw;
  return `<svg data-testid="bars-${escapeHtml(q.id)}" width="${110 + width}" height="40" xmlns="http://www.w3.org/2000/svg"><text x="0" y="14" font-size="11">facility</text><rect x="100" y="4" width="${Math.round(f * width)}" height="12" fill="#3a8f5c"/><text x="0" y="34" font-size="11">discrimination</text><line x1="${100 + width / 2}" y1="20" x2="${100 + width / 2}" y2="40" stroke="#999"/><rect x="${dx}" y="24" width="${dw}" height="12" fill="${d >= 0 ? '#4a78b5' : '#b54a4a'}"/></svg>`;
}

function questionRow(q: ReportJson['questions'][number]): string {
  const top = topMisconception(q);
  const misconceptions = Object.entries(q.diagnoses)
    .filter(([code]) => code !== 'correct')
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `<li data-testid="diagnosis" data-code="${escapeHtml(code)}" data-count="${count}"><code>${escapeHtml(code)}</code>: ${count}</li>`)
    .join('');
  const id = escapeHtml(q.id);
  return `<tr data-testid="question-row" data-id="${id}">
<td>${id} <small>${escapeHtml(q.kind)}</small><br>${escapeHtml(q.title)}</td>
<td data-testid="mean" data-value="${q.mean}">${num(q.mean)} / ${num(q.max)}</td>
<td data-testid="facility" data-value="${value(q.facility)}">${fixed(q.facility)}</td>
<td data-testid="discrimination" data-value="${value(q.discrimination)}">${fixed(q.discrimination)}</td>
<td data-testid="answered" data-value="${q.answered}">${q.answered}</td>
<td data-testid="blank" data-value="${q.blank}">${q.blank}</td>
<td class="left">${questionBars(q)}</td>
<td class="left">${top ? `<strong>${escapeHtml(top.code)}</strong> (${top.count})` : 'none'}<ul class="codes">${misconceptions}</ul></td>
</tr>`;
}

function studentRow(report: ReportJson, s: ReportJson['students'][number]): string {
  const href = s.feedback.replace(/\.md$/, '.html');
  const cells = report.questions.map((q) => {
    const g = s.questions[q.id];
    return `<td>${g === undefined ? '–' : num(g.score)}</td>`;
  });
  const note = [s.error ? `${s.error.code}: ${s.error.message}` : '', s.overrides && s.overrides.length > 0 ? `${s.overrides.length} override(s)` : ''].filter(Boolean).join('; ');
  return `<tr data-testid="student-row"><td><a href="${escapeHtml(href)}">${escapeHtml(s.student)}</a></td><td>${escapeHtml(s.id ?? '')}</td>${cells.join('')}<td data-testid="total" data-value="${s.total}">${num(s.total)}</td><td class="warn">${escapeHtml(note)}</td></tr>`;
}

/**
 * The teacher's page `report.html`, built from `report.json` alone: the histogram of totals, one
 * row per question (mean, facility, discrimination with bars, misconceptions), the warnings and the
 * table of students linking to their feedback pages. Self-contained: inline SVG and style, no scripts.
 */
export function reportHtml(report: ReportJson): string {
  const d = report.distribution;
  const warnings = report.warnings.map((w) => `<li data-testid="warning" data-code="${escapeHtml(w.code)}"><code>${escapeHtml(w.code)}</code> ${escapeHtml(w.file)} ${escapeHtml(w.message)}</li>`).join('');
  const body = `<h1>${escapeHtml(report.title)}</h1>
<p>Worksheet <code>${escapeHtml(report.worksheet)}</code>, ${report.students.length} student(s), ${d.n} graded.
Mean <span data-testid="class-mean" data-value="${d.mean}">${num(d.mean)}</span> / ${num(report.max)},
median <span data-testid="class-median" data-value="${d.median}">${num(d.median)}</span>,
sd <span data-testid="class-sd" data-value="${d.sd}">${num(d.sd)}</span>,
Cronbach's alpha <span data-testid="alpha" data-value="${value(report.alpha)}">${fixed(report.alpha)}</span>.</p>
<h2>Totals</h2>
${histogram(report)}
<h2>Questions</h2>
<table data-testid="questions"><thead><tr><th>question</th><th>mean</th><th>facility</th><th>discrimination</th><th>answered</th><th>blank</th><th>bars</th><th>misconceptions</th></tr></thead>
<tbody>${report.questions.map(questionRow).join('\n')}</tbody></table>
${warnings === '' ? '' : `<h2>Warnings</h2><ul data-testid="warnings">${warnings}</ul>`}
<h2>Students</h2>
<table data-testid="students"><thead><tr><th>student</th><th>id</th>${report.questions.map((q) => `<th>${escapeHtml(q.id)}</th>`).join('')}<th>total</th><th>note</th></tr></thead>
<tbody>${report.students.map((s) => studentRow(report, s)).join('\n')}</tbody></table>`;
  return htmlPage(`${report.title}: class report`, body, 'td.left { text-align: left; } ul.codes { margin: 0.25rem 0 0; padding-left: 1rem; font-size: 0.85rem; }');
}

function answerHtml(value: unknown): string {
  if (value === undefined || value === null || value === '') return '<p><em>(none)</em></p>';
  if (isRows(value)) {
    const rows = value.map((r) => `<tr>${r.map((x) => `<td>${escapeHtml(typeof x === 'string' ? x : String(x))}</td>`).join('')}</tr>`).join('');
    return `<table class="matrix" data-testid="answer-matrix">${rows}</table>`;
  }
  return `<pre data-testid="answer">${escapeHtml(answerText(value))}</pre>`;
}

/** One student's feedback page (HTML): like the Markdown note, each question's prose, the answer as given (matrices as tables), the score and the feedback. */
export function feedbackHtml(worksheet: Worksheet, grade: StudentGrade): string {
  const parts = [`<h1>${escapeHtml(worksheet.title)}: feedback for ${escapeHtml(grade.student)}</h1>`, `<p>Score: <strong data-testid="score">${num(grade.total)} / ${num(grade.max)}</strong></p>`];
  if (grade.error) parts.push(`<p class="warn">Your submission could not be graded: ${escapeHtml(grade.error.message)}.</p>`);
  if (grade.unknownKeys && grade.unknownKeys.length > 0) parts.push(`<p class="warn">These answer keys match no question and were not graded: ${grade.unknownKeys.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ')}.</p>`);
  for (const o of grade.overrides ?? []) parts.push(`<p>Override: ${escapeHtml(o.question)} set to ${num(o.to)} by your teacher (was ${num(o.from)})${o.comment === '' ? '' : `: ${escapeHtml(o.comment)}`}.</p>`);
  const byId = new Map(grade.questions.map((q) => [q.id, q]));
  for (const question of worksheet.questions) {
    const q = byId.get(question.id);
    if (!q) continue;
    parts.push(`<section data-testid="question" data-id="${escapeHtml(q.id)}"><h2>${scoreMark(q.score, q.max)} ${escapeHtml(question.title)} (${escapeHtml(q.id)}: ${num(q.score)} / ${num(q.max)})</h2>
${markdownToHtml(questionProse(question))}
<h3>Your answer</h3>
${answerHtml(grade.answers?.[question.id])}
<p>Score: ${num(q.score)} / ${num(q.max)}</p>
<ul>${q.diagnoses.map((d) => `<li>${escapeHtml(d.message)}${d.code === 'correct' ? '' : ` <em>(${escapeHtml(d.code)})</em>`}</li>`).join('')}</ul></section>`);
  }
  return htmlPage(`${worksheet.title}: ${grade.student}`, parts.join('\n'));
}
