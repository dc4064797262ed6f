import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { openWorkspaceSession } from '../../main/workspace';
import { demoWorkspacePerTest } from '../support/workspace';

describe("the workspace's currency and locale", () => {
  const demo = demoWorkspacePerTest();

  it('are an Admin’s to change, checked, audited, and what every answer then writes in', async () => {
    const window = await openWorkspaceSession(demo.current().ws.dbPath, { requireSignIn: true });
    try {
      const api = createWorkspaceApi(window);
      await api.call('session.signIn', { name: 'priya', pin: '1111' });
      expect(await api.call('settings.save', { currency: 'USD' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      await api.call('session.signIn', { name: 'admin', pin: '0000' });
      expect(await api.call('settings.save', { currency: 'RUPEES' })).toMatchObject({
        ok: false,
        error: { code: 'validation', message: '"RUPEES" is not a currency code (say INR, USD or AED)' },
      });
      expect(await api.call('settings.save', { locale: 'xx-notreal-123456789' })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
      expect(await api.call('settings.save', { currency: 'usd', locale: 'en-us' })).toEqual({
        ok: true,
        value: { currency: 'USD', locale: 'en-US' },
      });
      expect(await api.call('workspace.info', {})).toMatchObject({ value: { currency: 'USD', locale: 'en-US' } });
      // A run's line explains itself in the new way at once.
      const line = window.db
        .prepare("SELECT id FROM payout_lines WHERE unit = 'money' AND final > 0 LIMIT 1")
        .pluck()
        .get();
      const trace = await api.call('review.trace', { line: line as number });
      expect(trace.ok && trace.value.steps[0]?.detail).toMatch(/^\$[\d,]+\.\d{2} of sales$/);
      const audit = window.db
        .prepare("SELECT user, before, after FROM audit_log WHERE action = 'settings.save'")
        .all() as { user: string; before: string; after: string }[];
      expect(audit.map((a) => [a.user, JSON.parse(a.before), JSON.parse(a.after)])).toEqual([
        ['admin', { currency: 'INR', locale: 'en-IN' }, { currency: 'USD', locale: 'en-US' }],
      ]);
    } finally {
      window.db.close();
    }
  });
});

describe('the control thresholds', () => {
  const demo = demoWorkspacePerTest();

  it('count days from a period at most a year, where a larger count threw the run out ("Invalid time value")', async () => {
    const window = await openWorkspaceSession(demo.current().ws.dbPath, { requireSignIn: true });
    try {
      const api = createWorkspaceApi(window);
      await api.call('session.signIn', { name: 'admin', pin: '0000' });
      for (const field of ['spikeReturnsWithinDays', 'spikeDays', 'lateFirstBillDays'])
        expect(await api.call('controls.save', { settings: { [field]: 1e12 } })).toMatchObject({
          ok: false,
          error: { code: 'validation', message: expect.stringMatching(/365/) },
        });
      expect(await api.call('controls.save', { settings: { spikeReturnsWithinDays: 365 } })).toMatchObject({
        ok: true,
        value: { spikeReturnsWithinDays: 365 },
      });
    } finally {
      window.db.close();
    }
  });
});
