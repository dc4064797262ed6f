import type { ScreenId } from '../components/Navigation';

const plans: Record<
  Exclude<ScreenId, 'data' | 'schemes' | 'runs' | 'audit' | 'users'>,
  { title: string; text: string }
> = {
  exports: {
    title: 'Exports',
    text: 'Write approved runs as a payout register, CSV, the import files of Tally, SAP, QuickBooks, Xero, ERPNext, Zoho Books, NetSuite and Business Central, and one statement per distributor.',
  },
  insights: {
    title: 'Insights',
    text: 'See whether each scheme paid for itself: incremental sales over a baseline against its cost, near-misses to the next slab, budget burn and effective discount per distributor.',
  },
};

export function PlannedScreen({ screen }: { screen: ScreenId }) {
  if (screen === 'data' || screen === 'schemes' || screen === 'runs' || screen === 'audit' || screen === 'users')
    return null;
  const plan = plans[screen];
  return (
    <section className="planned">
      <h1>{plan.title}</h1>
      <p>{plan.text}</p>
      <p className="muted">This screen is coming in a later release of SchemeDesk.</p>
    </section>
  );
}
