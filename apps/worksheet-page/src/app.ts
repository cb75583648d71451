import { variantKey, instantiateMatrix, rosterIdHash, type QuestionGrade } from '@odot/grader';
import { formatRational } from '@odot/numeric';
import { assertNever, nameTable, type NameTable } from '@odot/core';
import { emptyAnswer, responseText, restoreAnswer, submissionValue, verdictParts, type AnswerState } from './answers.ts';
import { checkCertificate, checkExpression, checkGrid, checkProof, checkReason, checkShapeText, checkTruth, checkVerdict, type LiveCheck } from './checks.ts';
import { h, renderMarkdown, renderMath } from './dom.ts';
import { splitIntro } from './markdown.ts';
import { proofEditor, symbolInput } from './inputs.ts';
import { matrixGrid } from './matrix-grid.ts';
import type { PageData, PageQuestion } from './page-types.ts';
import { scormValues, type Scorm12Api } from './scorm.ts';
import { loadSaved, saveAnswers, clearSaved, lastId, rememberId } from './storage.ts';
import { submissionFileName, submissionYaml } from './submission-yaml.ts';

/** What a worked answer looks like on the page. */
export interface WorkedAnswer {
  readonly text: string;
  readonly latex?: string;
}

/** Grading in the page (practice mode only; exam pages have none). */
export interface PageGrader {
  readonly grade: (question: PageQuestion, key: string, value: unknown) => QuestionGrade;
  readonly workedAnswer: (question: PageQuestion, key: string) => WorkedAnswer | undefined;
}

interface QuestionView {
  readonly question: PageQuestion;
  state: AnswerState;
  checked: boolean;
  readonly refresh: () => void;
}

