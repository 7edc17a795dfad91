// Writes golden cases for keras-convention Dense layers, computed by TensorFlow.js Layers on its pure-JS CPU
// backend: golden/<case>/{x,kernel,bias,y}.npy (float32, NumPy format 1.0) and golden/manifest.json.
// Kernels and biases are set explicitly with setWeights: only tfjs' forward math is the oracle (its default
// kernel initializer, glorotNormal, differs from Keras' glorot_uniform and plays no part).
// Usage: npm ci && node generate.mjs
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');

// [name, activation, input shape (batch..., in), units, useBias, input scale]
const cases = [
  ['linear_4x8_to_5', 'linear', [4, 8], 5, true, 1],
  ['linear_2x3x7_to_4', 'linear', [2, 3, 7], 4, true, 1],
  ['linear_1x1_to_1', 'linear', [1, 1], 1, true, 1],
  ['linear_5x16_to_3_nobias', 'linear', [5, 16], 3, false, 1],
  ['linear_3x33_to_2_wide', 'linear', [3, 33], 2, true, 64],
  ['relu_4x8_to_6', 'relu', [4, 8], 6, true, 1],
  ['relu_2x3x5_to_4', 'relu', [2, 3, 5], 4, true, 1],
  ['sigmoid_4x8_to_6', 'sigmoid', [4, 8], 6, true, 1],
  ['sigmoid_3x2x6_to_3_saturating', 'sigmoid', [3, 2, 6], 3, true, 8],
  ['tanh_4x8_to_6', 'tanh', [4, 8], 6, true, 1],
  ['tanh_3x2x6_to_3_saturating', 'tanh', [3, 2, 6], 3, true, 8],
];

// mulberry32: a fixed-seed generator, so the inputs (and so the files) are reproducible.
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Values in (-scale, scale) over several binades, rounded to float32.
function values(random, count, scale) {
  return Float32Array.from({ length: count }, () => {
    const binade = Math.floor(random() * 6) - 4;
    return Math.fround((random() * 2 - 1) * scale * 2 ** binade);
  });
}

// NumPy format 1.0, as np.save writes it: sorted-key dict, growth padding, '\n' at a multiple of 64.
function npy(shape, data) {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${tuple}, }`;
  if (shape.length > 0) header += ' '.repeat(21 - String(shape[0]).length);
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat(64 - (unpadded % 64)) + '\n';
  const file = Buffer.alloc(10 + header.length + data.length * 4);
  file.write('\x93NUMPY', 0, 'latin1');
  file[6] = 1;
  file[7] = 0;
  file.writeUInt16LE(header.length, 8);
  file.write(header, 10, 'latin1');
  data.forEach((value, i) => file.writeFloatLE(value, 10 + header.length + i * 4));
  return file;
}

await tf.setBackend('cpu');
await tf.ready();
if (tf.getBackend() !== 'cpu') throw new Error(`expected the cpu backend, got ${tf.getBackend()}`);

rmSync(goldenDir, { recursive: true, force: true });
const manifest = { generator: 'generate.mjs', tfjs: tf.version.tfjs, backend: tf.getBackend(), cases: [] };
cases.forEach(([name, activation, xShape, units, useBias, scale], index) => {
  const random = generator(20261129 + index);
  const inFeatures = xShape[xShape.length - 1];
  const x = values(random, xShape.reduce((a, b) => a * b, 1), scale);
  const kernel = values(random, inFeatures * units, 1);
  const bias = values(random, units, 1);

  const layer = tf.layers.dense({ units, activation, useBias, inputShape: xShape.slice(1) });
  const model = tf.sequential({ layers: [layer] });
  layer.setWeights(useBias ? [tf.tensor(kernel, [inFeatures, units]), tf.tensor(bias, [units])] : [tf.tensor(kernel, [inFeatures, units])]);
  const y = model.predict(tf.tensor(x, xShape));
  const yShape = y.shape;
  const yValues = y.dataSync();

  const dir = join(goldenDir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'x.npy'), npy(xShape, x));
  writeFileSync(join(dir, 'kernel.npy'), npy([inFeatures, units], kernel));
  if (useBias) writeFileSync(join(dir, 'bias.npy'), npy([units], bias));
  writeFileSync(join(dir, 'y.npy'), npy(yShape, yValues));
  manifest.cases.push({ name, activation, useBias, xShape, units, yShape });
});
writeFileSync(join(goldenDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${cases.length} cases to ${goldenDir} with tfjs ${tf.version.tfjs} on ${tf.getBackend()}`);
