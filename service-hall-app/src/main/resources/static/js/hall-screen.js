// 叫号屏: asks for the board every two seconds with the ETag it last got (304: nothing changed) and redraws the calls
// in place; never reloads the page. Texts come from the page (data-*), so the screen speaks the page's language.
(function () {
  'use strict';
  var body = document.body;
  var boardUrl = body.dataset.board;
  var etag = null;

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    element.textContent = content;
    return element;
  }

  function windowText(number) {
    return body.dataset.window.replace('{0}', String(number));
  }

  function draw(board) {
    document.getElementById('screen-waiting').textContent = String(board.waiting);
    var current = document.getElementById('screen-current');
    current.replaceChildren();
    if (board.calls.length === 0) {
      current.appendChild(text('p', null, body.dataset.none));
    } else {
      var latest = board.calls[0];
      var line = document.createElement('p');
      line.appendChild(text('span', 'please', body.dataset.please));
      line.appendChild(text('span', 'number', latest.number));
      line.appendChild(text('span', 'window', windowText(latest.window)));
      current.appendChild(line);
    }
    var recent = document.getElementById('screen-recent');
    recent.replaceChildren();
    board.calls.slice(1).forEach(function (call) {
      var item = document.createElement('li');
      item.appendChild(text('span', 'number', call.number));
      item.appendChild(text('span', 'window', windowText(call.window)));
      recent.appendChild(item);
    });
  }

  function poll() {
    var headers = etag ? { 'If-None-Match': etag } : {};
    fetch(boardUrl, { headers: headers, cache: 'no-store', credentials: 'omit' })
      .then(function (response) {
        document.getElementById('screen-offline').hidden = true;
        if (response.status === 304) { return null; }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        etag = response.headers.get('ETag');
        return response.json();
      })
      .then(function (board) { if (board) { draw(board); } })
      .catch(function () { document.getElementById('screen-offline').hidden = false; })
      .finally(function () { window.setTimeout(poll, 2000); });
  }

  poll();
}());
