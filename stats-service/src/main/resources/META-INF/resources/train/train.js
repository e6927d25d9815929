'use strict';
// The training page: pick a program or an exercise, read how to do it (and which statements are
// Footing's own advice), see today's target from guidance with its reason, log each set with one
// tap, finish the session, and see the new target. Sets go to session-service with the signed-in
// user's token; stats-service (this page's origin) answers guidance; the catalog is public.

const state = {
  self: null, services: null, programs: [], exercises: [], follows: [], program: null, exercise: null,
  target: null, guidanceBefore: {}, session: null, logged: [], trained: new Map(), side: 'LEFT', pain: null,
  hold: null, finished: 0,
};
window.footingTrain = state; // lets browser tests read what the page knows (no tokens in here)

const $ = (id) => document.getElementById(id);
const { getJson, sendJson, escapeHtml, HttpError } = Footing;
const GUIDANCE_WAIT_MS = 20_000;

const stats = (path) => `/api/users/${encodeURIComponent(state.self)}${path}`;
const catalog = (path) => `${state.services.catalog}${path}`;
const sessions = (path) => `${state.services.session}${path}`;

function showMessage(text, kind = '') {
  $('message').textContent = text;
  $('message').className = `message ${kind}`;
  $('message').hidden = false;
}

/** Reading the catalog needs no token: plain fetch, as any visitor would. */
async function publicJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new HttpError(response.status, `${url} answered ${response.status}`);
  }
  return response.json();
}

function newId() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Choosing what to train

async function loadChoices() {
  const [programs, exercises, follows] = await Promise.all([
    publicJson(catalog('/api/programs?size=100')),
    publicJson(catalog('/api/exercises?size=100')),
    getJson(stats('/programs')),
  ]);
  state.programs = programs.items;
  state.exercises = exercises.items;
  state.follows = follows.items;
  $('program-select').insertAdjacentHTML('beforeend', state.programs
    .map((p) => `<option value="${escapeHtml(p.slug)}">${escapeHtml(p.name)}</option>`).join(''));
  $('exercise-select').insertAdjacentHTML('beforeend', state.exercises
    .map((e) => `<option value="${escapeHtml(e.slug)}">${escapeHtml(e.name)}</option>`).join(''));
}

async function pickProgram(slug) {
  state.program = state.programs.find((p) => p.slug === slug) || null;
  $('program-select').value = state.program ? slug : '';
  $('program-items').hidden = !state.program;
  $('program-info').hidden = !state.program;
  $('follow-row').hidden = !state.program;
  if (!state.program) {
    return;
  }
  $('program-info').textContent = `${state.program.goal} ${state.program.frequency || ''}`;
  showFollow();
  renderProgramItems();
  const first = state.program.items.find((i) => !state.trained.has(i.exercise.slug)) || state.program.items[0];
  if (first) {
    await pickExercise(first.exercise.slug);
  }
}

function renderProgramItems() {
  if (!state.program) {
    return;
  }
  const current = state.exercise && state.exercise.slug;
  $('program-items').innerHTML = state.program.items.map((i) => {
    const sets = state.trained.get(i.exercise.slug);
    return `<li><button type="button" data-exercise="${escapeHtml(i.exercise.slug)}"
      aria-current="${i.exercise.slug === current}">${escapeHtml(i.exercise.name)}
      ${sets ? `<span class="done">✓ ${sets} set${sets > 1 ? 's' : ''}</span>` : ''}</button></li>`;
  }).join('');
}

function showFollow() {
  const follow = state.follows.find((f) => f.program.slug === state.program.slug);
  $('follow').hidden = Boolean(follow);
  $('follow-state').textContent = follow
    ? `You follow it: ${follow.sessionsPerWeek} session${follow.sessionsPerWeek > 1 ? 's' : ''} a week, since ${follow.since}.`
    : 'Follow it to see your weeks on plan on the dashboard.';
}

async function followProgram() {
  const follow = await sendJson('PUT', stats(`/programs/${encodeURIComponent(state.program.slug)}`), {});
  state.follows = state.follows.filter((f) => f.program.slug !== follow.program.slug).concat([follow]);
  showFollow();
}

// ---------------------------------------------------------------------------------------------
// One exercise: how to do it, and today's target