function rowsLatex(rows: readonly (readonly string[])[]): string {
  return `\\begin{pmatrix}${rows.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
}

function showCheck(check: LiveCheck, status: HTMLElement, preview: HTMLElement): void {
  status.replaceChildren(...check.messages.map((m) => h('pre', { class: `msg ${m.level}` }, m.formatted ?? m.text)));
  status.dataset['level'] = check.level;
  if (check.latex) renderMath(preview, check.latex, true);
  else preview.replaceChildren();
}

/** The page of one student: built after the id is known. */
class StudentPage {
  private readonly views: QuestionView[] = [];
  private readonly total = h('p', { class: 'total', 'data-testid': 'total', role: 'status' });
  /** The catalogue's law names and aliases, for reading a typed law name as the grader does. */
  private readonly laws: NameTable;

  constructor(
    private readonly data: PageData,
    private readonly id: string,
    private readonly grader: PageGrader | undefined,
    private readonly scorm: Scorm12Api | undefined,
    private readonly restored: Record<string, unknown> | undefined,
  ) {
    this.laws = nameTable(data.laws, data.lawAliases ?? {});
  }

  private get key(): string {
    return variantKey({ id: this.id });
  }

  render(): HTMLElement {
    const saved = this.restored ?? loadSaved(this.data.worksheet, this.key).answers;
    const list = h('div', { class: 'questions' });
    const first = this.data.questions[0];
    const { intro, question: firstPrompt } = splitIntro(first?.prompt ?? '');
    if (intro !== '') list.append(h('div', { class: 'prose intro' }, renderMarkdown(intro, 1)));
    for (const question of this.data.questions) {
      const shown = question === first ? { ...question, prompt: firstPrompt } : question;
      list.append(this.questionSection(shown, restoreAnswer(question, saved[question.id])));
    }
    const download = h('button', { type: 'button', 'data-testid': 'download' }, 'Download my answers');
    download.addEventListener('click', () => this.download());
    const clear = h('button', { type: 'button', class: 'secondary', 'data-testid': 'clear' }, 'Clear my answers');
    clear.addEventListener('click', () => {
      if (!window.confirm('Clear every answer on this page? This cannot be undone.')) return;
      clearSaved(this.data.worksheet, this.key);
      for (const view of this.views) {
        view.state = emptyAnswer(view.question);
        view.checked = false;
      }
      this.scormRecord();
      document.dispatchEvent(new CustomEvent('odot-restart'));
    });
    this.updateTotal();
    const footer = h('footer', { class: 'actions' }, this.total, download, ...(this.scorm ? [] : [clear]));
    return h('div', {}, list, footer);
  }

  private save(): void {
    const answers: Record<string, unknown> = {};
    for (const view of this.views) answers[view.question.id] = view.state;
    saveAnswers(this.data.worksheet, this.key, answers);
  }

  private givensBlock(question: PageQuestion): HTMLElement | undefined {
    if (question.matrices.length === 0) return undefined;
    const personal = question.matrices.some((m) => m.type === 'random');
    const math = h('div', { class: 'math' });
    const parts = question.matrices.map((given) => {
      const m = instantiateMatrix(given, this.data.seed, this.key, question.id);
      const rows = Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => formatRational(m.data[i * m.cols + j] ?? { num: 0n, den: 1n })));
      return `${given.name} = ${rowsLatex(rows)}`;
    });
    renderMath(math, parts.join(',\\quad '), true);
    return h('div', { class: 'givens' }, h('p', { class: 'label' }, personal ? 'Your matrices (personal to your id):' : 'The matrices:'), math);
  }

  private questionSection(question: PageQuestion, initial: AnswerState): HTMLElement {
    const qid = question.id;
    const preview = h('div', { class: 'preview', 'data-testid': `preview-${qid}`, 'aria-label': 'what odot understood' });
    const status = h('div', { class: 'live', role: 'status', 'aria-live': 'polite' });
    const score = h('span', { class: 'score', 'data-testid': `score-${qid}` }, this.grader ? `– / ${question.points}` : `${question.points} pt${question.points === 1 ? '' : 's'}`);
    const feedback = h('div', { class: 'feedback', 'data-testid': `feedback-${qid}`, role: 'status', 'aria-live': 'polite' });
    const view: QuestionView = { question, state: initial, checked: false, refresh: () => undefined };
    const inputs = this.answerInputs(view, () => {
      this.save();
      liveCheck();
      this.totalSoon();
    });
    const liveCheck = (): void => {
      const check = this.liveCheck(question, view.state);
      showCheck(check, status, preview);
      inputs.flag?.(check.messages.flatMap((m) => (m.line === undefined ? [] : [m.line])));
    };
    const check = h('button', { type: 'button', 'data-testid': `check-${qid}` }, 'Check');
    const worked = h('div', { class: 'worked' });
    check.addEventListener('click', () => {
      view.checked = true;
      this.showGrade(view, score, feedback, worked);
    });
    view.state = initial;
    liveCheck();
    this.views.push(view);
    const section = h('section', { class: 'question', 'data-testid': `question-${qid}`, id: `question-${qid}`, 'aria-labelledby': `title-${qid}` });
    const prose = h('div', { class: 'prose' });
    prose.append(renderMarkdown(question.prompt, 1));
    const heading = prose.querySelector('h2, h3');
    if (heading) heading.id = `title-${qid}`;
    else prose.prepend(h('h2', { id: `title-${qid}` }, question.title || qid));
    const givens = this.givensBlock(question);
    section.append(prose, ...(givens ? [givens] : []), inputs.root, preview, status, h('div', { class: 'check-row' }, check, score), feedback, worked);
    return section;
  }

  private liveCheck(question: PageQuestion, state: AnswerState): LiveCheck {
    switch (state.kind) {
      case 'matrix':
        return checkGrid(state.cells, question);
      case 'expression':
        return checkExpression(state.text, question);
      case 'shape':
        return checkShapeText(state.text);
      case 'proof':
        return checkProof(state.text, question, this.laws);
      case 'truefalse': {
        const parts = verdictParts(state.value, state.reason);
        const truth = checkTruth(parts.value);
        const reason = checkReason(parts.extra, this.laws);
        return { level: truth.level === 'error' ? 'error' : reason.level === 'warning' ? 'warning' : truth.level, messages: [...truth.messages, ...reason.messages], ...(truth.latex ? { latex: `${truth.latex}${reason.latex ? `\\;${reason.latex}` : ''}` } : {}) };
      }
      case 'psd': {
        const parts = verdictParts(state.value, state.certificate);
        const verdict = checkVerdict(parts.value);
        const cert = checkCertificate(parts.extra, question, this.laws);
        return { level: verdict.level === 'error' || cert.level === 'error' ? 'error' : verdict.level, messages: [...verdict.messages, ...cert.messages], ...(verdict.latex ? { latex: verdict.latex } : {}) };
      }
      default:
        return assertNever(state);
    }
  }

  private answerInputs(view: QuestionView, changed: () => void): { root: HTMLElement; flag?: (lines: readonly number[]) => void } {
    const qid = view.question.id;
    const label = (text: string, forId: string): HTMLLabelElement => h('label', { for: forId }, text);
    const state = view.state;
    const set = (next: AnswerState): void => {
      view.state = next;
      changed();
    };
    switch (state.kind) {
      case 'matrix':
        return {
          root: matrixGrid({
            qid,
            label: `Answer to ${qid}`,
            get: () => (view.state.kind === 'matrix' ? view.state.cells : []),
            set: (cells) => set({ kind: 'matrix', cells }),
          }),
        };
      case 'expression':
      case 'shape': {
        const kind = state.kind;
        const input = symbolInput({ id: `in-${qid}`, 'data-testid': `answer-${qid}`, placeholder: kind === 'shape' ? '2×3, 2x3 or undefined' : 'e.g. X ⊙ Yᵀ (type \\odot for ⊙)' }, state.text, (text) => set({ kind, text }));
        return { root: h('div', { class: 'field' }, label(kind === 'shape' ? 'Your shape' : 'Your expression', `in-${qid}`), input) };
      }
      case 'proof': {
        const editor = proofEditor({ id: `in-${qid}`, 'data-testid': `answer-${qid}`, placeholder: 'first line: the left side\n= next expression   by law_name' }, state.text, (text) => set({ kind: 'proof', text }));
        return { root: h('div', { class: 'field' }, label('Your proof (one step per line: = EXPR by LAW)', `in-${qid}`), editor.root), flag: editor.mark };
      }
      case 'truefalse': {
        const answer = symbolInput({ id: `in-${qid}`, 'data-testid': `answer-${qid}`, list: 'odot-truth', placeholder: 'true or false' }, state.value, (value) => set({ ...(view.state as { kind: 'truefalse'; reason: string }), kind: 'truefalse', value }));
        const reason = symbolInput({ id: `reason-in-${qid}`, 'data-testid': `reason-${qid}`, list: 'odot-laws', placeholder: 'law name, e.g. hadamard_comm' }, state.reason, (text) => set({ ...(view.state as { kind: 'truefalse'; value: string }), kind: 'truefalse', reason: text }));
        return { root: h('div', { class: 'field' }, label('True or false?', `in-${qid}`), answer, label(`Reason: the law's name${view.question.wantsReason ? '' : ' (optional)'}`, `reason-in-${qid}`), reason) };
      }
      case 'psd': {
        const answer = symbolInput({ id: `in-${qid}`, 'data-testid': `answer-${qid}`, list: 'odot-verdict', placeholder: 'yes or no' }, state.value, (value) => set({ ...(view.state as { kind: 'psd'; certificate: string }), kind: 'psd', value }));
        const cert = symbolInput({ id: `cert-in-${qid}`, 'data-testid': `certificate-${qid}`, list: 'odot-laws', placeholder: 'schur, a factor L, or a vector x' }, state.certificate, (text) => set({ ...(view.state as { kind: 'psd'; value: string }), kind: 'psd', certificate: text }));
        return { root: h('div', { class: 'field' }, label('Positive semidefinite? (yes or no)', `in-${qid}`), answer, label(`Why: a theorem's name, a factor L, or a vector with xᵀMx < 0${view.question.wantsReason ? '' : ' (optional)'}`, `cert-in-${qid}`), cert) };
      }
      default:
        return assertNever(state);
    }
  }

  private showGrade(view: QuestionView, score: HTMLElement, feedback: HTMLElement, worked: HTMLElement): void {
    const question = view.question;
    if (!this.grader) {
      const check = this.liveCheck(question, view.state);
      const text =
        check.level === 'empty' ? 'No answer yet.' : check.level === 'error' ? 'This answer cannot be read yet: fix the problems shown above.' : 'Well-formed. It is graded after you hand in your answers.';
      feedback.replaceChildren(h('p', {}, text));
      return;
    }
    const grade = this.grader.grade(question, this.key, submissionValue(view.state));
    score.textContent = `${grade.score} / ${grade.max}`;
    score.dataset['result'] = grade.score >= grade.max ? 'correct' : grade.score > 0 ? 'partial' : 'wrong';
    feedback.replaceChildren(
      ...grade.diagnoses.map((d) =>
        h('div', { class: `diagnosis ${d.code}`, 'data-code': d.code }, h('p', {}, d.message), ...(d.cells && d.cells.length > 0 ? [h('ul', { class: 'cells' }, ...d.cells.map((c) => h('li', {}, `(${c.row},${c.col}): expected ${c.expected}, you wrote ${c.got}`)))] : [])),
      ),
    );
    this.markCells(question.id, grade);
    if (this.data.showAnswers && worked.childElementCount === 0) {
      const button = h('button', { type: 'button', class: 'secondary', 'data-testid': `show-answer-${question.id}` }, 'Show worked answer');
      button.addEventListener('click', () => {
        const answer = this.grader?.workedAnswer(question, this.key);
        if (!answer) return;
        const math = h('div', { class: 'math' });
        if (answer.latex) renderMath(math, answer.latex, true);
        worked.replaceChildren(h('p', { class: 'label' }, 'Worked answer:'), answer.latex ? math : h('pre', {}, answer.text));
      });
      worked.append(button);
    }
    this.updateTotal();
    this.scormRecord();
  }

  private markCells(qid: string, grade: QuestionGrade): void {
    const wrong = new Set(grade.diagnoses.flatMap((d) => (d.cells ?? []).map((c) => `${c.row}-${c.col}`)));
    document.querySelectorAll<HTMLInputElement>(`[data-testid^="cell-${qid}-"]`).forEach((cell) => {
      const at = `${Number(cell.dataset['r']) + 1}-${Number(cell.dataset['c']) + 1}`;
      if (wrong.has(at)) cell.setAttribute('aria-invalid', 'true');
      else cell.removeAttribute('aria-invalid');
    });
  }

  private grades(): { view: QuestionView; grade: QuestionGrade }[] {
    const grader = this.grader;
    if (!grader) return [];
    return this.views.map((view) => ({ view, grade: grader.grade(view.question, this.key, submissionValue(view.state)) }));
  }

  private totalTimer: ReturnType<typeof setTimeout> | undefined;

  /** Updates the total shortly after typing stops (grading every answer takes a moment). */
  private totalSoon(): void {
    if (!this.grader) return this.updateTotal();
    clearTimeout(this.totalTimer);
    this.totalTimer = setTimeout(() => this.updateTotal(), 150);
  }

  private updateTotal(): void {
    if (!this.grader) {
      const answered = this.views.filter((v) => submissionValue(v.state) !== undefined).length;
      this.total.textContent = `Answered ${answered} of ${this.views.length}`;
      return;
    }
    const sum = this.grades().reduce((s, g) => s + g.grade.score, 0);
    this.total.textContent = `Total: ${Math.round(sum * 100) / 100} / ${this.data.maxScore}`;
  }

  /** Records the attempt in the LMS (SCORM only): score, status, one interaction per question, suspend data. */
  scormRecord(): void {
    const api = this.scorm;
    if (!api) return;
    const recorded = this.grades().map(({ view, grade }) => ({ id: view.question.id, kind: view.question.kind, score: grade.score, max: grade.max, response: responseText(view.state) }));
    const answers: Record<string, unknown> = {};
    for (const view of this.views) if (submissionValue(view.state) !== undefined) answers[view.question.id] = view.state;
    for (const [element, value] of scormValues(this.data, recorded, JSON.stringify(answers))) api.LMSSetValue(element, value);
    api.LMSCommit('');
  }

  private download(): void {
    const answers: Record<string, unknown> = {};
    for (const view of this.views) answers[view.question.id] = submissionValue(view.state);
    const text = submissionYaml({ id: this.id, worksheet: this.data.worksheet, answers, pageVersion: this.data.version, timestamp: new Date().toISOString() });
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const a = h('a', { href: url, download: submissionFileName(this.id) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

function datalists(data: PageData): HTMLElement {
  const list = (id: string, values: readonly string[]): HTMLElement => h('datalist', { id }, ...values.map((v) => h('option', { value: v })));
  return h('div', { hidden: '' }, list('odot-laws', data.laws), list('odot-truth', ['true', 'false']), list('odot-verdict', ['yes', 'no']));
}

/** Where a SCORM attempt starts: the learner's id and the answers saved in `cmi.suspend_data`. */
export interface ScormStart {
  readonly api: Scorm12Api;
  readonly studentId: string;
  readonly answers: Record<string, unknown> | undefined;
}

/** Reads the learner and any saved attempt from the LMS (after `LMSInitialize`). */
export function startScorm(api: Scorm12Api): ScormStart {
  api.LMSInitialize('');
  const studentId = api.LMSGetValue('cmi.core.student_id');
  const suspend = api.LMSGetValue('cmi.suspend_data');
  let answers: Record<string, unknown> | undefined;
  if (suspend.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(suspend);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) answers = parsed as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  if (api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
  window.addEventListener('pagehide', () => {
    api.LMSCommit('');
    api.LMSFinish('');
  });
  return { api, studentId, answers };
}

/** Mounts the whole page into `root`: the id bar, then the student's questions. */
export function mountPage(root: HTMLElement, data: PageData, grader: PageGrader | undefined, scorm: ScormStart | undefined): void {
  const idInput = h('input', { type: 'text', id: 'student-id', 'data-testid': 'student-id', autocomplete: 'off', spellcheck: 'false', 'aria-required': 'true' });
  const start = h('button', { type: 'submit', 'data-testid': 'start' }, 'Start');
  const idError = h('p', { class: 'msg error', role: 'alert' });
  const form = h('form', { class: 'id-bar' }, h('label', { for: 'student-id' }, scorm ? 'Your learner id (from your LMS)' : 'Your student id'), h('div', { class: 'row' }, idInput, start), idError);
  const body = h('div', { class: 'student' });
  const modeNote = data.mode === 'exam'
    ? 'Exam: the page checks that each answer can be read and has the right shape. Download your answers and hand in the file.'
    : scorm ? 'Practice in your LMS: Check records your score.' : 'Practice: Check grades an answer exactly as odot grade does.';
  root.replaceChildren(h('header', {}, h('h1', {}, data.title), h('p', { class: 'mode' }, modeNote)), form, body, datalists(data));
  let restoredOnce = scorm?.answers;
  const begin = (id: string): void => {
    if (variantKey({ id }) === '') {
      idError.textContent = 'Type your student id first.';
      idInput.focus();
      return;
    }
    if (data.roster !== undefined && !data.roster.includes(rosterIdHash(id))) {
      idError.textContent = `The id '${id.trim()}' is not on this class's list. Check it (your teacher gave it to you) and try again.`;
      idInput.focus();
      return;
    }
    idError.textContent = '';
    rememberId(data.worksheet, id);
    const page = new StudentPage(data, id.trim(), grader, scorm?.api, restoredOnce);
    restoredOnce = undefined;
    body.replaceChildren(page.render());
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    begin(idInput.value);
  });
  document.addEventListener('odot-restart', () => begin(idInput.value));
  const known = scorm && scorm.studentId.trim() !== '' ? scorm.studentId : lastId(data.worksheet);
  if (scorm && scorm.studentId.trim() !== '') {
    // The LMS names the learner; an LMS that gives no id (a preview) lets the learner type one.
    idInput.readOnly = true;
    start.hidden = true;
  }
  if (known !== undefined && known.trim() !== '') {
    idInput.value = known;
    begin(known);
  }
}
