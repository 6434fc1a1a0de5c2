// The snapshot format (docs/assets/javascripts/sparse-snapshot.js): what `pack` writes,
// `unpack` gives back byte for byte, however the inflated stream is cut into chunks;
// anything else is refused with an error (the worker then starts Python the plain way).
// Run by tests/node/test_sparse_snapshot.py: node --test tests/node/sparse_snapshot.test.mjs

import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGE, pack, unpack, unpackWith } from "../../docs/assets/javascripts/sparse-snapshot.js";

// A small deterministic generator (mulberry32): the same cases on every run.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Memory like a snapshot's: long zero stretches, pages with a few bytes set, full pages.
function memoryLike(next, size) {
  const memory = new Uint8Array(size);
  for (let at = 0; at < size;) {
    const length = Math.floor(next() * 3 * PAGE) + 1;
    const kind = next();
    if (kind < 0.4) for (let i = at; i < Math.min(at + length, size); i += 1) memory[i] = Math.floor(next() * 256);
    else if (kind < 0.6) memory[Math.min(at + Math.floor(next() * length), size - 1)] = 1 + Math.floor(next() * 255);
    at += length;
  }
  return memory;
}

// The bytes as a stream, cut into chunks of the given sizes (repeated).
function streamOf(bytes, sizes = [65536]) {
  let at = 0;
  let turn = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const size = sizes[turn++ % sizes.length];
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

test("random memories come back byte for byte, in any chunking", async () => {
  const next = random(20261127);
  for (let round = 0; round < 60; round += 1) {
    const size = Math.floor(next() * 40 * PAGE) + 1;
    const memory = memoryLike(next, size);
    let packed;
    try {
      packed = pack(memory);
    } catch (error) {
      assert.match(error.message, /too few empty pages/); // almost no zeros: refused
      continue;
    }
    const chunking = [[65536], [1], [3, 7, 4096], [Math.floor(next() * 9000) + 1]][round % 4];
    assert.deepEqual(await unpack(streamOf(packed, chunking)), memory);
  }
});

test("edges: all zeros, a last page cut short, one byte set at either end", async () => {
  const cases = [new Uint8Array(5 * PAGE), new Uint8Array(3 * PAGE + 17)];
  cases[1][3 * PAGE + 16] = 9;
  const ends = new Uint8Array(8 * PAGE);
  ends[0] = 1;
  ends[ends.length - 1] = 2;
  cases.push(ends);
  for (const memory of cases) {
    assert.deepEqual(await unpack(streamOf(pack(memory), [5])), memory);
  }
  assert.equal(pack(new Uint8Array(5 * PAGE)).length, 12 + 4); // header and run count only
});

test("packing drops the zero pages", () => {
  const memory = new Uint8Array(100 * PAGE);
  memory.fill(7, 10 * PAGE, 12 * PAGE);
  memory[50 * PAGE + 3] = 1;
  // header 12, two runs of 2 and 1 pages, two (offset, length) pairs, the count
  assert.equal(pack(memory).length, 12 + 3 * PAGE + 2 * 8 + 4);
});

test("the file stored with the memory comes back with it, in any chunking", async () => {
  const next = random(20261201);
  const memory = memoryLike(next, 30 * PAGE);
  memory.fill(0, 0, 10 * PAGE);
  const extra = new Uint8Array(5000).map(() => Math.floor(next() * 256));
  const packed = pack(memory, PAGE, extra);
  assert.equal(packed.length, pack(memory).length + extra.length);
  for (const chunking of [[1], [7, 4096], [65536]]) {
    const { memory: back, extra: file } = await unpackWith(streamOf(packed, chunking));
    assert.deepEqual(back, memory);
    assert.deepEqual(file, extra);
  }
  assert.deepEqual(await unpack(streamOf(packed)), memory);
  await assert.rejects(unpackWith(streamOf(packed.slice(0, 12 + 100))), /cut short/);
});

test("memory with too few empty pages is not packed", () => {
  assert.throws(() => pack(new Uint8Array(PAGE).fill(1)), /too few empty pages/);
});

test("anything but a packed snapshot is refused", async () => {
  const memory = new Uint8Array(16 * PAGE);
  memory.fill(3, PAGE, 3 * PAGE);
  memory.fill(4, 9 * PAGE, 10 * PAGE);
  const packed = pack(memory);
  const view = (bytes) => new DataView(bytes.buffer);
  const broken = {
    "empty": new Uint8Array(0),
    "cut inside the header": packed.slice(0, 5),
    "another format": (() => { const b = packed.slice(); b[0] = 0x1f; return b; })(),
    "cut short": packed.slice(0, packed.length - 9),
    "longer than its memory": (() => {
      const b = new Uint8Array(packed.length + memory.length);
      b.set(packed);
      return b;
    })(),
    "a run beyond the memory": (() => {
      const b = packed.slice();
      view(b).setUint32(b.length - 4 - 8, memory.length - 10, true);
      return b;
    })(),
    "runs out of order": (() => {
      const b = packed.slice();
      view(b).setUint32(b.length - 4 - 8, 0, true);
      return b;
    })(),
    "a run count too large": (() => {
      const b = packed.slice();
      view(b).setUint32(b.length - 4, 1_000_000, true);
      return b;
    })(),
    "runs that do not add up": (() => {
      const b = packed.slice();
      view(b).setUint32(b.length - 4 - 16 + 4, PAGE, true);
      return b;
    })(),
  };
  for (const [name, bytes] of Object.entries(broken)) {
    await assert.rejects(unpack(streamOf(bytes, [7])), /not a usable snapshot/, name);
  }
});
