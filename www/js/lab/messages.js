// The messages of a lab: at most one per topic (a bad link, a bad file, a failed job), each in
// plain words with what the figure does instead. Nothing is thrown at the reader or the console.
// A message is kept as written (a text, such as a core error, or a function of the words) and
// written again in the new language at a switch; a known topic gets its sentence around the text.

/**
 * createMessages(list, words) with words() -> the lab's words (strings.js). Returns { say, relabel }:
 * say(topic, message | null) shows, replaces or removes the message of a topic in `list`, where
 * message is a text or a function (words) -> text; relabel() writes every message again.
 */
export function createMessages(list, words) {
  const items = new Map(); // topic -> { item, message }

  const write = (topic, { item, message }) => {
    const w = words();
    const text = typeof message === 'function' ? message(w) : message;
    const after = w.after[topic];
    const sentence = after ? w.endSentence(text) : text;
    item.textContent = `${w.context[topic] ?? ''}${sentence}${after ?? ''}`;
  };

  const say = (topic, message) => {
    items.get(topic)?.item.remove();
    items.delete(topic);
    if (!message) return;
    const item = list.ownerDocument.createElement('li');
    item.dataset.topic = topic;
    const entry = { item, message };
    write(topic, entry);
    list.append(item);
    items.set(topic, entry);
  };

  const relabel = () => items.forEach((entry, topic) => write(topic, entry));
  return { say, relabel };
}
