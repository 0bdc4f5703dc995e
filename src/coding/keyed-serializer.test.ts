import { describe, it, expect } from 'vitest';
import { KeyedSerializer } from './keyed-serializer.ts';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A read-modify-write with an await in the middle, like a call to a remote store. */
function makeAccount() {
  const balances = new Map<string, number>();
  const deposit = async (account: string, amount: number) => {
    const before = balances.get(account) ?? 0;
    await tick();
    balances.set(account, before + amount);
  };
  return { balances, deposit };
}

describe('KeyedSerializer', () => {
  it('loses updates without it (the bug it fixes)', async () => {
    const { balances, deposit } = makeAccount();
    await Promise.all(Array.from({ length: 10 }, () => deposit('acct', 1)));
    expect(balances.get('acct')).toBe(1);
  });

  it('applies every concurrent update to the same key', async () => {
    const { balances, deposit } = makeAccount();
    const serializer = new KeyedSerializer();
    await Promise.all(Array.from({ length: 10 }, () => serializer.run('acct', () => deposit('acct', 1))));
    expect(balances.get('acct')).toBe(10);
  });

  it('runs tasks for one key in the order they were queued and returns each result', async () => {
    const serializer = new KeyedSerializer();
    const order: number[] = [];
    const results = await Promise.all(
      [3, 1, 2].map((n) =>
        serializer.run('k', async () => {
          await new Promise((resolve) => setTimeout(resolve, n));
          order.push(n);
          return n * 10;
        }),
      ),
    );
    expect(order).toEqual([3, 1, 2]);
    expect(results).toEqual([30, 10, 20]);
  });

  it('lets different keys run at the same time', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([serializer.run('a', task('a')), serializer.run('b', task('b'))]);
    expect(log.slice(0, 2)).toEqual(['a start', 'b start']);
  });

  it('rejects only the failing task and keeps the queue moving', async () => {
    const serializer = new KeyedSerializer();
    const failed = serializer.run('k', async () => {
      throw new Error('write conflict');
    });
    const next = serializer.run('k', async () => 'next ran');
    await expect(failed).rejects.toThrow('write conflict');
    expect(await next).toBe('next ran');
  });

  it('forgets a key once its queue drains', async () => {
    const serializer = new KeyedSerializer();
    const work = serializer.run('k', async () => tick());
    expect(serializer.pendingKeys).toBe(1);
    await work;
    await tick();
    expect(serializer.pendingKeys).toBe(0);
  });
});
