// Keeps a task list current without a reload: fetches its rows again every two seconds.
(function () {
  var body = document.querySelector('[data-rows-url]');
  if (!body) { return; }
  var url = body.getAttribute('data-rows-url');
  function refresh() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) { body.innerHTML = html; } })
      .catch(function () { /* the next round tries again */ })
      .finally(function () { setTimeout(refresh, 2000); });
  }
  setTimeout(refresh, 2000);
})();
