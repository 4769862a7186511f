// Copying a text to the clipboard: the asynchronous Clipboard API where the page may use it
// (a secure context, and an embedding frame that allows clipboard-write), otherwise a selected
// off-screen text area and document.execCommand('copy'), which older browsers and insecure
// origins still honour during a click.

/**
 * Copies `text`; resolves to whether it was copied.
 * @param {string} text
 * @param {Document} doc
 */
export async function copyText(text, doc) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.left = '-9999px';
    doc.body.append(area);
    area.select();
    try {
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
