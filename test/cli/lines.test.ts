import { describe, expect, it } from 'vitest';
import { leadingId, readLines, type LineItem } from '../../src/cli/lines.js';

async function collect(chunks: Array<string | Uint8Array>, max: number): Promise<LineItem[]> {
  const items: LineItem[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const item of readLines(source(), max)) items.push(item);
  return items;
}

describe('readLines', () => {
  it('splits on newlines across chunks, dropping \\r and keeping a last line without newline', async () => {
    expect(await collect(['{"a":1}\r\n{"b"', ':2}\n\n', 'last'], 100)).toEqual([{ line: '{"a":1}' }, { line: '{"b":2}' }, { line: '' }, { line: 'last' }]);
  });

  it('decodes a character split between chunks', async () => {
    const bytes = Buffer.from('café\n');
    expect(await collect([bytes.subarray(0, 4), bytes.subarray(4)], 100)).toEqual([{ line: 'café' }]);
  });

  it('replaces a line over the cap by a marker with its first bytes, and reads on', async () => {
    const big = `{"id":"big","text":"${'x'.repeat(500)}"}`;
    const chunks = ['{"id":1}\n', big.slice(0, 100), big.slice(100, 300), `${big.slice(300)}\n{"id":2}\n`];
    const items = await collect(chunks, 200);
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({ line: '{"id":1}' });
    expect(items[1]).toMatchObject({ tooLarge: true });
    expect((items[1] as { head: string }).head.startsWith('{"id":"big"')).toBe(true);
    expect(items[2]).toEqual({ line: '{"id":2}' });
  });

  it('accepts a line of exactly the cap', async () => {
    expect(await collect([`${'a'.repeat(10)}\n`], 10)).toEqual([{ line: 'a'.repeat(10) }]);
    expect(await collect([`${'a'.repeat(11)}\n`], 10)).toMatchObject([{ tooLarge: true }]);
  });

  it('pulls the stream only as lines are taken', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield `{"id":${i}}\n`;
      }
    }
    const lines = readLines(source(), 100);
    await lines.next();
    await lines.next();
    expect(pulled).toBe(2);
    await lines.return(undefined);
  });
});

describe('leadingId', () => {
  it('reads the id a line opens with, whatever its JSON type', () => {
    expect(leadingId('{"id": 7, "html": "<p>')).toBe(7);
    expect(leadingId('{ "id":"a \\"b\\"","text":"')).toBe('a "b"');
    expect(leadingId('{"id":null,"url"')).toBeNull();
  });

  it('is null when the line does not open with an id', () => {
    expect(leadingId('{"html": "<p>", "id": 3}')).toBeNull();
    expect(leadingId('not json')).toBeNull();
  });
});
