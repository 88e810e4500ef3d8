// 开发企业网上申请: each material's upload sent with its progress shown (a <progress> and words for screen readers);
// the page then shows the file in the checklist. Without this script the form posts and the page comes back.
(function () {
  'use strict';
  document.querySelectorAll('form.upload-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      if (!window.FormData || !input || !input.files.length) {
        return;
      }
      event.preventDefault();
      var bar = form.querySelector('progress');
      var status = form.querySelector('.upload-status');
      var button = form.querySelector('button');
      var csrf = form.querySelector('input[name=_csrf]');
      var data = new FormData(form);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('X-Upload', 'progress');
      xhr.setRequestHeader('Accept', 'application/json');
      if (csrf) {
        xhr.setRequestHeader('X-CSRF-TOKEN', csrf.value);
      }
      bar.hidden = false;
      bar.value = 0;
      button.disabled = true;
      form.setAttribute('aria-busy', 'true');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(100 * e.loaded / e.total);
          status.textContent = bar.value + '%';
        }
      });
      xhr.addEventListener('load', function () {
        form.removeAttribute('aria-busy');
        button.disabled = false;
        var answer = {};
        try { answer = JSON.parse(xhr.responseText); } catch (ignored) { }
        if (xhr.status >= 200 && xhr.status < 300) {
          bar.value = 100;
          status.textContent = '100%';
          form.setAttribute('data-uploaded', 'true');
          window.location.reload();
        } else {
          bar.hidden = true;
          status.setAttribute('role', 'alert');
          status.className = 'upload-status problem';
          status.textContent = answer.problem || xhr.statusText;
          input.focus();
        }
      });
      xhr.addEventListener('error', function () {
        form.removeAttribute('aria-busy');
        button.disabled = false;
        bar.hidden = true;
        form.submit();
      });
      xhr.send(data);
    });
  });
}());
