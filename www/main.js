// The first figure: N(0, I) samples computed in Rust, drawn on a canvas.
import init, { standardNormalSamples, version } from '/pkg/flowlab.js';

const canvas = document.getElementById('base-samples');
const status = document.getElementById('status');

function draw(points) {
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  const scale = width / 8; // the square [-4, 4]^2
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--accent');
  for (let i = 0; i < points.length; i += 2) {
    ctx.fillRect(width / 2 + points[i] * scale - 1, height / 2 - points[i + 1] * scale - 1, 2, 2);
  }
}

try {
  await init();
  const points = standardNormalSamples(4000, 1);
  draw(points);
  status.textContent = `FlowLab core ${version()}: ${points.length / 2} samples drawn.`;
  document.documentElement.dataset.ready = 'true';
} catch (err) {
  status.textContent = `The WebAssembly core failed to load: ${err.message}`;
  document.documentElement.dataset.ready = 'error';
}