async function pickExercise(slug) {
  $('exercise-select').value = slug;
  const [exercise, guidance] = await Promise.all([
    publicJson(catalog(`/api/exercises/${encodeURIComponent(slug)}`)),
    guidanceOf(slug),
  ]);
  state.exercise = exercise;
  state.guidanceBefore[slug] = guidance ? guidance.basedOn.sessions : 0;
  showExercise(exercise);
  showTarget(exercise, guidance);
  renderProgramItems();
  $('exercise').hidden = false;
  $('today').hidden = false;
  $('finish-panel').hidden = false;
}

/** The user's guidance for the exercise, or null when they never trained it (404). */
async function guidanceOf(slug) {
  try {
    return await getJson(stats(`/guidance/${encodeURIComponent(slug)}`));
  } catch (e) {
    if (e.status === 404) {
      return null;
    }
    throw e;
  }
}

/** Whether a JSON Pointer of ownAdvice marks this statement (a pointer marks everything beneath it). */
function ownAdvice(exercise, pointer) {
  return (exercise.ownAdvice || []).some((p) => p === '' || pointer === p || pointer.startsWith(`${p}/`));
}

function statementList(exercise, field) {
  return (exercise[field] || []).map((text, i) => `<li>${escapeHtml(text)}${ownAdvice(exercise, `/${field}/${i}`)
    ? '<span class="own-mark">Footing\'s advice</span>' : ''}</li>`).join('') || '<li class="muted">None given.</li>';
}

function showExercise(exercise) {
  $('exercise-name').textContent = exercise.name;
  $('exercise-summary').innerHTML = escapeHtml(exercise.summary)
    + (ownAdvice(exercise, '/summary') ? '<span class="own-mark">Footing\'s advice</span>' : '');
  $('own-whole').hidden = !(exercise.ownAdvice || []).includes('');
  $('instructions').innerHTML = statementList(exercise, 'instructions');
  $('cautions').innerHTML = statementList(exercise, 'cautions');
  const note = exercise.prescription && exercise.prescription.note;
  $('exercise-source').innerHTML = [note ? escapeHtml(note)
    + (ownAdvice(exercise, '/prescription/note') ? '<span class="own-mark">Footing\'s advice</span>' : '') : '',
  exercise.source ? `Source: ${escapeHtml(exercise.source)}` : ''].filter(Boolean).join('<br>');
}

/** Where a first session starts: each ladder at its start, else the prescription. */
function startTarget(exercise) {
  const p = exercise.prescription || {};
  const ladder = (axis) => ((exercise.progression && exercise.progression.ladders) || []).find((l) => l.axis === axis);
  const pick = (axis, value) => (ladder(axis) ? ladder(axis).start : value);
  const duration = exercise.measurement === 'DURATION';
  return {
    exercise: exercise.slug, sets: pick('SETS', p.sets || 1),
    reps: duration ? null : pick('REPS', p.reps || 10), holdSeconds: duration ? pick('HOLD_SECONDS', p.holdSeconds || 30) : null,
    loadKg: 0, perSide: exercise.unilateral,
  };
}

function showTarget(exercise, guidance) {
  let target;
  let why;
  if (!guidance) {
    target = startTarget(exercise);
    why = 'Your first session of it: start at the beginning of the range.';
  } else if (guidance.next.exercise !== exercise.slug) {
    // Graduated (or fell back) to another variation: today's work is there.
    target = guidance.next;
    why = `${Footing.describeWhy(guidance)} Pick ${guidance.next.exercise} to train it.`;
  } else {
    target = guidance.next;
    why = Footing.describeWhy(guidance);
  }
  state.target = target;
  $('target-text').textContent = Footing.describeTarget(target)
    + (target.exercise !== exercise.slug ? ` of ${target.exercise}` : '');
  $('target-why').textContent = why;
  $('target-why').dataset.decision = guidance ? guidance.decision : 'START';

  const duration = exercise.measurement === 'DURATION';
  $('value-unit').textContent = duration ? 'seconds held' : 'reps';
  $('value').value = (duration ? target.holdSeconds : target.reps) || 1;
  $('hold-row').hidden = !duration;
  $('side-row').hidden = !exercise.unilateral;
  setSide('LEFT');
  const loaded = Boolean(exercise.progression && exercise.progression.load) || Number(target.loadKg) > 0
    || (exercise.equipment || []).some((e) => /WEIGHT|DUMBBELL|KETTLEBELL|LOAD/.test(e));
  $('load-row').hidden = !loaded;
  $('load').value = Number(target.loadKg || 0);
}

