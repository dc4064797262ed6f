export const screens = [
  { id: 'data', label: 'Data' },
  { id: 'schemes', label: 'Schemes' },
  { id: 'runs', label: 'Runs' },
  { id: 'exports', label: 'Exports' },
  { id: 'insights', label: 'Insights' },
  { id: 'audit', label: 'Audit' },
  { id: 'users', label: 'Users' },
  { id: 'settings', label: 'Settings' },
] as const;
export type ScreenId = (typeof screens)[number]['id'];

/** The screens; Users and Settings only for an Admin. */
export function Navigation({
  current,
  admin,
  onSelect,
}: {
  current: ScreenId;
  admin: boolean;
  onSelect: (id: ScreenId) => void;
}) {
  return (
    <nav className="nav" aria-label="Screens">
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <span>SchemeDesk</span>
      </div>
      {screens
        .filter((s) => admin || (s.id !== 'users' && s.id !== 'settings'))
        .map((s) => (
          <button
            key={s.id}
            type="button"
            className={s.id === current ? 'nav-item active' : 'nav-item'}
            aria-current={s.id === current ? 'page' : undefined}
            onClick={() => onSelect(s.id)}
          >
            {s.label}
          </button>
        ))}
    </nav>
  );
}
