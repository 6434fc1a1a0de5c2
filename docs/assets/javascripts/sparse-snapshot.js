// The Pyodide memory snapshot without its empty pages: the format the build writes
// (hooks/pyodide_snapshot.mjs, `pack`) and the calculators' worker reads (`unpack`).
//
// A snapshot is a copy of WebAssembly memory, and most of it is zeros (over two thirds).
// Inflating those zeros is most of the time a fast start spends on the snapshot, so the
// file holds only the pages that are not all zeros, after the file the snapshot needs
// beside it (the trimmed standard library it was made on: hooks/pyodide_snapshot.mjs):
//
//   "NBS2" | memory size | extra size | the extra file | the non-zero runs' bytes, in
//   order | each run's (offset, length) | the number of runs
//                                        (every number a little-endian uint32)
//
// `unpackWith` gives back {memory, extra}; `unpack`, the memory. It streams the inflated file straight into a buffer of the memory's size, then
// moves each run to its place, last run first (a run never moves left, so no run
// overwrites one still waiting), and clears what is left between the runs.

const MAGIC = 0x3253424e; // "NBS2", read as a little-endian uint32
const HEADER = 12;
export const PAGE = 4096;

function isZero(bytes, start, end) {
  for (let i = start; i < end; i += 1) if (bytes[i] !== 0) return false;
  return true;
}

// The runs of pages that are not all zeros: [[offset, length], …].
function runsOf(memory, page) {
  const runs = [];
  for (let start = 0; start < memory.length; start += page) {
    const end = Math.min(start + page, memory.length);
    if (isZero(memory, start, end)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === start) last[1] += end - start;
    else runs.push([start, end - start]);
  }
  return runs;
}

export function pack(memory, page = PAGE, extra = new Uint8Array(0)) {
  const runs = runsOf(memory, page);
  const body = runs.reduce((sum, [, length]) => sum + length, 0);
  // Unpacking first puts everything after the extra file in a buffer of the memory's size.
  if (body + runs.length * 8 + 4 > memory.length) throw new Error("too few empty pages to pack");
  const out = new Uint8Array(HEADER + extra.length + body + runs.length * 8 + 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, memory.length, true);
  view.setUint32(8, extra.length, true);
  out.set(extra, HEADER);
  let at = HEADER + extra.length;
  for (const [offset, length] of runs) {
    out.set(memory.subarray(offset, offset + length), at);
    at += length;
  }
  for (const [offset, length] of runs) {
    view.setUint32(at, offset, true);
    view.setUint32(at + 4, length, true);
    at += 8;
  }
  view.setUint32(at, runs.length, true);
  return out;
}

function fail(message) {
  throw new Error(`not a usable snapshot: ${message}`);
}

// The packed bytes (`written` of them, at the start of `memory`) put in their places.
function expand(memory, written) {
  const view = new DataView(memory.buffer, memory.byteOffset, memory.byteLength);
  if (written < 4) fail("no run count");
  const count = view.getUint32(written - 4, true);
  const table = written - 4 - count * 8;
  if (table < 0) fail("the run table is cut short");
  const runs = [];
  let body = 0;
  let end = 0;
  for (let i = 0; i < count; i += 1) {
    const offset = view.getUint32(table + i * 8, true);
    const length = view.getUint32(table + i * 8 + 4, true);
    if (offset < end || length === 0 || offset + length > memory.length) fail("a run is out of place");
    runs.push([offset, length]);
    body += length;
    end = offset + length;
  }
  if (body !== table) fail("the runs do not add up to the bytes");
  let position = table;
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    const [offset, length] = runs[i];
    position -= length;
    memory.copyWithin(offset, position, position + length);
  }
  let cleared = 0; // only the first `written` bytes ever held anything
  for (const [offset, length] of [...runs, [memory.length, 0]]) {
    if (cleared < written) memory.fill(0, cleared, Math.min(offset, written));
    cleared = offset + length;
  }
  return memory;
}

// A packed snapshot's (inflated) stream of bytes: {memory, extra}, the memory it was
// made from and the file stored with it.
export async function unpackWith(stream) {
  const reader = stream.getReader();
  let head = new Uint8Array(0);
  let memory = null;
  let extra = null;
  let extraWritten = 0;
  let written = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let chunk = value;
    if (!memory) {
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      head = joined;
      if (head.length < HEADER) continue;
      const view = new DataView(head.buffer, head.byteOffset, HEADER);
      if (view.getUint32(0, true) !== MAGIC) fail("it does not start with NBS2");
      memory = new Uint8Array(view.getUint32(4, true));
      extra = new Uint8Array(view.getUint32(8, true));
      chunk = head.subarray(HEADER);
    }
    if (extraWritten < extra.length) {
      const part = chunk.subarray(0, extra.length - extraWritten);
      extra.set(part, extraWritten);
      extraWritten += part.length;
      chunk = chunk.subarray(part.length);
    }
    if (written + chunk.length > memory.length) fail("it is larger than the memory it states");
    memory.set(chunk, written);
    written += chunk.length;
  }
  if (!memory || extraWritten < extra.length) fail("it is cut short");
  return { memory: expand(memory, written), extra };
}

// A packed snapshot's (inflated) stream of bytes, as the memory it was made from.
export async function unpack(stream) {
  return (await unpackWith(stream)).memory;
}
