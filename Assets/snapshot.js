// The page's "Snapshot" button: saves the newest frame as a JPEG (GET /snapshot.jpg) under a name that says when
// it was taken, e.g. pistream-20261130-201502.jpg. A plain module: it adds its button to the toolbar under the
// picture (#tools, made here when no other feature made it first).

export function fileName(date) {
  const two = (n) => String(n).padStart(2, '0');
  return 'pistream-' + date.getFullYear() + two(date.getMonth() + 1) + two(date.getDate()) +
    '-' + two(date.getHours()) + two(date.getMinutes()) + two(date.getSeconds()) + '.jpg';
}

export async function saveSnapshot() {
  const response = await fetch('/snapshot.jpg', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error((await response.text()).trim() || response.statusText);
  }
  const picture = await response.blob();
  const url = URL.createObjectURL(picture);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(new Date());
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return link.download;
}

function toolbar() {
  let tools = document.getElementById('tools');
  if (!tools) {
    tools = document.createElement('div');
    tools.id = 'tools';
    tools.setAttribute('role', 'toolbar');
    tools.setAttribute('aria-label', 'Camera tools');
    document.getElementById('stage').append(tools);
  }
  return tools;
}

const button = document.createElement('button');
button.id = 'snapshot';
button.type = 'button';
button.className = 'tool';
button.title = 'Save the current picture as a JPEG';
button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9Zm3 5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9Zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z"/></svg><span>Snapshot</span>';
button.addEventListener('click', async () => {
  button.disabled = true;
  button.dataset.state = 'saving';
  try {
    const name = await saveSnapshot();
    button.dataset.state = 'saved';
    button.title = 'Saved ' + name;
  } catch (error) {
    button.dataset.state = 'failed';
    button.title = 'No snapshot: ' + error.message;
  } finally {
    button.disabled = false;
  }
});
toolbar().append(button);
