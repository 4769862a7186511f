// The article's table of contents and section anchors, built from the chapters' headings so
// that the headings are written once. Each chapter is a <section id> with one <h2 lang> per
// language; the contents list gets one link per chapter holding both titles.

/** Fills `list` (an <ol>) with a link to each section, in both languages. */
export function buildToc(list, sections) {
  const doc = list.ownerDocument;
  for (const section of sections) {
    const link = doc.createElement('a');
    link.href = `#${section.id}`;
    for (const heading of section.querySelectorAll(':scope > h2[lang]')) {
      const title = doc.createElement('span');
      title.lang = heading.lang;
      title.textContent = heading.textContent.trim();
      link.append(title);
    }
    const item = doc.createElement('li');
    item.append(link);
    list.append(item);
  }
}

/** Adds a "§" link to the section after every <h2> of each section. */
export function addAnchors(sections) {
  for (const section of sections) {
    for (const heading of section.querySelectorAll(':scope > h2[lang]')) {
      const anchor = heading.ownerDocument.createElement('a');
      anchor.className = 'anchor';
      anchor.href = `#${section.id}`;
      anchor.textContent = '§';
      anchor.setAttribute('aria-label', heading.lang === 'en' ? 'Link to this section' : '本節的連結');
      heading.append(' ', anchor);
    }
  }
}
