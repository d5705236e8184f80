// Wires the demo's controls to the element's attributes and logs its events.
const letter = document.getElementById('letter');
const events = document.getElementById('events');
const controls = document.getElementById('controls');

function setAttribute(name, value) {
  if (value === '' || value === false) letter.removeAttribute(name);
  else letter.setAttribute(name, value === true ? '' : value);
}

controls.addEventListener('change', (event) => {
  const field = event.target;
  if (field.name === 'page-lang') document.documentElement.lang = field.value;
  else if (field.name === 'lang') setAttribute('lang', field.value);
  else if (field.id === 'heading-level') setAttribute('heading-level', field.value);
  else if (field.id === 'hide-language-switch') setAttribute('hide-language-switch', field.checked);
  else if (field.id === 'links-in-new-tab') setAttribute('links-in-new-tab', field.checked);
  else if (field.id === 'highlight') setAttribute('highlight', field.value.trim());
  else if (field.id === 'src') setAttribute('src', field.value);
});

for (const type of ['open-letter-load', 'open-letter-error']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const detail =
      type === 'open-letter-load'
        ? `campaign "${JSON.stringify(event.detail.campaign.title).slice(0, 60)}…"`
        : `reason "${event.detail.reason}": ${event.detail.message}`;
    item.textContent = `${new Date().toLocaleTimeString()} ${type} — ${detail}`;
    events.prepend(item);
  });
}
