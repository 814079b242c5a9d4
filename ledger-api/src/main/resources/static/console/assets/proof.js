// Recomputes an inclusion proof in the browser (WebCrypto SHA-256), trusting nothing the server
// computed: the leaf hash from the leaf input (RFC 6962 section 2.1: SHA-256(0x00 || input)), then
// the root from the audit path (RFC 9162 section 2.1.3.2), compared with the root hash that the
// signed checkpoint's third line states (C2SP tlog-checkpoint).
(function () {
  'use strict';
  var box = document.getElementById('proof');
  var out = document.getElementById('browser-check');
  if (!box || !out) { return; }
  function show(result, text) { out.dataset.result = result; out.textContent = text; out.className = 'badge ' + (result === 'verified' ? 'valid' : 'invalid'); }
  if (!window.crypto || !window.crypto.subtle) { show('unavailable', out.dataset.unavailable); return; }
  function bytes(b64) { var s = atob(b64), a = new Uint8Array(s.length); for (var i = 0; i < s.length; i++) { a[i] = s.charCodeAt(i); } return a; }
  function hash(prefix, parts) {
    var n = 1; parts.forEach(function (p) { n += p.length; });
    var all = new Uint8Array(n); all[0] = prefix; var at = 1;
    parts.forEach(function (p) { all.set(p, at); at += p.length; });
    return crypto.subtle.digest('SHA-256', all).then(function (d) { return new Uint8Array(d); });
  }
  function same(a, b) { if (a.length !== b.length) { return false; } for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } } return true; }
  var index = Number(box.dataset.leafIndex), size = Number(box.dataset.treeSize);
  var path = box.dataset.path ? box.dataset.path.split(' ').map(bytes) : [];
  var lines = box.dataset.note.split('\n');
  if (Number(lines[1]) !== size) { show('failed', out.dataset.failed + ' (size)'); return; }
  var root = bytes(lines[2]);
  var fn = index, sn = size - 1;
  hash(0, [bytes(box.dataset.leafInput)]).then(function (leaf) {
    if (!same(leaf, bytes(box.dataset.leafHash))) { show('failed', out.dataset.failed + ' (leaf hash)'); return null; }
    var r = Promise.resolve(leaf);
    path.forEach(function (p) {
      r = r.then(function (acc) {
        if (acc === null || sn === 0) { return null; }
        var step;
        if (fn % 2 === 1 || fn === sn) {
          step = hash(1, [p, acc]);
          while (fn % 2 === 0 && fn !== 0) { fn = fn / 2; sn = Math.floor(sn / 2); }
        } else {
          step = hash(1, [acc, p]);
        }
        fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
        return step;
      });
    });
    return r;
  }).then(function (computed) {
    if (computed === undefined) { return; }
    if (computed !== null && sn === 0 && same(computed, root)) { show('verified', out.dataset.verified); }
    else { show('failed', out.dataset.failed); }
  });
})();
