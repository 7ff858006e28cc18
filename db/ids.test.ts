import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HybridClock, uuidv7 } from './ids';

test('uuidv7 is a version-7 UUID that sorts by time', () => {
  const a = uuidv7(1_700_000_000_000);
  const b = uuidv7(1_700_000_000_001);
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(a < b);
});

test('the clock never goes backwards, even when the wall clock does', () => {
  let wall = 1_700_000_000_000;
  const clock = new HybridClock('node1', () => wall);
  const first = clock.now();
  wall -= 60_000; // the PC clock was set back a minute
  const second = clock.now();
  assert.ok(second > first, `${second} > ${first}`);
  clock.receive(HybridClock.format(1_800_000_000_000, 3, 'other'));
  const third = clock.now();
  assert.ok(third > HybridClock.format(1_800_000_000_000, 3, 'other'));
});
