// Keeps the console's pages current without a reload.
(function () {
  // A task list: the server sends its rows again over server-sent events whenever they
  // change; EventSource reconnects by itself.
  var body = document.querySelector('[data-stream-url]');
  if (body && window.EventSource) {
    var stream = new EventSource(body.getAttribute('data-stream-url'));
    stream.addEventListener('rows', function (event) { body.innerHTML = event.data; });
    window.addEventListener('pagehide', function () { stream.close(); });
  }
  // A task page whose task still moves: its state, progress and timeline are fetched again
  // every two seconds (the buttons stay where they are); once it has finished, the page is
  // loaded again for its result and the buttons that now apply.
  var live = document.getElementById('task-live');
  function refreshTask() {
    fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('task-live');
        if (fresh) {
          live.innerHTML = fresh.innerHTML;
          if (!fresh.hasAttribute('data-live')) { live.removeAttribute('data-live'); location.reload(); }
        }
      })
      .catch(function () { /* the next round tries again */ })
      .finally(function () { if (live.hasAttribute('data-live')) { setTimeout(refreshTask, 2000); } });
  }
  if (live && live.hasAttribute('data-live')) { setTimeout(refreshTask, 2000); }
})();