// ---------------------------------------------------------------------------------------------
// Logging sets

function setSide(side) {
  state.side = side;
  for (const button of document.querySelectorAll('#side-row button')) {
    button.setAttribute('aria-pressed', String(button.dataset.side === side));
  }
}

function renderPain() {
  $('pain').innerHTML = Array.from({ length: 11 }, (_, n) => `<button type="button" data-pain="${n}" id="pain-${n}"
    class="${n > 5 ? 'high' : ''}" aria-pressed="${state.pain === n}">${n}</button>`).join('');
}

function startHold() {
  const started = Date.now();
  $('hold-start').disabled = true;
  $('hold-stop').disabled = false;
  $('hold-seconds').textContent = '0';
  state.hold = setInterval(() => {
    $('hold-seconds').textContent = String(Math.floor((Date.now() - started) / 1000));
  }, 250);
  state.holdStarted = started;
}

/** Stopping the hold logs it: one tap per set. */
async function stopHold() {
  clearInterval(state.hold);
  const seconds = Math.max(1, Math.round((Date.now() - state.holdStarted) / 1000));
  $('hold-seconds').textContent = String(seconds);
  $('hold-start').disabled = false;
  $('hold-stop').disabled = true;
  $('value').value = seconds;
  await logSet();
}

async function logSet() {
  const exercise = state.exercise;
  const value = Number($('value').value);
  if (!Number.isInteger(value) || value < 1) {
    showMessage('Enter a whole number of at least 1.', 'error');
    return;
  }
  const set = {
    id: newId(), exerciseId: exercise.id, side: exercise.unilateral ? state.side : 'BOTH',
    completedAt: new Date().toISOString(), loadKg: Number($('load').value || 0),
  };
  set[exercise.measurement === 'DURATION' ? 'durationSeconds' : 'reps'] = value;
  if (state.pain !== null) {
    set.pain = state.pain;
  }
  $('log-set').disabled = true;
  try {
    if (!state.session) {
      const id = newId();
      const body = { id, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', startedAt: set.completedAt, sets: [set] };
      if (state.program) {
        body.programId = state.program.id;
      }
      await sendJson('POST', sessions('/api/sessions'), body);
      state.session = { id, programId: body.programId || null };
    } else {
      await sendJson('POST', sessions(`/api/sessions/${state.session.id}/sets`), set);
    }
    $('message').hidden = true;
  } catch (e) {
    showMessage(`The set was not logged: ${e.message}`, 'error');
    return;
  } finally {
    $('log-set').disabled = false;
  }
  state.logged.push({ ...set, exercise: exercise.slug });
  state.trained.set(exercise.slug, (state.trained.get(exercise.slug) || 0) + 1);
  const what = exercise.measurement === 'DURATION' ? `${value} s` : `${value} reps`;
  $('logged').insertAdjacentHTML('beforeend', `<li>${escapeHtml(exercise.name)}: ${what}${exercise.unilateral
    ? ` · ${set.side.toLowerCase()}` : ''}${set.loadKg ? ` · ${set.loadKg} kg` : ''}${set.pain != null ? ` · pain ${set.pain}` : ''}</li>`);
  // Unilateral work alternates legs: the next tap is the other side.
  if (exercise.unilateral) {
    setSide(state.side === 'LEFT' ? 'RIGHT' : 'LEFT');
  }
  renderProgramItems();
}

// ---------------------------------------------------------------------------------------------
// Finishing: complete the session, then wait for stats to count it and show the new targets

async function finish() {
  if (!state.session) {
    showMessage('Log a set first.', 'error');
    return;
  }
  $('finish').disabled = true;
  try {
    await Footing.authorizedFetch(sessions(`/api/sessions/${state.session.id}/complete`), { method: 'POST' })
      .then((r) => { if (!r.ok) { throw new HttpError(r.status); } });
  } catch (e) {
    $('finish').disabled = false;
    showMessage(`The session was not finished: ${e.message}`, 'error');
    return;
  }
  $('finish').hidden = true;
  $('today').hidden = true;
  $('done').hidden = false;
  const slugs = [...state.trained.keys()];
  $('done-text').textContent = `${state.logged.length} set${state.logged.length > 1 ? 's' : ''} of ${slugs.length} exercise${
    slugs.length > 1 ? 's' : ''} logged. Your next targets:`;
  $('next-targets').innerHTML = slugs.map((slug) => `<li data-exercise="${escapeHtml(slug)}">${escapeHtml(slug)}: counting…</li>`).join('');
  await Promise.all(slugs.map(showNextTarget));
  state.finished += 1;
}

/** Stats counts the session a moment later: ask until the guidance is based on one more session. */
async function showNextTarget(slug) {
  const item = $('next-targets').querySelector(`li[data-exercise="${CSS.escape(slug)}"]`);
  const deadline = Date.now() + GUIDANCE_WAIT_MS;
  let guidance = null;
  while (Date.now() < deadline) {
    guidance = await guidanceOf(slug).catch(() => null);
    if (guidance && guidance.basedOn.sessions > (state.guidanceBefore[slug] || 0)) {
      break;
    }
    guidance = null;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!guidance) {
    item.textContent = `${slug}: not counted yet; the dashboard shows it once it is.`;
    return;
  }
  item.dataset.decision = guidance.decision;
  item.innerHTML = `<strong>${escapeHtml(guidance.exercise.name)}</strong>:
    <span class="decision ${guidance.decision.toLowerCase()}">${Footing.DECISION_WORDS[guidance.decision]}</span>
    <span class="next-target">${escapeHtml(Footing.describeTarget(guidance.next))}${guidance.next.exercise !== slug
      ? ` of ${escapeHtml(guidance.next.exercise)}` : ''}</span>
    <br><span class="why">${escapeHtml(Footing.describeWhy(guidance))}</span>`;
}

function trainAgain() {
  state.session = null;
  state.logged = [];
  state.trained = new Map();
  $('logged').innerHTML = '';
  $('next-targets').innerHTML = '';
  $('done').hidden = true;
  $('finish').hidden = false;
  $('finish').disabled = false;
  if (state.program) {
    return pickProgram(state.program.slug);
  }
  return state.exercise ? pickExercise(state.exercise.slug) : null;
}

// ---------------------------------------------------------------------------------------------

function wire() {
  const guarded = (fn) => (event) => Promise.resolve(fn(event)).catch((e) => showMessage(e.message, 'error'));
  $('sign-out').addEventListener('click', () => Footing.signOut(`${location.origin}/train.html`));
  $('program-select').addEventListener('change', guarded((e) => pickProgram(e.target.value)));
  $('exercise-select').addEventListener('change', guarded((e) => e.target.value && pickExercise(e.target.value)));
  $('program-items').addEventListener('click', guarded((e) => {
    const button = e.target.closest('button[data-exercise]');
    return button && pickExercise(button.dataset.exercise);
  }));
  $('follow').addEventListener('click', guarded(followProgram));
  $('side-row').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-side]');
    if (button) {
      setSide(button.dataset.side);
    }
  });
  $('pain').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-pain]');
    if (button) {
      const pain = Number(button.dataset.pain);
      state.pain = state.pain === pain ? null : pain; // a second tap clears it
      renderPain();
    }
  });
  $('value-down').addEventListener('click', () => { $('value').value = Math.max(1, Number($('value').value) - 1); });
  $('value-up').addEventListener('click', () => { $('value').value = Number($('value').value) + 1; });
  $('hold-start').addEventListener('click', startHold);
  $('hold-stop').addEventListener('click', guarded(stopHold));
  $('log-set').addEventListener('click', guarded(logSet));
  $('finish').addEventListener('click', guarded(finish));
  $('again').addEventListener('click', guarded(trainAgain));
}

document.addEventListener('DOMContentLoaded', async () => {
  try {
    state.self = await Footing.signIn();
  } catch (e) {
    showMessage(`Could not sign in: ${e.message || e.error || 'the identity provider did not answer'}`, 'error');
    return;
  }
  $('signed-in-user').textContent = state.self;
  $('account').hidden = false;
  try {
    state.services = await (await fetch('/api/dashboard/services', { headers: { Accept: 'application/json' } })).json();
    await loadChoices();
  } catch (e) {
    showMessage(`Could not load the catalog: ${e.message}`, 'error');
    return;
  }
  wire();
  renderPain();
  $('message').hidden = true;
  $('train').hidden = false;
  // ?program= or ?exercise= opens one directly (a bookmark, a link from the dashboard).
  const params = new URLSearchParams(location.search);
  if (params.get('program')) {
    await pickProgram(params.get('program'));
  } else if (params.get('exercise')) {
    await pickExercise(params.get('exercise'));
  }
  state.ready = true;
});
