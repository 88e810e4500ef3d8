/*
 * Service Hall workbench: small enhancements on top of pages that work without them.
 * 1. A form marked data-busy shows "处理中…" on its buttons and takes no second click while the hall works.
 * 2. The loan calculator recomputes as the clerk types, from /calculator/quote (debounced).
 * 4. "/" anywhere but in a field puts the cursor in the start page's search (aria-keyshortcuts="/").
 * 5. Date fields (input[data-date]) take the Chinese way of writing a day, 2026-01-31, whatever the browser's language.
 * 6. The counter's withdrawal form shows the chosen type's parts and materials, and the rules' answer as the clerk types.
 */
(function () {
  'use strict';

  var busyMeta = document.querySelector('meta[name="busy-text"]');
  var busyText = busyMeta ? busyMeta.getAttribute('content') : '…';

  function buttonsOf(form) {
    return Array.prototype.slice.call(form.querySelectorAll('button[type="submit"], button:not([type])'));
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-busy')) {
      return;
    }
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
    form.setAttribute('aria-busy', 'true');
    buttonsOf(form).forEach(function (button) {
      button.setAttribute('data-label', button.textContent);
      button.textContent = busyText;
      button.classList.add('busy');
      button.disabled = true;
    });
  });

  // back to a page kept in the browser's cache: its forms are usable again
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('form[data-submitting="true"]'), function (form) {
      form.removeAttribute('data-submitting');
      form.removeAttribute('aria-busy');
      buttonsOf(form).forEach(function (button) {
        button.textContent = button.getAttribute('data-label') || button.textContent;
        button.classList.remove('busy');
        button.disabled = false;
      });
    });
  });

  var calculator = document.getElementById('calculator-form');
  if (!calculator || !window.fetch || !window.URLSearchParams || !window.FormData) {
    return;
  }

  var inputs = { amount: 'calc-amount', months: 'calc-months', annualRate: 'calc-annual-rate', method: 'calc-method' };
  var quote = document.getElementById('quote');
  var status = document.getElementById('calc-status');
  var failed = document.getElementById('calc-failed');
  var serverProblem = document.getElementById('calc-problem');
  var failedText = failed.textContent;
  var timer = null;
  var sequence = 0;

  function money(value) {
    if (value === null || value === undefined) {
      return '—';
    }
    return Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function errorElement(input) {
    var id = input.id + '-error';
    var element = document.getElementById(id);
    if (!element) {
      element = document.createElement('p');
      element.id = id;
      element.className = 'field-error';
      input.parentNode.appendChild(element);
    }
    return element;
  }

  function showErrors(errors) {
    Object.keys(inputs).forEach(function (field) {
      var input = document.getElementById(inputs[field]);
      var message = errors[field];
      var holder = input.parentNode;
      if (message) {
        var element = errorElement(input);
        element.textContent = message;
        element.hidden = false;
        holder.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', element.id);
      } else {
        var existing = document.getElementById(input.id + '-error');
        if (existing) {
          existing.hidden = true;
        }
        holder.classList.remove('invalid');
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    });
  }

  function showQuote(answer) {
    quote.setAttribute('data-method', answer.method);
    text('quote-monthly', money(answer.monthlyPayment));
    text('quote-first', money(answer.firstPayment));
    text('quote-last', money(answer.lastPayment));
    text('quote-interest', money(answer.totalInterest));
    text('quote-total', money(answer.totalPayment));
    text('quote-rate', String(Number(answer.annualRatePercent)));
    document.getElementById('quote-rate-in-force').hidden = !answer.rateInForce;
    var body = quote.querySelector('tbody');
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    answer.firstRows.forEach(function (line) {
      var row = document.createElement('tr');
      [String(line.period), line.dueDate, money(line.payment), money(line.principal), money(line.interest),
        money(line.remainingPrincipal)].forEach(function (value, index) {
        var cell = document.createElement('td');
        cell.textContent = value;
        if (index >= 2) {
          cell.className = 'money';
        }
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    quote.hidden = false;
  }

  function update() {
    var parameters = new URLSearchParams(new FormData(calculator));
    var mine = ++sequence;
    status.textContent = busyText;
    fetch(calculator.getAttribute('data-quote-url') + '?' + parameters.toString(), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (body) {
        return { ok: response.ok, body: body };
      });
    }).then(function (answer) {
      if (mine !== sequence) {
        return;
      }
      status.textContent = '';
      failed.hidden = true;
      if (serverProblem) {
        serverProblem.hidden = true;
      }
      if (answer.ok) {
        showErrors({});
        showQuote(answer.body);
        window.history.replaceState(null, '', '?' + parameters.toString());
      } else if (answer.body && answer.body.errors) {
        showErrors(answer.body.errors);
        quote.hidden = true;
      } else {
        failed.textContent = (answer.body && answer.body.problem) || failedText;
        failed.hidden = false;
        quote.hidden = true;
      }
    }).catch(function () {
      if (mine !== sequence) {
        return;
      }
      status.textContent = '';
      failed.textContent = failedText;
      failed.hidden = false;
    });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 300);
  }

  calculator.addEventListener('input', later);
  calculator.addEventListener('change', later);
}());

/*
 * 3. A select marked data-enter-submits sends its form on Enter, so a choice typed from the keyboard (its number)
 *    is checked in without reaching for the mouse.
 */
(function () {
  'use strict';

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key !== 'Enter' || !(target instanceof HTMLSelectElement) || !target.hasAttribute('data-enter-submits')
        || !target.form) {
      return;
    }
    event.preventDefault();
    if (typeof target.form.requestSubmit === 'function') {
      target.form.requestSubmit();
    }
    else {
      target.form.submit();
    }
  });
}());

