// The messages of a lab: at most one per topic (a bad link, a bad file, a failed job), each in
// plain words with what the figure does instead. Nothing is thrown at the reader or the console.

const CONTEXT = {
  train: 'Training stopped: ',
  frames: 'The particles could not be moved: ',
  densities: 'The density views could not be computed: ',
  configure: 'The model could not be built: ',
  trajectory: 'The trajectory check failed: ',
  field: 'The vector field could not be computed: ',
  setLearningRate: 'The learning rate could not be changed: ',
  save: 'The network could not be copied for the density views: ',
  adopt: 'The density worker could not load the network: ',
};
const AFTER = {
  train: ' The figures show that network; Train goes on from it, Reset starts again.',
};

/** Returns say(topic, text | null): shows, replaces or removes the message of a topic in `list`. */
export function createMessages(list) {
  const items = new Map();
  return (topic, text) => {
    items.get(topic)?.remove();
    items.delete(topic);
    if (!text) return;
    const item = list.ownerDocument.createElement('li');
    item.dataset.topic = topic;
    const sentence = AFTER[topic] && !/[.!?)]$/.test(text) ? `${text}.` : text;
    item.textContent = `${CONTEXT[topic] ?? ''}${sentence}${AFTER[topic] ?? ''}`;
    list.append(item);
    items.set(topic, item);
  };
}
