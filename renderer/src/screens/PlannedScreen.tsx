import type { ScreenId } from '../components/Navigation';

const plans: Record<
  Exclude<ScreenId, 'data' | 'schemes' | 'runs' | 'exports' | 'audit' | 'users'>,
  { title: string; text: string }
> = {
  insights: {
    title: 'Insights',
    text: 'See whether each scheme paid for itself: incremental sales over a baseline against its cost, near-misses to the next slab, budget burn and effective discount per distributor.',
  },
};

export function PlannedScreen({ screen }: { screen: ScreenId }) {
  if (screen !== 'insights') return null;
  const plan = plans[screen];
  return (
    <section className="planned">
      <h1>{plan.title}</h1>
      <p>{plan.text}</p>
      <p className="muted">This screen is coming in a later release of SchemeDesk.</p>
    </section>
  );
}