/*
 * 4. The start page's search: "/" anywhere but in a field starts typing in it, with what was there selected; Enter
 *    sends the form (a GET: the search and the page stay in the address, for the back button and bookmarks).
 */
(function () {
  'use strict';

  var search = document.getElementById('search');
  if (!search) {
    return;
  }
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
        || (target instanceof HTMLElement && target.isContentEditable)) {
      return;
    }
    event.preventDefault();
    search.focus();
    search.select();
  });
}());

/*
 * 5. A date field is a text field (input[data-date], pattern yyyy-MM-dd), because Chrome draws <input type="date"> in
 *    the browser's own language (09/01/2026 in an American browser). Full-width digits and 2026/9/1 or 2026年9月1日
 *    become 2026-09-01 when the field is left; a day that does not exist is refused before sending, with the field's
 *    own message (data-date-message) rather than the browser's. The server checks again.
 */
(function () {
  'use strict';

  var DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
  var LOOSE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

  function isDay(text) {
    var parts = DAY.exec(text);
    if (!parts) {
      return false;
    }
    var year = Number(parts[1]);
    var month = Number(parts[2]) - 1;
    var day = Number(parts[3]);
    var date = new Date(Date.UTC(year, month, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day;
  }

  function tidy(input) {
    var text = input.value.replace(/[\uFF10-\uFF19]/g, function (digit) {
      return String.fromCharCode(digit.charCodeAt(0) - 0xFEE0);
    }).replace(/[\uFF0D\u2013\u2014]/g, '-').trim();
    var parts = LOOSE.exec(text);
    if (parts) {
      text = parts[1] + '-' + ('0' + parts[2]).slice(-2) + '-' + ('0' + parts[3]).slice(-2);
    }
    if (text !== input.value) {
      input.value = text;
    }
  }

  function check(input) {
    var text = input.value.trim();
    input.setCustomValidity(text === '' || isDay(text) ? '' : (input.getAttribute('data-date-message') || ' '));
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-date]'), function (input) {
    input.addEventListener('input', function () {
      check(input);
    });
    input.addEventListener('change', function () {
      tidy(input);
      check(input);
    });
    check(input);
  });
}());

/*
 * 6. The counter's withdrawal form (/withdrawals/new). Each part, paper and material says which types need it
 *    (data-types); the chosen type's are shown and sent, the others hidden and disabled (a disabled field is not sent).
 *    As the clerk types, the form is sent to /withdrawals/assessment (debounced, "正在核定…" meanwhile) and the answer,
 *    a part of the page made by the server, takes the panel's place; the field errors it carries go to their fields,
 *    for the fields the clerk has already been in. An answer overtaken by a later one is dropped.
 */
