// Stands in for the company's backend call that signs the signed-in customer's identity.
(function () {
  function identify(token) {
    var hg = window.HelpdeskGamify;
    if (hg && typeof hg.identify === 'function') {
      hg.identify(token).catch(function () { /* the widget reports errors itself */ });
    } else {
      setTimeout(function () { identify(token); }, 100);
    }
  }
  fetch('/demo/identity').then(function (r) { return r.ok ? r.json() : null; }).then(function (body) {
    if (body && body.identityToken) identify(body.identityToken);
  }).catch(function () { /* demo backend down: the widget stays anonymous */ });
})();
