/* Who is signed in (GET /v1/me) and what their roles let them do; whether the page runs on the local stack. */
var me = null;
var local = false;

export function signedInAs() { return me; }
export function setSignedInAs(who) { me = who; }
export function isLocal() { return local; }
export function setLocal(value) { local = value; }

function has(role) { return !!(me && me.roles && me.roles.indexOf(role) >= 0); }
export function isAdmin() { return has('admin'); }
export function canOperate() { return has('admin') || has('officer'); }