(function () {
  'use strict';

  var form = document.getElementById('withdrawal-form');
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData || !window.DOMParser) {
    return;
  }
  var type = document.getElementById('wd-type');
  var spouse = document.getElementById('wd-spouse-id');
  var idNumber = document.getElementById('wd-id-number');
  var cadre = document.getElementById('wd-female-cadre-field');
  var panel = document.getElementById('wd-assessment-panel');
  var answer = document.getElementById('wd-assessment');
  var status = document.getElementById('wd-assessment-status');
  var touched = {};
  var timer = null;
  var sequence = 0;

  function listed(element, chosen) {
    return chosen !== '' && (' ' + element.getAttribute('data-types') + ' ').indexOf(' ' + chosen + ' ') >= 0;
  }

  function followType() {
    var chosen = type.value;
    var option = type.options[type.selectedIndex];
    Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-part]'), function (part) {
      var shown = listed(part, chosen);
      part.hidden = !shown;
      part.disabled = !shown;
    });
    var withSpouse = spouse && !spouse.disabled && spouse.value.trim() !== '';
    Array.prototype.forEach.call(form.querySelectorAll('li[data-material]'), function (item) {
      var shown = listed(item, chosen) && (item.getAttribute('data-spouse') !== 'true' || withSpouse);
      item.hidden = !shown;
      item.querySelector('input').disabled = !shown;
    });
    var papers = document.getElementById('wd-papers');
    papers.hidden = !papers.querySelector('fieldset[data-part]:not([hidden])');
    document.getElementById('wd-claim-closing').hidden = !(option && option.getAttribute('data-closing') === 'true');
    document.getElementById('wd-materials-none').hidden = chosen !== '';
  }

  // 女干部 is a woman's question: a man's ID number (17th digit odd) hides it
  function followSex() {
    var value = idNumber.value.trim();
    var man = value.length === 18 && /^\d$/.test(value.charAt(16)) && Number(value.charAt(16)) % 2 === 1;
    cadre.hidden = man;
    if (man) {
      cadre.querySelector('input[type="checkbox"]').checked = false;
    }
  }

  function errorOf(holder, id) {
    var element = document.getElementById(id);
    if (!element) {
      element = document.createElement('p');
      element.id = id;
      element.className = 'field-error';
      holder.appendChild(element);
    }
    return element;
  }

  function showErrors(errors) {
    Array.prototype.forEach.call(form.querySelectorAll('[data-field]'), function (holder) {
      var field = holder.getAttribute('data-field');
      var input = holder.querySelector('input, select, textarea');
      if (!input) {
        return;
      }
      var id = input.id + '-error';
      if (errors[field] && touched[field]) {
        var element = errorOf(holder, id);
        element.textContent = errors[field];
        element.hidden = false;
        holder.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', id);
      } else {
        var existing = document.getElementById(id);
        if (existing) {
          existing.hidden = true;
        }
        holder.classList.remove('invalid');
        input.removeAttribute('aria-invalid');
        if (input.getAttribute('aria-describedby') === id) {
          input.removeAttribute('aria-describedby');
        }
      }
    });
  }

  function settle(text) {
    panel.removeAttribute('aria-busy');
    status.textContent = text;
  }

  function assess() {
    var mine = ++sequence;
    var body = new URLSearchParams(new FormData(form));
    panel.setAttribute('aria-busy', 'true');
    status.textContent = status.getAttribute('data-checking');
    fetch(form.getAttribute('data-assess-url'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { Accept: 'text/html' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.text();
    }).then(function (html) {
      if (mine !== sequence) {
        return;
      }
      var fragment = new DOMParser().parseFromString(html, 'text/html').getElementById('wd-assessment-answer');
      if (!fragment) {
        throw new Error('no answer');
      }
      var errors = {};
      Array.prototype.forEach.call(fragment.querySelectorAll('#wd-assessment-errors li'), function (item) {
        errors[item.getAttribute('data-field')] = item.textContent;
      });
      while (answer.firstChild) {
        answer.removeChild(answer.firstChild);
      }
      answer.appendChild(document.importNode(fragment, true));
      showErrors(errors);
      settle(status.getAttribute('data-checked'));
    }).catch(function () {
      if (mine === sequence) {
        settle(status.getAttribute('data-failed'));
      }
    });
  }

  function later() {
    window.clearTimeout(timer);
    panel.setAttribute('aria-busy', 'true');
    status.textContent = status.getAttribute('data-checking');
    timer = window.setTimeout(assess, 400);
  }

  function fieldOf(target) {
    var holder = target.closest ? target.closest('[data-field]') : null;
    return holder ? holder.getAttribute('data-field') : target.name;
  }

  // the checklist is the counter's, not the rules': ticking a material asks nothing
  function material(target) {
    return target.name && target.name.indexOf('materials[') === 0;
  }

  form.addEventListener('input', function (event) {
    touched[fieldOf(event.target)] = true;
    if (material(event.target)) {
      return;
    }
    if (event.target === spouse) {
      followType();
    }
    if (event.target === idNumber) {
      followSex();
    }
    later();
  });
  form.addEventListener('change', function (event) {
    touched[fieldOf(event.target)] = true;
    if (event.target === type) {
      followType();
      window.clearTimeout(timer);
      assess();
      return;
    }
    if (!material(event.target)) {
      later();
    }
  });
  form.addEventListener('focusout', function (event) {
    if (event.target.name) {
      touched[fieldOf(event.target)] = true;
    }
  });

  // shown again after a refused submission: what was typed is there, and so is the rules' answer
  Array.prototype.forEach.call(form.querySelectorAll('input[name], select[name]'), function (input) {
    if (input.type !== 'hidden' && input.value !== '' && (input.type !== 'checkbox' || input.checked)) {
      touched[fieldOf(input)] = true;
    }
  });
  followType();
  followSex();
  if (type.value !== '') {
    assess();
  }
}());
