import type { ReactNode } from 'react';

/**
 * The top of a person's card: their name (a heading where the list has no other, else a
 * line; `nameId` lets the card's actions name them), their email, and their status badge
 * followed by any other badges (`children`).
 */
export function PersonSummary({
  person,
  nameId,
  heading = false,
  statusText,
  children,
}: {
  person: { name: string; email: string; status: string };
  nameId: string;
  heading?: boolean;
  statusText: string;
  children?: ReactNode;
}) {
  return (
    <>
      {heading ? (
        <h3 className="card-title" id={nameId}>
          {person.name}
        </h3>
      ) : (
        <p className="person-name" id={nameId}>
          {person.name}
        </p>
      )}
      <p className="break">{person.email}</p>
      <p>
        <span className={`badge status-${person.status}`}>{statusText}</span>
        {children}
      </p>
    </>
  );
}
