import type { ReactNode } from 'react';

/** A campaign tab's h2 (the page's h1 is the campaign's name), its main action and what it is for. */
export function TabHeader({ title, action, children }: { title: string; action?: ReactNode; children?: ReactNode }) {
  return (
    <>
      <div className="schema-header">
        <h2>{title}</h2>
        {action}
      </div>
      {children && <p className="muted schema-intro">{children}</p>}
    </>
  );
}
