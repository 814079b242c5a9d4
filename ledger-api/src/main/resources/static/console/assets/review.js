// Signs a flag review in the supervisor's browser (docs/console.md): reads the PKCS#8 PEM key file
// the supervisor chooses (it is never sent), builds the statement the CLI's `ledger sign` would
// (docs/formats/envelope.md, docs/formats/statements.md section 3.9), signs DSSE v1 PAE with
// WebCrypto Ed25519 and posts the envelope to /console/flags/review with the CSRF token. The body
// is RFC 8785 canonical JSON by construction: members written in sorted order, strings with
// JSON.stringify (the ECMAScript serialization RFC 8785 adopts), the only number being v = 1.
// Where the browser has no Ed25519 the form stays hidden and the CLI command is the way.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form.browser-sign');
  if (!forms.length || !window.crypto || !window.crypto.subtle) { return; }
  var TYPE = 'application/vnd.examledger.statement+json';
  var SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
  var utf8 = new TextEncoder();
  function hex(buf) { return Array.prototype.map.call(new Uint8Array(buf), function (b) { return ('0' + b.toString(16)).slice(-2); }).join(''); }
  function b64(buf) { var s = ''; new Uint8Array(buf).forEach(function (b) { s += String.fromCharCode(b); }); return btoa(s); }
  function unb64url(t) { var s = atob(t.replace(/-/g, '+').replace(/_/g, '/')); var a = new Uint8Array(s.length); for (var i = 0; i < s.length; i++) { a[i] = s.charCodeAt(i); } return a; }
  function pem(text) {
    var m = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(text);
    if (!m) { throw new Error('not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)'); }
    return unb64url(m[1].replace(/\s+/g, ''));
  }
  function concat(parts) {
    var n = 0; parts.forEach(function (p) { n += p.length; });
    var all = new Uint8Array(n), at = 0;
    parts.forEach(function (p) { all.set(p, at); at += p.length; });
    return all;
  }
  function csrf() { var i = document.querySelector('input[name="_csrf"]'); return i ? i.value : ''; }
  function nonce() { var r = new Uint8Array(16); crypto.getRandomValues(r); return hex(r); }
  function payload(form) {
    var comment = form.querySelector('.comment').value.trim();
    if (form.querySelector('.review-type').value === 'flag.resolve/v1') {
      return '{"comment":' + JSON.stringify(comment) + ',"resolution":' + JSON.stringify(form.querySelector('.resolution').value) + '}';
    }
    return comment ? '{"comment":' + JSON.stringify(comment) + '}' : '{}';
  }
  function sign(form, keyText) {
    var pkcs8 = pem(keyText);
    return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']).then(function (key) {
      return crypto.subtle.exportKey('jwk', key).then(function (jwk) {
        var spki = concat([new Uint8Array(SPKI_PREFIX), unb64url(jwk.x)]);
        return crypto.subtle.digest('SHA-256', spki);
      }).then(function (digest) {
        var keyId = hex(digest);
        var body = '{"actor":' + JSON.stringify(form.dataset.actor) +
          ',"issuedAt":' + JSON.stringify(new Date().toISOString()) +
          ',"keyId":' + JSON.stringify(keyId) +
          ',"nonce":' + JSON.stringify(nonce()) +
          ',"payload":' + payload(form) +
          ',"subject":' + JSON.stringify(form.dataset.flagId) +
          ',"type":' + JSON.stringify(form.querySelector('.review-type').value) +
          ',"v":1}';
        var bodyBytes = utf8.encode(body);
        var pae = concat([utf8.encode('DSSEv1 ' + utf8.encode(TYPE).length + ' ' + TYPE + ' ' + bodyBytes.length + ' '), bodyBytes]);
        return crypto.subtle.sign({ name: 'Ed25519' }, key, pae).then(function (sig) {
          return JSON.stringify({ payload: b64(bodyBytes), payloadType: TYPE, signatures: [{ keyid: keyId, sig: b64(sig) }] });
        });
      });
    });
  }
  function wire(form) {
    var out = form.querySelector('.sign-result');
    var type = form.querySelector('.review-type'), resolution = form.querySelector('.resolution');
    function toggle() { resolution.hidden = type.value !== 'flag.resolve/v1'; }
    type.addEventListener('change', toggle); toggle();
    function show(result, text) { out.dataset.result = result; out.textContent = text; }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var file = form.querySelector('.key-file').files[0];
      if (!file) { show('failed', 'choose your key file'); return; }
      file.text().then(function (text) { return sign(form, text); }).then(function (envelope) {
        return fetch(form.action, {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf() },
          body: envelope
        });
      }).then(function (response) {
        return response.text().then(function (text) {
          if (response.ok) { show('submitted', response.status + ' ' + text); return; }
          var detail = text;
          try { detail = JSON.parse(text).detail || text; } catch (e) { /* not JSON */ }
          show('refused', response.status + ' ' + detail);
        });
      }).catch(function (e) { show('failed', String(e && e.message || e)); });
    });
  }
  // feature test: Ed25519 in WebCrypto (Chromium 113+, Firefox 129+, Safari 17+)
  crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign']).then(function () {
    forms.forEach(function (form) { form.hidden = false; wire(form); });
  }, function () { /* no Ed25519: the CLI command stays the way to review */ });
})();
