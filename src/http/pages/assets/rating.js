/* global document, window */
/**
 * Progressive enhancement of the citizen rating pages (/danh-gia, /r/<token>), issue 4. The
 * pages work the same without this file (plain form posts, the server checks everything);
 * with it: large face buttons that show the chosen level, a check that a level is chosen
 * (announced through an aria-live region), the verification code in capitals, a count of
 * the characters left in the comment, and a "sending…" state that stops a double submit.
 * No framework, no inline script (served from a file so a strict CSP keeps working); every
 * text comes from the page's data-* attributes, in the page's language.
 */
(function () {
  'use strict';

  /** The text of a data-* message, with {n} replaced. */
  function message(form, name, n) {
    var text = form.getAttribute('data-msg-' + name) || '';
    return n === undefined ? text : text.replace('{n}', String(n));
  }

  /** Capitals and no spaces around, as the server reads the code (it also accepts any case). */
  function upperCaseInputs(form) {
    var inputs = form.querySelectorAll('input[data-uppercase]');
    Array.prototype.forEach.call(inputs, function (input) {
      input.addEventListener('input', function () {
        var start = input.selectionStart;
        var end = input.selectionEnd;
        var upper = input.value.toUpperCase();
        if (upper !== input.value) {
          input.value = upper;
          if (start !== null && end !== null) input.setSelectionRange(start, end);
        }
      });
    });
  }

  function trimInputs(form) {
    var inputs = form.querySelectorAll('input[type=text], input[type=tel], input[type=email]');
    Array.prototype.forEach.call(inputs, function (input) {
      input.value = input.value.trim();
    });
  }

  /** One submit only: the button says "sending…" and further submits are ignored. */
  function sending(form) {
    var button = form.querySelector('button[type=submit]');
    var label = button ? button.textContent : '';
    form.addEventListener('submit', function (event) {
      if (event.defaultPrevented) return;
      if (form.getAttribute('data-sending') === 'true') {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-sending', 'true');
      form.setAttribute('aria-busy', 'true');
      if (button) {
        button.textContent = message(form, 'sending');
        button.setAttribute('aria-disabled', 'true');
        button.classList.add('busy');
      }
    });
    // Back from the next page (bfcache): the form can be used again.
    window.addEventListener('pageshow', function () {
      form.removeAttribute('data-sending');
      form.removeAttribute('aria-busy');
      if (button) {
        button.textContent = label;
        button.removeAttribute('aria-disabled');
        button.classList.remove('busy');
      }
    });
  }

  /** Large face buttons: the radios stay (keyboard and screen readers), the tiles show the choice. */
  function faces(form) {
    var group = form.querySelector('fieldset.faces');
    if (!group) return null;
    group.classList.add('enhanced');
    var radios = group.querySelectorAll('input[type=radio]');
    function show() {
      Array.prototype.forEach.call(radios, function (radio) {
        var label = radio.closest('label');
        if (label) label.classList.toggle('selected', radio.checked);
      });
    }
    Array.prototype.forEach.call(radios, function (radio) {
      radio.addEventListener('change', show);
    });
    show();
    return { group: group, radios: radios };
  }

  /** The satisfaction level is required: say so where it is asked, instead of the browser bubble. */
  function requireLevel(form, level) {
    var live = form.querySelector('[data-live]');
    if (!level || !live) return;
    // The script checks first (with a message read by screen readers); the server checks again.
    form.noValidate = true;
    function chosen() {
      return Array.prototype.some.call(level.radios, function (radio) {
        return radio.checked;
      });
    }
    form.addEventListener('submit', function (event) {
      if (chosen()) return;
      event.preventDefault();
      live.textContent = message(form, 'level');
      live.classList.add('error');
      level.group.setAttribute('aria-invalid', 'true');
      level.radios[0].focus();
    });
    level.group.addEventListener('change', function () {
      live.textContent = '';
      live.classList.remove('error');
      level.group.removeAttribute('aria-invalid');
    });
  }

  /** "N characters left" under the comment (read on focus through aria-describedby). */
  function counter(form) {
    var comment = form.querySelector('textarea[maxlength]');
    var output = form.querySelector('[data-counter]');
    if (!comment || !output) return;
    var max = Number(comment.getAttribute('maxlength'));
    function update() {
      output.textContent = message(form, 'remaining', max - comment.value.length);
    }
    comment.addEventListener('input', update);
    update();
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-enhance]'), function (form) {
    upperCaseInputs(form);
    requireLevel(form, faces(form));
    counter(form);
    form.addEventListener('submit', function (event) {
      if (!event.defaultPrevented) trimInputs(form);
    });
    sending(form);
  });
})();
