/**
 * What the playground injects into the served Sidebar.html: a `google.script.run` that POSTs each
 * call to the playground server, where the top-level function of dist/Code.js runs over the
 * emulated workbook. Arguments and results cross as JSON, as with HtmlService.
 */
export const SIDEBAR_SHIM = `<script>
(function () {
  function runner(ok, fail) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
        if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
        if (name === 'withUserObject') return function () { return runner(ok, fail); };
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (res) { return res.json(); })
            .then(function (body) {
              try { window.parent.postMessage({ type: 'tts-run', name: name }, location.origin); } catch (e) {}
              if ('error' in body) { if (fail) fail(new Error(body.error)); }
              else if (ok) ok(body.result);
            }, function (error) { if (fail) fail(error); });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
</script>`;

/** Sidebar.html with the shim as the first script of its head. */
export function withShim(sidebarHtml: string): string {
  return sidebarHtml.replace(/<head>/i, () => `<head>\n${SIDEBAR_SHIM}`);
}

/** A dialog's page (the Help dialog): no server calls, but *Close* closes the playground's dialog. */
export function withDialogShim(dialogHtml: string): string {
  const shim =
    '<script>window.google = { script: { run: {}, host: { close: function ' +
    '() { window.parent.postMessage({ type: "tts-close" }, "*"); }, editor: ' +
    '{ focus: function () {} } } } };</script>';
  return dialogHtml.replace(/<head>/i, () => `<head>\n${shim}`);
}
