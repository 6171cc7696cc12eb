import { Link, useLocation } from 'wouter';

/** One link of a navigation list. */
export interface NavLink {
  href: string;
  label: string;
}

/**
 * A labelled navigation list; the link to the page being shown is marked as current.
 *
 * @example
 * <NavLinks label={t('app.mainNav')} links={links} listClassName="nav-list" />
 */
export function NavLinks({
  label,
  links,
  className,
  listClassName,
}: {
  label: string;
  links: readonly NavLink[];
  className?: string;
  listClassName?: string;
}) {
  const [location] = useLocation();
  return (
    <nav aria-label={label} className={className}>
      <ul className={listClassName}>
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={location === l.href ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
