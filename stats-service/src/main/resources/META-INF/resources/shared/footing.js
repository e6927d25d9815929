'use strict';
// What the dashboard and the training page share: sign-in, authorized calls, and the words for
// guidance. Sign-in: keycloak-js (served by this app) runs Authorization Code + PKCE against the
// provider named by /api/dashboard/config. Tokens live only in that Keycloak object's memory: a
// reload signs in again through the provider's session. Every API call carries them as a Bearer
// header, never in a URL, so they stay out of access logs and browser history.

const Footing = (() => {
  const MIN_VALIDITY_SECONDS = 30;
  const REFRESH_EVERY_MS = 20_000;
  let keycloak = null; // not on window: nothing but these scripts needs the tokens
  const account = { self: null };

  /** An answer other than 2xx, with the problem's detail when the service sent one. */
  class HttpError extends Error {
    constructor(status, detail) {
      super(detail || `answered ${status}`);
      this.status = status;
    }
  }

  async function signIn() {
    const config = await fetch('/api/dashboard/config', { headers: { Accept: 'application/json' } });
    if (!config.ok) {
      const problem = await config.json().catch(() => ({}));
      throw new Error(problem.detail || `the sign-in settings answered ${config.status}`);
    }
    const { url, realm, clientId } = await config.json();
    keycloak = new Keycloak({ url, realm, clientId });
    // The provider's session survives a reload; our tokens do not (memory only), so no iframe polling.
    await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
    keycloak.onTokenExpired = () => freshToken().catch(() => {});
    setInterval(() => freshToken().catch(() => {}), REFRESH_EVERY_MS);
    account.self = keycloak.tokenParsed.preferred_username;
    return account.self;
  }

  /** A token valid for at least 30 more seconds; when the provider's session is over, sign in again. */
  async function freshToken() {
    try {
      await keycloak.updateToken(MIN_VALIDITY_SECONDS);
    } catch (e) {
      keycloak.login();
      throw new Error('your session ended: signing in again');
    }
    return keycloak.token;
  }

  function hasRole(role) {
    return keycloak.hasRealmRole(role);
  }

  async function authorizedFetch(url, options = {}) {
    const token = await freshToken();
    const headers = { ...(options.headers || {}), Authorization: `Bearer ${token}` };
    const response = await fetch(url, { ...options, headers, cache: 'no-store' });
    if (response.status === 401) {
      // The service rejected a token the provider still considers valid: start over at the provider.
      keycloak.login();
    }
    return response;
  }

  async function answerOf(response) {
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new HttpError(response.status, problem.detail);
    }
    return response.status === 204 ? null : response.json();
  }

  async function getJson(url) {
    return answerOf(await authorizedFetch(url, { headers: { Accept: 'application/json' } }));
  }

  async function sendJson(method, url, body) {
    return answerOf(await authorizedFetch(url, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }));
  }

  /**
   * Ends the provider's session by a form POST to its end-session endpoint. keycloak.logout() would
   * either put the ID token in the URL (GET) or, in keycloak-js 25, POST it with a cross-origin fetch
   * that carries no session cookie and so ends nothing.
   */
  function signOut(backTo) {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = keycloak.endpoints.logout();
    form.hidden = true;
    const fields = { client_id: keycloak.clientId, id_token_hint: keycloak.idToken, post_logout_redirect_uri: backTo };
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
    document.body.appendChild(form);
    // The tokens go with this page as it navigates away (keycloak.clearToken() would start a new sign-in).
    form.submit();
  }

  function escapeHtml(text) {
    const div = document.createElement('div');
    div.textContent = text == null ? '' : String(text);
    return div.innerHTML;
  }

  // -------------------------------------------------------------------------------------------
  // Guidance in words: the API gives a reason code and its numbers, the page words them.

  const kg = (n) => `${Number(n || 0).toLocaleString('en-US', { maximumFractionDigits: 2 })} kg`;

  /** "2 × 40 reps per leg + 5 kg" */
  function describeTarget(target) {
    if (!target) {
      return '';
    }
    const amount = target.holdSeconds != null && target.reps == null ? `${target.holdSeconds} s hold`
      : target.reps != null ? `${target.reps} reps${target.holdSeconds != null ? ` (${target.holdSeconds} s at the top)` : ''}`
        : 'as prescribed';
    const load = Number(target.loadKg || 0) > 0 ? ` + ${kg(target.loadKg)}` : '';
    return `${target.sets} × ${amount}${target.perSide ? ' per leg' : ''}${load}`;
  }

  const AXIS_WORDS = { REPS: 'reps', HOLD_SECONDS: 'seconds held', SETS: 'sets' };

  /** One sentence from the reason code and its numbers. */
  function describeWhy(item) {
    const why = item.why || {};
    const n = (name) => why[name];
    switch (why.code) {
      case 'TARGET_MET':
        return `Target met in ${n('sessions')} sessions in a row: ${AXIS_WORDS[n('axis')] || n('axis')} go from ${n('from')} to ${n('to')}.`;
      case 'TOP_OF_RANGE_REACHED': {
        const top = ['reps', 'holdSeconds', 'sets'].filter((k) => why[k] != null)
          .map((k) => (k === 'holdSeconds' ? `${why[k]} s` : `${why[k]} ${k}`)).join(', ');
        return `Top of the range (${top}) reached in ${n('sessions')} sessions in a row: move on to ${n('next')}.`;
      }
      case 'LOAD_STEP':
        return `Target met in ${n('sessions')} sessions in a row: the load goes from ${kg(n('fromKg'))} to ${kg(n('toKg'))}.`;
      case 'TARGET_NOT_MET':
        return `${n('sessionsMet')} of ${n('sessionsRequired')} sessions in a row on target so far: keep this target.`;
      case 'ONE_SIDE_SHORT':
        return `Your ${String(n('side')).toLowerCase()} side reached ${n('value')} of ${n('target')}: both sides need it before you move on.`;
      case 'PAIN_ABOVE_FIVE':
        return item.decision === 'REGRESS'
          ? `Pain above 5/10 (up to ${n('maxPain')}) in the last ${n('sessions')} sessions: step back.`
          : `Pain ${n('maxPain')}/10 in the last session, above the acceptable 5: hold, and step back if it happens again.`;
      case 'AT_CEILING':
        return 'At the top of the range and there is no harder form: keep it.';
      case 'NO_PROGRESSION':
        return 'This exercise has no progression rule: keep its prescription.';
      default:
        return why.code || '';
    }
  }

  const DECISION_WORDS = { PROGRESS: 'Progress', HOLD: 'Hold', REGRESS: 'Step back', GRADUATE: 'Harder variation' };

  return {
    account, HttpError, signIn, freshToken, hasRole, authorizedFetch, getJson, sendJson, signOut, escapeHtml,
    describeTarget, describeWhy, DECISION_WORDS,
  };
})();
